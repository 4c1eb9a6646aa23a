{{ understudy_mask('fault_cases', 'subscribers') }}
