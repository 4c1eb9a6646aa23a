{#- Per column, the masked table has as many NULLs and as many empty strings as its source
    (NULL in, NULL out; '' in, '' out). Columns masked with `null` are exempt. One failing
    row per column, with the four counts. -#}
{% test understudy_null_parity(model, source_name=none, table_name=none) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set cols = plan.columns | rejectattr('method', 'equalto', 'null') | list -%}
{%- set aggregates -%}
    count(*) as _rows
    {%- for c in cols %},
    count(*) filter (where {{ c.quoted }} is null) as n{{ loop.index }}
    {%- if c.type.family == 'text' %},
    count(*) filter (where {{ c.quoted }} = '') as e{{ loop.index }}
    {%- else %},
    0 as e{{ loop.index }}
    {%- endif %}
    {%- endfor %}
{%- endset -%}
with s as (
    select {{ aggregates }} from {{ plan.relation }}
),
m as (
    select {{ aggregates }} from {{ model }}
),
per_column as (
    {%- for c in cols %}
    select {{ _understudy_literal(c.label) }} as column_name, s.n{{ loop.index }} as source_nulls, m.n{{ loop.index }} as masked_nulls,
           s.e{{ loop.index }} as source_empty, m.e{{ loop.index }} as masked_empty
    from s, m
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)
select * from per_column
where source_nulls <> masked_nulls or source_empty <> masked_empty
{%- endif -%}
{% endtest %}
