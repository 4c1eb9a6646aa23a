{{ understudy_mask('chinook', 'playlist') }}
