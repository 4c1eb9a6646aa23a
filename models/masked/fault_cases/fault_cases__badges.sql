{{ understudy_mask('fault_cases', 'badges') }}
