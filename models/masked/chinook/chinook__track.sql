{{ understudy_mask('chinook', 'track') }}
