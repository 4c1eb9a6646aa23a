{{ understudy_mask('fault_cases', 'cards') }}
