{{ understudy_mask('neosync', 'locations') }}
