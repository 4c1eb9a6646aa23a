{{ understudy_mask('synthea', 'payer_transitions') }}
