{{ understudy_mask('synthea', 'patients') }}
