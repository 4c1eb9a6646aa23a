{#-
    Before a build of the test target, check that the masking functions are registered (they
    are only when the Understudy plugin is in the profile and found a key), that production
    holds exactly the declared tables and columns (understudy_check_catalog), and that no seed
    would bring raw rows into the test database. (The plugin also empties the staging
    database, so nothing from an earlier failed build survives.)
-#}
{% macro understudy_on_run_start() %}
    {%- if not execute or target.name != 'test' or flags.WHICH not in ['build', 'run', 'seed'] -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set found = run_query("select count(*) from duckdb_functions() where function_name = 'us_fake_py'") -%}
    {%- if found.columns[0].values()[0] == 0 -%}
        {{ exceptions.raise_compiler_error("understudy: the masking functions are not registered: is understudy.plugin listed in profiles.yml for target '" ~ target.name ~ "'?") }}
    {%- endif -%}
    {#- Production must match the declared sources exactly (the drift guard). -#}
    {%- do understudy_check_catalog() -%}
    {#- Seeds are loaded into the test database by `dbt build`: a seed is a table copied as it
        is, so it must say so (`config: {meta: {understudy: {class: public}}}`), like a column. -#}
    {%- for node in graph.nodes.values() if node.resource_type == 'seed' -%}
        {%- set tag = understudy_meta(node) or {} -%}
        {%- if tag.get('class') != 'public' -%}
            {{ exceptions.raise_compiler_error("understudy: seed " ~ node.name ~ " would be copied into the test database as it is; tag it `config: {meta: {understudy: {class: public}}}` once you have checked it holds no personal data") }}
        {%- endif -%}
    {%- endfor -%}
    {{- return('') -}}
{% endmacro %}
