{{ understudy_mask('synthea', 'providers') }}
