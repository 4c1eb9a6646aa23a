{{ understudy_mask('pg_anonymizer', 'supplier') }}
