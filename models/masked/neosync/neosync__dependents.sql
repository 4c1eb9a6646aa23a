{{ understudy_mask('neosync', 'dependents') }}
