{{ understudy_mask('fault_cases', 'card_txn') }}
