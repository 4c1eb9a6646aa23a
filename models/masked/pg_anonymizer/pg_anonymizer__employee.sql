{{ understudy_mask('pg_anonymizer', 'employee') }}
