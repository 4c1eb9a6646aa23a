{{ understudy_mask('chinook', 'customer') }}
