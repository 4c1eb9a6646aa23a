{{ understudy_mask('jaffle_shop', 'customers') }}
