{{ understudy_mask('neosync', 'BadName') }}
