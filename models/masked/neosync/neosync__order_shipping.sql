{{ understudy_mask('neosync', 'order_shipping') }}
