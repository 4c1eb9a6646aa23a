{{ understudy_mask('chinook', 'artist') }}
