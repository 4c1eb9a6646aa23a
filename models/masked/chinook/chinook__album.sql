{{ understudy_mask('chinook', 'album') }}
