{{ understudy_mask('neosync', 'departments') }}
