{#- Keys that are unique in the source are unique in the masked table: the primary key (as a
    tuple) and every column tagged unique. Fails with the number of duplicated values. -#}
{% test understudy_unique_parity(model, source_name=none, table_name=none) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set keys = [] -%}
{%- if plan.primary_key -%}{%- do keys.append(plan.primary_key) -%}{%- endif -%}
{%- for c in plan.columns if c.unique and [c.name] not in keys -%}{%- do keys.append([c.name]) -%}{%- endfor -%}
{%- if not keys -%}
select 1 as _no_unique_keys where false
{%- else -%}
select * from (
{%- for key in keys %}
{%- set quoted = [] -%}{%- for k in key -%}{%- do quoted.append(adapter.quote(k)) -%}{%- endfor -%}
{%- set not_null = [] -%}{%- for q in quoted -%}{%- do not_null.append(q ~ ' is not null') -%}{%- endfor %}
select {{ _understudy_literal(plan.label ~ '.(' ~ key | join(', ') ~ ')') }} as unique_key,
    (select count(*) from (select {{ quoted | join(', ') }} from {{ plan.relation }} where {{ not_null | join(' and ') }} group by all having count(*) > 1)) as source_duplicates,
    (select count(*) from (select {{ quoted | join(', ') }} from {{ model }} where {{ not_null | join(' and ') }} group by all having count(*) > 1)) as masked_duplicates
{{ 'union all' if not loop.last }}
{%- endfor %}
) as per_key
where masked_duplicates > source_duplicates
{%- endif -%}
{%- endif -%}
{% endtest %}
