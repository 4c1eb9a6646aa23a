{{ understudy_mask('synthea', 'immunizations') }}
