{{ understudy_mask('bench', 'employees') }}
