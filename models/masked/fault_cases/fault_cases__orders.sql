{{ understudy_mask('fault_cases', 'orders') }}
