{{ understudy_mask('bench', 'customers') }}
