{{ understudy_mask('neosync', 'regions') }}
