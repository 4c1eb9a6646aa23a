{#- date_shift: move every date of one entity by the same keyed offset of 1 to max_days days,
    earlier or later (never 0). Dates of one person move together, across tables, so
    intervals and orderings such as birth <= death hold. The result is clamped to
    [not_before, not_after] ('today' means the build date); clamping keeps the order. -#}
{% macro default__mask_date_shift(c) %}
    {%- set max_days = c.params.max_days -%}
    {%- if max_days is not number or max_days < 1 or max_days > 36500 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": date_shift.max_days must be a whole number from 1 to 36500, got " ~ max_days) }}
    {%- endif -%}
    {%- set t = c.type.sql_type -%}
    {%- set offset = "us_shift_days(" ~ _understudy_literal(c.entity.domain) ~ ", " ~ c.entity.sql ~ ", " ~ max_days ~ ")" -%}
    {%- set shifted = namespace(sql="") -%}
    {%- if t == 'DATE' -%}
        {%- set shifted.sql = c.quoted ~ " + cast(" ~ offset ~ " as INTEGER)" -%}
    {%- else -%}
        {%- set shifted.sql = c.quoted ~ " + to_days(cast(" ~ offset ~ " as INTEGER))" -%}
    {%- endif -%}
    {#- The declared bounds, then the calendar's (years 1 to 9999, which every client reads). -#}
    {%- set bounds = [(c.params.not_after, 'least'), (c.params.not_before, 'greatest'), ('9999-12-31', 'least'), ('0001-01-01', 'greatest')] -%}
    {%- for bound, fn in bounds if bound is not none -%}
        {%- if bound == 'today' -%}
            {%- set limit = "cast(current_date as " ~ t ~ ")" -%}
        {%- elif modules.re.match('^\\d{4}-\\d{2}-\\d{2}$', bound | string) -%}
            {%- set limit = "cast(" ~ _understudy_literal(bound) ~ " as " ~ t ~ ")" -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": date_shift bounds must be 'today' or YYYY-MM-DD, got '" ~ bound ~ "'") }}
        {%- endif -%}
        {%- set shifted.sql = fn ~ "(" ~ shifted.sql ~ ", " ~ limit ~ ")" -%}
    {%- endfor -%}
    {#- least() and greatest() skip NULLs, so NULL is kept explicitly. -#}
    {{- return("case when " ~ c.quoted ~ " is null then null else cast(" ~ shifted.sql ~ " as " ~ t ~ ") end") -}}
{% endmacro %}
