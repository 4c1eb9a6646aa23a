{#-
    Parse a declared column type ("varchar(60)", "numeric(10,2)", "bigint") into what the
    methods need: its family, the SQL type to cast back to, its length and its integer width.
    With strict=false a type it cannot read gives family 'unsupported' instead of an error (for
    live types, which production may have in any form).
-#}
{% macro understudy_parse_type(data_type, label, strict=true) %}
    {%- if data_type is none or (data_type | string | trim) == '' -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": no data_type declared. Every column needs its declared type (with its length, e.g. varchar(40)) so that masking can keep it.") }}
    {%- endif -%}
    {%- set t = data_type | string | lower | trim -%}
    {%- set m = modules.re.match('^([a-z_ ]+?)\\s*(\\(\\s*(\\d+)\\s*(,\\s*(\\d+)\\s*)?\\))?$', t) -%}
    {%- if m is none and not strict -%}
        {{ return({'family': 'unsupported', 'sql_type': data_type | string | trim, 'bits': none, 'length': none, 'declared': t}) }}
    {%- elif m is none -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": cannot read data_type '" ~ data_type ~ "'") }}
    {%- endif -%}
    {%- set base = m.group(1) | trim -%}
    {%- set n = m.group(3) -%}
    {%- set ints = {'tinyint': 8, 'int1': 8, 'smallint': 16, 'int2': 16, 'integer': 32, 'int': 32, 'int4': 32, 'signed': 32, 'bigint': 64, 'int8': 64, 'long': 64} -%}
    {%- set texts = ['varchar', 'character varying', 'char', 'character', 'bpchar', 'text', 'string', 'nvarchar', 'nchar'] -%}
    {%- set numerics = ['numeric', 'decimal', 'double', 'double precision', 'float', 'float4', 'float8', 'real'] -%}
    {%- set dates = {'date': 'DATE', 'timestamp': 'TIMESTAMP', 'datetime': 'TIMESTAMP', 'timestamp without time zone': 'TIMESTAMP', 'timestamptz': 'TIMESTAMPTZ', 'timestamp with time zone': 'TIMESTAMPTZ'} -%}
    {%- if base in ints -%}
        {%- set out = {'family': 'integer', 'sql_type': base | upper, 'bits': ints[base], 'length': none} -%}
    {%- elif base in texts -%}
        {%- set out = {'family': 'text', 'sql_type': 'VARCHAR', 'bits': none, 'length': (n | int) if n else none} -%}
    {%- elif base in numerics -%}
        {%- set sql_type = base | upper ~ (('(' ~ n ~ ((',' ~ m.group(5)) if m.group(5) else '') ~ ')') if n else '') -%}
        {%- set out = {'family': 'numeric', 'sql_type': sql_type, 'bits': none, 'length': none, 'scale': (m.group(5) | int) if m.group(5) else 0, 'precision': (n | int) if (n and base in ['numeric', 'decimal']) else none} -%}
    {%- elif base in dates -%}
        {%- set out = {'family': 'date', 'sql_type': dates[base], 'bits': none, 'length': none} -%}
    {%- elif base == 'uuid' -%}
        {%- set out = {'family': 'uuid', 'sql_type': 'UUID', 'bits': 128, 'length': none} -%}
    {%- elif base in ['json', 'jsonb'] -%}
        {%- set out = {'family': 'json', 'sql_type': 'JSON', 'bits': none, 'length': none} -%}
    {%- elif base in ['boolean', 'bool'] -%}
        {%- set out = {'family': 'boolean', 'sql_type': 'BOOLEAN', 'bits': none, 'length': none} -%}
    {%- else -%}
        {%- set out = {'family': 'other', 'sql_type': base | upper, 'bits': none, 'length': none} -%}
    {%- endif -%}
    {%- do out.update({'declared': t}) -%}
    {{ return(out) }}
{% endmacro %}
