{{ understudy_mask('pg_anonymizer', 'payout') }}
