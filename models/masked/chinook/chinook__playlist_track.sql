{{ understudy_mask('chinook', 'playlist_track') }}
