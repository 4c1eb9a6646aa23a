{{ understudy_mask('chinook', 'genre') }}
