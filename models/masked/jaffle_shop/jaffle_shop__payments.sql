{{ understudy_mask('jaffle_shop', 'payments') }}
