{#-
    Before a build of the test target, check that the masking functions are registered:
    they are only when the Understudy plugin is in the profile and found a key. (The plugin
    also empties the staging database, so nothing from an earlier failed build survives.)
-#}
{% macro understudy_on_run_start() %}
    {%- if not execute or target.name != 'test' or flags.WHICH not in ['build', 'run'] -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set found = run_query("select count(*) from duckdb_functions() where function_name = 'us_fake_py'") -%}
    {%- if found.columns[0].values()[0] == 0 -%}
        {{ exceptions.raise_compiler_error("understudy: the masking functions are not registered: is understudy.plugin listed in profiles.yml for target '" ~ target.name ~ "'?") }}
    {%- endif -%}
    {{- return('') -}}
{% endmacro %}
