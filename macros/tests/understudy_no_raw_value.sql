{#-
    No raw value is left in the masked table. Two checks, one failing row per column:

    * row by row: for every column whose method replaces values (`replaces` in the catalog),
      no masked row keeps its own source value. Rows are paired through the primary key,
      masked with the same expression as the model. A table without a primary key is
      checked by evaluating each masking expression on the source rows instead.
      Values with no letter or digit ('', '---') carry nothing and are not counted.
    * anywhere: for high-entropy classes (emails, phones, national ids, cards, street
      addresses, full names...), no masked value equals any raw value of that class in any
      declared source table (compared case-insensitively).
-#}
{% test understudy_no_raw_value(model, source_name=none, table_name=none) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set policy = var('understudy') -%}
{%- set replacing = plan.columns | selectattr('spec.replaces') | list -%}
{%- set high = plan.columns | selectattr('spec.masks') | selectattr('class', 'in', policy.high_entropy_classes) | list -%}
{%- set meaningful = "regexp_matches(cast(s.%s as VARCHAR), '[\\p{L}\\p{N}]')" -%}
with row_checks as (
{%- if replacing and plan.primary_key %}
    {%- set pk_cols = plan.columns | selectattr('name', 'in', plan.primary_key) | list %}
    select
    {%- for c in replacing %}
        count(*) filter (where s.{{ c.quoted }} is not null and m.{{ c.quoted }} is not distinct from s.{{ c.quoted }} and {{ meaningful | format(c.quoted) }}) as r{{ loop.index }}{{ ',' if not loop.last }}
    {%- endfor %}
    from (
        select {% for k in pk_cols %}{{ k.expression }} as __key{{ loop.index }}, {% endfor %}*
        from {{ plan.relation }}
    ) as s
    join {{ model }} as m
      on {% for k in pk_cols %}m.{{ k.quoted }} = s.__key{{ loop.index }}{{ ' and ' if not loop.last }}{% endfor %}
{%- elif replacing %}
    select
    {%- for c in replacing %}
        count(*) filter (where s.{{ c.quoted }} is not null and ({{ c.expression }}) is not distinct from s.{{ c.quoted }} and {{ meaningful | format(c.quoted) }}) as r{{ loop.index }}{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ plan.relation }} as s
{%- else %}
    select 1 as _none
{%- endif %}
),
failures as (
    select null::VARCHAR as column_name, null::VARCHAR as check_name, null::BIGINT as offending_rows where false
{%- for c in replacing %}
    union all
    select '{{ c.label }}', 'row keeps its own value', r{{ loop.index }} from row_checks
{%- endfor %}
{%- for c in high %}
    {%- set raw = [] -%}
    {%- for node in graph.sources.values() -%}
        {%- for name, col in node.columns.items() -%}
            {%- set tag = understudy_meta(col) -%}
            {%- if tag is mapping and tag.get('class') == c.class -%}
                {%- do raw.append("select lower(trim(cast(" ~ adapter.quote(name) ~ " as VARCHAR))) as v from " ~ api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor %}
    union all
    select '{{ c.label }}', 'equals a raw {{ c.class }} of production', count(*)
    from {{ model }} as m
    where m.{{ c.quoted }} is not null and cast(m.{{ c.quoted }} as VARCHAR) <> ''
      and lower(trim(cast(m.{{ c.quoted }} as VARCHAR))) in (
        {{ raw | join('\n        union all ') }}
      )
{%- endfor %}
)
select * from failures where offending_rows > 0
{%- endif -%}
{% endtest %}
