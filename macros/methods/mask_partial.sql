{#- partial: keep the last `keep_last` characters and mask the rest with `mask_char`.
    A value not longer than twice `keep_last` is masked whole, so short values never survive. -#}
{% macro default__mask_partial(c) %}
    {%- set n = c.params.keep_last -%}
    {%- if n is not number or n < 0 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": partial.keep_last must be a whole number >= 0, got " ~ n) }}
    {%- endif -%}
    {%- if c.params.mask_char | string | length != 1 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": partial.mask_char must be one character") }}
    {%- endif -%}
    {%- set col = c.quoted -%}
    {%- set mask = _understudy_literal(c.params.mask_char) -%}
    {{- return("case when length(" ~ col ~ ") > " ~ (2 * n) ~ " then repeat(" ~ mask ~ ", length(" ~ col ~ ") - " ~ n ~ ") || right(" ~ col ~ ", " ~ n ~ ") else repeat(" ~ mask ~ ", length(" ~ col ~ ")) end") -}}
{% endmacro %}
