{#- fake_card_number: same length and separators, the issuer prefix replaced by a test-only
    IIN (default 999999), the account digits permuted under the key, and a valid Luhn digit. -#}
{% macro default__mask_fake_card_number(c) %}
    {%- set iin = c.params.iin | string -%}
    {%- if not modules.re.match('^[0-9]{1,8}$', iin) -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": fake_card_number.iin must be 1 to 8 digits") }}
    {%- endif -%}
    {%- set args = _understudy_literal(c.domain) ~ ", " ~ _understudy_literal(iin) ~ ", " ~ _understudy_literal(c.label) -%}
    {%- if c.type.family == 'integer' -%}
        {{- return("cast(us_card(cast(" ~ c.quoted ~ " as VARCHAR), " ~ args ~ ") as " ~ c.type.sql_type ~ ")") -}}
    {%- endif -%}
    {{- return("us_card(" ~ c.quoted ~ ", " ~ args ~ ")") -}}
{% endmacro %}
