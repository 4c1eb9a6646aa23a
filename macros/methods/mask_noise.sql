{#- noise: multiply by (1 + u * fraction), u in [-1, 1] fixed per (column, entity) under the
    key, then clamp to [min, max] when given. Same entity, same noise: rebuilds are stable. -#}
{% macro default__mask_noise(c) %}
    {%- set fr = c.params.fraction -%}
    {%- if fr is not number or fr <= 0 or fr > 1 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": noise.fraction must be in (0, 1], got " ~ fr) }}
    {%- endif -%}
    {%- set entity = c.entity.sql if c.entity.name is not none else c.quoted -%}
    {%- set expr = c.quoted ~ " * (1 + " ~ fr ~ " * us_unit_noise(" ~ _understudy_literal(c.label) ~ ", " ~ entity ~ "))" -%}
    {%- if c.params.min is not none -%}{%- set expr = "greatest(" ~ expr ~ ", " ~ c.params.min ~ ")" -%}{%- endif -%}
    {%- if c.params.max is not none -%}{%- set expr = "least(" ~ expr ~ ", " ~ c.params.max ~ ")" -%}{%- endif -%}
    {#- Never past what the column type holds (DECIMAL(p,s), or the integer's width). -#}
    {%- if c.type.family == 'integer' -%}
        {%- set top = 2 ** (c.type.bits - 1) - 1 -%}
        {%- set expr = "least(greatest(" ~ expr ~ ", " ~ (-top - 1) ~ "), " ~ top ~ ")" -%}
    {%- elif c.type.precision -%}
        {%- set top = "(10 ** " ~ (c.type.precision - c.type.scale) ~ " - 10 ** -" ~ c.type.scale ~ ")" -%}
        {%- set expr = "least(greatest(" ~ expr ~ ", -" ~ top ~ "), " ~ top ~ ")" -%}
    {%- endif -%}
    {#- least() and greatest() skip NULLs, so NULL is kept explicitly. -#}
    {{- return("case when " ~ c.quoted ~ " is null then null else cast(" ~ expr ~ " as " ~ c.type.sql_type ~ ") end") -}}
{% endmacro %}
