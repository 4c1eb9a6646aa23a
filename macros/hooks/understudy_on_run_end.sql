{#-
    All or nothing: after `dbt build --target test`, publish the staging database over the
    test database only when every masked model was built and every node passed. Otherwise
    leave the published copy as it was and say what failed.
-#}
{% macro understudy_on_run_end(results) %}
    {%- if not execute or target.name != 'test' -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set failed = [] -%}
    {%- set built = [] -%}
    {%- for r in results -%}
        {%- if r.status not in ['success', 'pass', 'warn'] -%}
            {%- do failed.append(r.node.resource_type ~ ' ' ~ r.node.name ~ ' (' ~ r.status ~ ')') -%}
        {%- elif r.node.resource_type == 'model' -%}
            {%- do built.append(r.node.unique_id) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set expected = [] -%}
    {%- set tests_run = results | selectattr('node.resource_type', 'equalto', 'test') | list | length -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.config.enabled and node.fqn[1] == 'masked' -%}
        {%- if node.unique_id not in built -%}{%- do expected.append(node.name) -%}{%- endif -%}
    {%- endfor -%}
    {%- if flags.WHICH != 'build' -%}
        {{ log("understudy: `dbt " ~ flags.WHICH ~ "` leaves the build in staging; only a passing `dbt build` publishes " ~ env_var('UNDERSTUDY_TEST_PATH', 'warehouse/test.duckdb'), info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- if failed -%}
        {{ log("understudy: NOT published; the test database is unchanged. Failed: " ~ failed | join(', '), info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- if expected -%}
        {{ log("understudy: NOT published: a partial build (" ~ expected | length ~ " masked models not built, e.g. " ~ expected[:3] | join(', ') ~ "); the test database is unchanged.", info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- if tests_run == 0 -%}
        {{ log("understudy: NOT published: no test ran; the test database is unchanged.", info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- do run_query("checkpoint") -%}
    {%- set published = run_query("select us_publish()").columns[0].values()[0] -%}
    {{ log("understudy: published " ~ published ~ " (" ~ built | length ~ " models, " ~ tests_run ~ " tests passed)", info=true) }}
    {{- return('') -}}
{% endmacro %}
