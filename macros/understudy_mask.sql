{#-
    The body of every masked model:

        {{ understudy_mask('chinook', 'customer') }}

    renders one `select` with one masking expression per declared column, in declared order,
    from the production source (see understudy_masked_select). Before rendering it compares the declaration with the live
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
    {%- do understudy_check_generated(plan) -%}
-- Masked copy of {{ plan.label }} (policy {{ var('understudy').policy_version }}).
-- One output row per source row. Generated from the column tags in the sources YAML.
{{ understudy_masked_select(plan, relation) }}
{% endmacro %}


{#- Default deny at run time: the live table must have exactly the declared columns. The same
    check runs for every source before the build starts (understudy_check_catalog); this one
    covers a model compiled on its own (`dbt compile`, `dbt show`). -#}
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
    {#- The declared type is what masking relies on: it must be the live one (same family;
        integers of the same width; dates and timestamps alike). -#}
    {%- set wrong = [] -%}
    {%- for col in live -%}
        {%- set c = (plan.columns | selectattr('name', 'equalto', col.name) | first) -%}
        {%- if not understudy_type_matches(c.type, col.dtype, plan.label ~ '.' ~ col.name) -%}
            {%- do wrong.append(c.label ~ ' (declared ' ~ c.type.declared ~ ', production has ' ~ understudy_live_type(col.dtype).shown ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if wrong -%}
        {{ exceptions.raise_compiler_error("understudy: declared types do not match production: " ~ wrong | join(', ') ~ ". Fix data_type in the sources YAML.") }}
    {%- endif -%}
{% endmacro %}


{#- The generated docs and tests of this model (its YAML, committed and reviewed) describe the
    same masking as the tags resolve to now. A tag changed without `understudy sync`, or a
    policy overridden with `--vars`, stops the build here. -#}
{% macro understudy_check_generated(plan) %}
    {%- set documented = model.columns or {} -%}
    {%- if documented | length == 0 -%}{{ return('') }}{%- endif -%}
    {%- set differ = [] -%}
    {%- for c in plan.columns -%}
        {%- set doc = documented.get(c.name) -%}
        {%- set tag = understudy_meta(doc) if doc is not none else none -%}
        {%- if tag is none or tag.get('method') != c.method or tag.get('domain') != c.domain or tag.get('class') != c.class -%}
            {%- do differ.append(c.label) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if differ -%}
        {{ exceptions.raise_compiler_error("understudy: the generated model docs do not match the tags (or the policy was overridden) for: " ~ differ | join(', ') ~ ". Run `understudy sync`, review and commit the result.") }}
    {%- endif -%}
{% endmacro %}
