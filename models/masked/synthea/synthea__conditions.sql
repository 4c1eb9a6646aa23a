{{ understudy_mask('synthea', 'conditions') }}
