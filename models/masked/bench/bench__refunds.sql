{{ understudy_mask('bench', 'refunds') }}
