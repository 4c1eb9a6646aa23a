{{ understudy_mask('bench', 'products') }}
