{{ understudy_mask('chinook', 'invoice') }}
