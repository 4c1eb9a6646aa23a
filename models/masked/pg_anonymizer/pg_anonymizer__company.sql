{{ understudy_mask('pg_anonymizer', 'company') }}
