{{ understudy_mask('synthea', 'payers') }}
