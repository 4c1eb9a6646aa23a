{{ understudy_mask('neosync', 'orders') }}
