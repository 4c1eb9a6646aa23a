{{ understudy_mask('jaffle_shop', 'orders') }}
