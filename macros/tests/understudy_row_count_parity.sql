{#- The masked table has exactly as many rows as its source. Fails with both counts. -#}
{% test understudy_row_count_parity(model, source_name=none, table_name=none) %}
{%- if execute -%}{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}{%- endif -%}
with source_rows as (
    select count(*) as n from {{ plan.relation if execute else model }}
),
masked_rows as (
    select count(*) as n from {{ model }}
)
select
    {{ _understudy_literal(plan.label) if execute else "''" }} as source_table,
    source_rows.n as source_rows,
    masked_rows.n as masked_rows
from source_rows, masked_rows
where source_rows.n <> masked_rows.n
{% endtest %}
