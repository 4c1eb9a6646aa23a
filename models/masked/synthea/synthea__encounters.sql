{{ understudy_mask('synthea', 'encounters') }}
