{{ config(alias='Bad Name 123!@#') }}
{{ understudy_mask('neosync', 'bad_name_123') }}
