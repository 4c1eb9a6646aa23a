{#- generalize: coarsen a value. `to` is one of
      month, year   (dates and timestamps: truncated, type kept)
      band          (numbers: rounded down to a multiple of `width`, e.g. age bands)
      prefix        (text such as postcodes: the first `keep` characters, the rest as '*') -#}
{% macro default__mask_generalize(c) %}
    {%- set to = c.params.to -%}
    {%- set f = c.type.family -%}
    {%- if to in ['month', 'year'] and f == 'date' -%}
        {{- return("cast(date_trunc(" ~ _understudy_literal(to) ~ ", " ~ c.quoted ~ ") as " ~ c.type.sql_type ~ ")") -}}
    {%- elif to == 'band' and f in ['integer', 'numeric'] -%}
        {%- set w = c.params.width -%}
        {%- if w is not number or w <= 0 -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": generalize.width must be a positive number") }}
        {%- endif -%}
        {{- return("cast(floor(" ~ c.quoted ~ " / " ~ w ~ ") * " ~ w ~ " as " ~ c.type.sql_type ~ ")") -}}
    {%- elif to == 'prefix' and f == 'text' -%}
        {%- set k = c.params.keep -%}
        {%- if k is not number or k < 0 -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": generalize.keep must be a whole number >= 0") }}
        {%- endif -%}
        {{- return("left(" ~ c.quoted ~ ", " ~ k ~ ") || repeat('*', greatest(length(" ~ c.quoted ~ ") - " ~ k ~ ", 0))") -}}
    {%- endif -%}
    {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": generalize.to '" ~ to ~ "' does not apply to type " ~ c.type.declared ~ " (month/year for dates, band for numbers, prefix for text)") }}
{% endmacro %}
