{{ understudy_mask('neosync', 'transformers') }}
