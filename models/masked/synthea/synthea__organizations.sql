{{ understudy_mask('synthea', 'organizations') }}
