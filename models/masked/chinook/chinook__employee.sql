{{ understudy_mask('chinook', 'employee') }}
