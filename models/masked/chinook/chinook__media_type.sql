{{ understudy_mask('chinook', 'media_type') }}
