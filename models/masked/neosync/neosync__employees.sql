{{ understudy_mask('neosync', 'employees') }}
