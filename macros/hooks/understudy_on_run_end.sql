{#-
    All or nothing: after `dbt build --target test`, publish the staging database over the
    test database only when every masked model was built and every node passed. Otherwise
    leave the published copy as it was and say what failed.
-#}
{% macro understudy_on_run_end(results) %}
    {%- if not execute or target.name != 'test' -%}
        {{- return('') -}}
    {%- endif -%}
    {%- if flags.WHICH != 'build' -%}
        {{ log("understudy: `dbt " ~ flags.WHICH ~ "` leaves the build in staging; only a passing `dbt build` publishes " ~ env_var('UNDERSTUDY_TEST_PATH', 'warehouse/test.duckdb'), info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- set problems = understudy_publish_problems(results) -%}
    {%- if problems -%}
        {{ log("understudy: NOT published; the test database is unchanged. " ~ problems | join(' ') , info=true) }}
        {{- return('') -}}
    {%- endif -%}
    {%- do run_query("checkpoint") -%}
    {%- set published = run_query("select us_publish()").columns[0].values()[0] -%}
    {%- set tests_run = results | selectattr('node.resource_type', 'equalto', 'test') | list | length -%}
    {%- set models_run = results | selectattr('node.resource_type', 'equalto', 'model') | list | length -%}
    {{ log("understudy: published " ~ published ~ " (" ~ models_run ~ " models, " ~ tests_run ~ " tests passed)", info=true) }}
    {{- return('') -}}
{% endmacro %}


{#- Why this build may not be published: an empty list means it may. -#}
{% macro understudy_publish_problems(results) %}
    {%- set problems = [] -%}
    {%- set status = {} -%}
    {%- for r in results -%}{%- do status.update({r.node.unique_id: r.status}) -%}{%- endfor -%}
    {%- set failed = [] -%}
    {%- for r in results if r.status not in ['success', 'pass', 'warn'] -%}
        {%- do failed.append(r.node.resource_type ~ ' ' ~ r.node.name ~ ' (' ~ r.status ~ ')') -%}
    {%- endfor -%}
    {%- if failed -%}{%- do problems.append("Failed: " ~ failed | join(', ') ~ ".") -%}{%- endif -%}

    {#- Every masked model built, with every generated test run and passed. -#}
    {%- set masked = [] -%}
    {%- for n in graph.nodes.values() if n.resource_type == 'model' and n.fqn | length > 2 and n.fqn[1] == 'masked' -%}
        {%- do masked.append(n) -%}
    {%- endfor -%}
    {%- set required = ['understudy_row_count_parity', 'understudy_null_parity', 'understudy_unique_parity', 'understudy_no_raw_value', 'understudy_pattern_scan'] -%}
    {%- set not_built = [] -%}{%- set untested = [] -%}{%- set skipped = [] -%}
    {%- for m in masked if m.config.enabled -%}
        {%- if m.unique_id not in status -%}{%- do not_built.append(m.name) -%}{%- endif -%}
        {%- set tests = graph.nodes.values() | selectattr('resource_type', 'equalto', 'test') | selectattr('attached_node', 'equalto', m.unique_id) | list -%}
        {%- set names = tests | map(attribute='test_metadata.name') | list -%}
        {%- for t in required if t not in names -%}{%- do untested.append(m.name ~ ':' ~ t) -%}{%- endfor -%}
        {%- for t in tests if t.unique_id not in status -%}{%- do skipped.append(t.name) -%}{%- endfor -%}
    {%- endfor -%}
    {%- if not_built -%}
        {%- do problems.append("A partial build: " ~ not_built | length ~ " masked models not built (e.g. " ~ not_built[:3] | join(', ') ~ ").") -%}
    {%- endif -%}
    {%- if untested -%}
        {%- do problems.append("Masked models without their generated tests (run `understudy sync`): " ~ untested[:5] | join(', ') ~ ".") -%}
    {%- endif -%}
    {%- if skipped -%}
        {%- do problems.append(skipped | length ~ " tests of masked models did not run (e.g. " ~ skipped[:3] | join(', ') ~ ").") -%}
    {%- endif -%}

    {#- The staging database holds nothing but masked models and seeds tagged public. -#}
    {%- set allowed = [] -%}
    {%- for m in masked -%}{%- do allowed.append((m.schema ~ '.' ~ m.alias) | lower) -%}{%- endfor -%}
    {%- for n in graph.nodes.values() if n.resource_type == 'seed' and (understudy_meta(n) or {}).get('class') == 'public' -%}
        {%- do allowed.append((n.schema ~ '.' ~ n.alias) | lower) -%}
    {%- endfor -%}
    {%- set present = run_query("select schema_name || '.' || table_name from duckdb_tables() where database_name = current_database() union all select schema_name || '.' || view_name from duckdb_views() where database_name = current_database() and not internal") -%}
    {%- set extra = [] -%}
    {%- for rel in present.columns[0].values() if (rel | lower) not in allowed -%}{%- do extra.append(rel) -%}{%- endfor -%}
    {%- if extra -%}
        {%- do problems.append("The build wrote relations that are not masked models: " ~ extra[:5] | join(', ') ~ ". Only masked models (and seeds tagged public) may reach the test database.") -%}
    {%- endif -%}
    {{ return(problems) }}
{% endmacro %}
