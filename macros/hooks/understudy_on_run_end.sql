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

    {#- Models built on the masked ones (marts...) may be published only when the lineage
        audit proves that no tagged production column reaches them unmasked. -#}
    {%- set allowed = [] -%}
    {%- set downstream = [] -%}
    {%- for r in results if r.node.resource_type == 'model' and not (r.node.fqn | length > 2 and r.node.fqn[1] == 'masked') -%}
        {%- do downstream.append(r.node) -%}
    {%- endfor -%}
    {%- if downstream -%}
        {%- set leaks = understudy_audit(masked, downstream) -%}
        {%- if leaks -%}
            {#- A leak is an error, not a partial build: the run fails, and nothing is published. -#}
            {{ exceptions.raise_compiler_error("understudy: NOT published; the lineage audit found tagged production columns reaching model outputs without a masking function:\n  lineage audit: " ~ leaks | join("\n  lineage audit: ") ~ "\nRead the masked models (ref) instead of the sources, or mask the column with one of the catalog's methods.") }}
        {%- else -%}
            {%- for n in downstream -%}{%- do allowed.append((n.schema ~ '.' ~ n.alias) | lower) -%}{%- endfor -%}
        {%- endif -%}
    {%- endif -%}

    {#- The staging database holds nothing but masked models, audited downstream models and
        seeds tagged public. -#}
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


{#- Run the lineage audit (the SQL function us_audit, python_udfs/understudy/audit.py) over the
    compiled SQL of the downstream models of this build; the leaks, as lines. -#}
{% macro understudy_audit(masked, downstream) %}
    {%- set sources = [] -%}
    {%- for node in graph.sources.values() if node.database == 'prod' -%}
        {%- set cols = {} -%}
        {%- for name, col in node.columns.items() -%}
            {%- do cols.update({name: (understudy_meta(col) or {}).get('class')}) -%}
        {%- endfor -%}
        {%- do sources.append({'relation': ['prod', node.schema, node.identifier], 'columns': cols}) -%}
    {%- endfor -%}
    {%- set masked_rels = [] -%}
    {%- for m in masked -%}
        {%- do masked_rels.append({'relation': [m.database, m.schema, m.alias], 'columns': m.columns.keys() | list}) -%}
    {%- endfor -%}
    {%- set models = [] -%}
    {%- for n in downstream -%}
        {%- do models.append({'name': n.schema ~ '.' ~ n.alias, 'relation': [n.database, n.schema, n.alias],
                              'sql': n.compiled_code or '', 'language': n.language or 'sql'}) -%}
    {%- endfor -%}
    {%- set payload = tojson({'sources': sources, 'masked': masked_rels, 'models': models, 'default_db': target.database}) -%}
    {%- set found = run_query("select us_audit(" ~ _understudy_literal(payload) ~ ")").columns[0].values()[0] -%}
    {{ return(fromjson(found)) }}
{% endmacro %}
