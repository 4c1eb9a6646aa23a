{#- The call shared by the fake_* methods. NULL stays NULL, '' stays '', the output fits the
    declared length (or the build stops naming the column), and never equals the input. -#}
{% macro _understudy_fake(kind, c) %}
    {%- set maxlen = c.type.length or 255 -%}
    {%- set unique = 'true' if (c.unique or c.in_pk) else 'false' -%}
    {{- return("us_fake(" ~ _understudy_literal(kind) ~ ", " ~ c.quoted ~ ", " ~ _understudy_literal(c.domain) ~ ", " ~ maxlen ~ ", " ~ unique ~ ", " ~ _understudy_literal(c.label) ~ ")") -}}
{% endmacro %}
