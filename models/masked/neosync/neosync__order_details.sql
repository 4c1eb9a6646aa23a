{{ understudy_mask('neosync', 'order_details') }}
