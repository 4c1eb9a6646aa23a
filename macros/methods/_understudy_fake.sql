{#- The call shared by the fake_* methods. NULL stays NULL, '' stays '', the output fits the
    declared length (or the build stops naming the column), and never equals the input. -#}
{% macro _understudy_fake(kind, c) %}
    {%- set maxlen = c.type.length or 255 -%}
    {{- return("us_fake(" ~ _understudy_literal(kind) ~ ", " ~ c.quoted ~ ", " ~ _understudy_literal(c.domain) ~ ", " ~ maxlen ~ ", " ~ _understudy_literal(c.label) ~ ")") -}}
{% endmacro %}
