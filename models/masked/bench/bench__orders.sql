{{ understudy_mask('bench', 'orders') }}
