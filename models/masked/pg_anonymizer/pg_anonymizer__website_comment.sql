{{ understudy_mask('pg_anonymizer', 'website_comment') }}
