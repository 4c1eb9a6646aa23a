{{ understudy_mask('bench', 'order_lines') }}
