{{ understudy_mask('neosync', 'countries') }}
