{#-
    The body of every masked model:

        {{ understudy_mask('chinook', 'customer') }}

    renders one `select` with one masking expression per declared column, in declared order,
    from the production source. Before rendering it compares the declaration with the live
    table: a column in production that is not declared (so not tagged) stops the build, as
    does a declared column that production no longer has. Nothing is ever selected with `*`.
-#}
{% macro understudy_mask(source_name, table_name) %}
    {%- set relation = source(source_name, table_name) -%}
    {%- if not execute -%}
        {{- return("select 1 as _parsing") -}}
    {%- endif -%}
    {%- set plan = understudy_table_plan(source_name, table_name) -%}
    {%- do understudy_check_drift(plan, relation) -%}
    {%- set width = plan.columns | map(attribute='quoted') | map('length') | max -%}
-- Masked copy of {{ plan.label }} (policy {{ var('understudy').policy_version }}).
-- One output row per source row. Generated from the column tags in the sources YAML.
select
{%- for c in plan.columns %}
    -- {{ c.name }}: {{ c.class }} -> {{ c.method }}{{ (' (references ' ~ c.references ~ ')') if c.references else '' }}
    {{ c.expression }} as {{ c.quoted }}{{ ',' if not loop.last }}
{%- endfor %}
from {{ relation }}
{% endmacro %}


{#- Default deny at run time: the live table must have exactly the declared columns. -#}
{% macro understudy_check_drift(plan, relation) %}
    {%- set live = adapter.get_columns_in_relation(relation) -%}
    {%- if live | length == 0 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ plan.label ~ ": table not found in production (" ~ relation ~ ")") }}
    {%- endif -%}
    {%- set live_names = live | map(attribute='name') | list -%}
    {%- set declared = plan.columns | map(attribute='name') | list -%}
    {%- set undeclared = [] -%}
    {%- for name in live_names if name not in declared -%}
        {%- do undeclared.append(plan.label ~ '.' ~ name) -%}
    {%- endfor -%}
    {%- if undeclared -%}
        {{ exceptions.raise_compiler_error("understudy: production has columns that are not declared, so not tagged: " ~ undeclared | join(', ') ~ ". Declare and tag them in the sources YAML before building; nothing undeclared is copied.") }}
    {%- endif -%}
    {%- set missing = [] -%}
    {%- for name in declared if name not in live_names -%}
        {%- do missing.append(plan.label ~ '.' ~ name) -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error("understudy: declared columns missing from production: " ~ missing | join(', ')) }}
    {%- endif -%}
{% endmacro %}
