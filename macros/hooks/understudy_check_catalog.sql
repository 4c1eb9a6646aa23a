{#-
    The drift guard, run by on-run-start before any masked model: the live catalog of every
    production schema the project declares is compared with the sources YAML.

    - a table or a column in production that is not declared fails the build, and the failure
      gives the tag the scanner suggests for each (`us_scan_suggest`, the same rules as
      `understudy scan`): nothing undeclared is ever copied;
    - a declared table or column that production no longer has, and a declared type that is not
      the live one, fail the build too.

    Every problem is listed in one message, so that one run shows all that needs fixing.
-#}
{% macro understudy_check_catalog() %}
    {%- set declared = {} -%}
    {%- set sources_of = {} -%}
    {%- for node in graph.sources.values() if node.database == 'prod' -%}
        {%- set key = (node.schema ~ '.' ~ node.identifier) | lower -%}
        {%- do declared.update({key: node}) -%}
        {%- do sources_of.update({node.schema | lower: node.source_name}) -%}
    {%- endfor -%}
    {%- if declared | length == 0 -%}{{ return('') }}{%- endif -%}
    {%- set schema_list = [] -%}
    {%- for s in sources_of.keys() -%}{%- do schema_list.append("'" ~ s | replace("'", "''") ~ "'") -%}{%- endfor -%}
    {%- set live = run_query("select table_schema, table_name, column_name, data_type from information_schema.columns where table_catalog = 'prod' and lower(table_schema) in (" ~ schema_list | join(', ') ~ ") order by table_schema, table_name, ordinal_position") -%}
    {%- set live_tables = {} -%}
    {%- for row in live.rows -%}
        {%- set key = (row[0] ~ '.' ~ row[1]) | lower -%}
        {%- if key not in live_tables -%}{%- do live_tables.update({key: {'schema': row[0], 'table': row[1], 'columns': []}}) -%}{%- endif -%}
        {%- do live_tables[key]['columns'].append({'name': row[2], 'dtype': row[3]}) -%}
    {%- endfor -%}
    {%- set undeclared = [] -%}
    {%- set problems = [] -%}
    {%- for key, t in live_tables.items() -%}
        {%- set source = sources_of[t.schema | lower] -%}
        {%- if key not in declared -%}
            {%- do undeclared.append({'schema': t.schema, 'table': t.table, 'source': source, 'columns': '*', 'what': 'table ' ~ source ~ '.' ~ t.table ~ ' (' ~ t.columns | length ~ ' columns) is in production but not declared'}) -%}
        {%- else -%}
            {%- set node = declared[key] -%}
            {%- set names = node.columns.keys() | list -%}
            {%- set missing_cols = [] -%}
            {%- for c in t.columns if c.name not in names -%}{%- do missing_cols.append(c.name) -%}{%- endfor -%}
            {%- if missing_cols -%}
                {%- do undeclared.append({'schema': t.schema, 'table': t.table, 'source': source, 'columns': missing_cols | join(','), 'what': none}) -%}
            {%- endif -%}
            {%- set live_names = t.columns | map(attribute='name') | list -%}
            {%- for name, col in node.columns.items() -%}
                {%- set label = node.source_name ~ '.' ~ node.name ~ '.' ~ name -%}
                {%- if name not in live_names -%}
                    {%- do problems.append('column ' ~ label ~ ' is declared but production no longer has it') -%}
                {%- else -%}
                    {%- set live_col = t.columns | selectattr('name', 'equalto', name) | first -%}
                    {%- if col.data_type and not understudy_type_matches(understudy_parse_type(col.data_type, label), live_col.dtype, label) -%}
                        {%- do problems.append('column ' ~ label ~ ' is declared ' ~ col.data_type ~ ' but production has ' ~ live_col.dtype) -%}
                    {%- endif -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for key, node in declared.items() if key not in live_tables -%}
        {%- do problems.append('table ' ~ node.source_name ~ '.' ~ node.name ~ ' is declared but production has no table ' ~ node.schema ~ '.' ~ node.identifier) -%}
    {%- endfor -%}
    {%- set lines = [] -%}
    {%- for u in undeclared -%}
        {%- set q = "select us_scan_suggest('" ~ u.schema | replace("'", "''") ~ "', '" ~ u.table | replace("'", "''") ~ "', '" ~ u.source ~ "', '" ~ u.columns | replace("'", "''") ~ "')" -%}
        {%- set suggestions = fromjson(run_query(q).columns[0].values()[0]) -%}
        {%- if u.what -%}
            {%- set parts = [u.what ~ '; suggested tags:'] -%}
            {%- for col, text in suggestions.items() -%}{%- do parts.append('      ' ~ col ~ ': ' ~ text) -%}{%- endfor -%}
            {%- do lines.append(parts | join('\n')) -%}
        {%- else -%}
            {%- for col, text in suggestions.items() -%}
                {%- do lines.append('column ' ~ u.source ~ '.' ~ u.table ~ '.' ~ col ~ ' is in production but not declared; suggested ' ~ text) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do lines.extend(problems) -%}
    {%- if lines -%}
        {{ exceptions.raise_compiler_error("understudy: production does not match the sources YAML; nothing was built:\n  - " ~ lines | join('\n  - ') ~ "\nDeclare and tag what is new (review the suggestions; `understudy scan " ~ env_var('UNDERSTUDY_PROD_PATH', 'warehouse/prod.duckdb') ~ " --write` writes them), fix what changed, then run `understudy sync`.") }}
    {%- endif -%}
    {{- return('') -}}
{% endmacro %}


{#- The declared type (parsed) is the live one: same family; integers of the same width; dates
    and timestamps alike; any text length (the engine does not keep lengths). -#}
{% macro understudy_type_matches(declared, live_dtype, label) %}
    {%- set actual = understudy_parse_type(live_dtype, label) -%}
    {%- if declared.family == 'text' and actual.family == 'text' -%}{{ return(true) }}{%- endif -%}
    {{ return(actual.family == declared.family and actual.bits == declared.bits and (actual.family != 'date' or actual.sql_type == declared.sql_type)) }}
{% endmacro %}
