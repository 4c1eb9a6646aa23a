{{ understudy_mask('neosync', 'shipping_status') }}
