{{ understudy_mask('fault_cases', 'people') }}
