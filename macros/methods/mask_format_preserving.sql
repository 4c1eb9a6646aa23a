{#- format_preserving: replace every digit (and, with letters: true, every ASCII letter) by a
    keyed permutation of the whole sequence, keeping separators, length and leading zeros.
    Numeric columns keep their number of digits and stay within their type's range. Variants that differ only in separators
    ('555-0142', '(555) 0142') get the same digits. -#}
{% macro default__mask_format_preserving(c) %}
    {%- set domain = _understudy_literal(c.domain) -%}
    {%- set label = _understudy_literal(c.label) -%}
    {%- if c.type.family == 'integer' -%}
        {{- return("cast(us_fpe_digits_int(" ~ c.quoted ~ ", " ~ c.type.bits ~ ", " ~ domain ~ ", " ~ label ~ ") as " ~ c.type.sql_type ~ ")") -}}
    {%- endif -%}
    {%- set letters = 'true' if c.params.letters else 'false' -%}
    {{- return("us_fpe_text(" ~ c.quoted ~ ", " ~ domain ~ ", " ~ letters ~ ", " ~ label ~ ")") -}}
{% endmacro %}
