{#- redact: a non-empty value becomes one constant. NULL and '' are kept as they are.
    JSON documents become the empty object. The constant must fit the declared length. -#}
{% macro default__mask_redact(c) %}
    {%- if c.type.family == 'json' -%}
        {%- set value = c.params.value if c.params.value is not none else '{}' -%}
        {{- return("case when " ~ c.quoted ~ " is null then null else cast(" ~ _understudy_literal(value) ~ " as JSON) end") -}}
    {%- endif -%}
    {%- set value = c.params.value if c.params.value is not none else '[redacted]' -%}
    {%- if c.type.length is not none and value | length > c.type.length -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": redaction text '" ~ value ~ "' is longer than " ~ c.type.declared ~ "; set params.value to a shorter one") }}
    {%- endif -%}
    {{- return("case when " ~ c.quoted ~ " is null or " ~ c.quoted ~ " = '' then " ~ c.quoted ~ " else " ~ _understudy_literal(value) ~ " end") -}}
{% endmacro %}
