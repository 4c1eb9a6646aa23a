{{ understudy_mask('neosync', 'jobs') }}
