{{ understudy_mask('pg_anonymizer', 'customer') }}
