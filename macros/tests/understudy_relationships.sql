{#- A foreign key of the masked table still joins its masked parent exactly as in production:
    the same number of orphans (usually 0) and the same number of joined pairs. Works for
    composite keys (all columns of the `fk` group) and self-references.

        data_tests:
          - understudy_relationships:
              arguments: {to: ref('chinook__employee'), foreign_key: support_rep_id}
-#}
{% test understudy_relationships(model, to, foreign_key, source_name=none, table_name=none) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set fks = plan.foreign_keys | selectattr('name', 'equalto', foreign_key) | list -%}
{%- if not fks -%}
    {{ exceptions.raise_compiler_error("understudy: " ~ plan.label ~ ": no foreign key group '" ~ foreign_key ~ "' (columns with `references` and, for composite keys, a shared `fk`)") }}
{%- endif -%}
{%- set fk = fks[0] -%}
{%- set parent = understudy_source_node(fk.source, fk.table) -%}
{%- set parent_relation = api.Relation.create(database=parent.database, schema=parent.schema, identifier=parent.identifier) -%}
{%- set on = [] -%}{%- set not_null = [] -%}
{%- for i in range(fk.columns | length) -%}
    {%- do on.append('c.' ~ adapter.quote(fk.columns[i]) ~ ' = p.' ~ adapter.quote(fk.to_columns[i])) -%}
    {%- do not_null.append('c.' ~ adapter.quote(fk.columns[i]) ~ ' is not null') -%}
{%- endfor -%}
{%- set on_sql = on | join(' and ') -%}
{%- set nn_sql = not_null | join(' and ') -%}
with counts as (
    select
        (select count(*) from {{ plan.relation }} c where {{ nn_sql }} and not exists (select 1 from {{ parent_relation }} p where {{ on_sql }})) as source_orphans,
        (select count(*) from {{ model }} c where {{ nn_sql }} and not exists (select 1 from {{ to }} p where {{ on_sql }})) as masked_orphans,
        (select count(*) from {{ plan.relation }} c join {{ parent_relation }} p on {{ on_sql }}) as source_pairs,
        (select count(*) from {{ model }} c join {{ to }} p on {{ on_sql }}) as masked_pairs
)
select {{ _understudy_literal(plan.label ~ '.(' ~ fk.columns | join(', ') ~ ') -> ' ~ fk.source ~ '.' ~ fk.table ~ '.(' ~ fk.to_columns | join(', ') ~ ')') }} as foreign_key, *
from counts
where source_orphans <> masked_orphans or source_pairs <> masked_pairs
{%- endif -%}
{% endtest %}
