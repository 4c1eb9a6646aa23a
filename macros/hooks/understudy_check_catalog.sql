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
                        {%- do problems.append('column ' ~ label ~ ' is declared ' ~ col.data_type ~ ' but production has ' ~ understudy_live_type(live_col.dtype).shown) -%}
                    {%- endif -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for key, node in declared.items() if key not in live_tables -%}
        {%- do problems.append('table ' ~ node.source_name ~ '.' ~ node.name ~ ' is declared but production has no table ' ~ node.schema ~ '.' ~ node.identifier) -%}
    {%- endfor -%}
    {%- set others = run_query("select distinct schema_name from duckdb_tables() where database_name = 'prod' and lower(schema_name) not in (" ~ schema_list | join(', ') ~ ") order by 1") -%}
    {%- if others.rows | length > 0 -%}
        {{ log("understudy: production also has schemas no source declares (not copied): " ~ others.columns[0].values() | join(', ') ~ ". `understudy scan` proposes tags for them.", info=true) }}
    {%- endif -%}
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
    {%- set advice = [] -%}
    {%- if undeclared -%}
        {%- do advice.append("Declare and tag what is new: review the suggestions; `understudy scan " ~ env_var('UNDERSTUDY_PROD_PATH', 'warehouse/prod.duckdb') ~ " --write` writes them.") -%}
    {%- endif -%}
    {%- if problems -%}
        {%- do advice.append("Fix the declarations that no longer match production (or production).") -%}
    {%- endif -%}
    {%- do lines.extend(problems) -%}
    {%- if lines -%}
        {{ exceptions.raise_compiler_error("understudy: production does not match the sources YAML; nothing was built:\n  - " ~ lines | join('\n  - ') ~ "\n" ~ advice | join(' ') ~ " Then run `understudy sync`.") }}
    {%- endif -%}
    {{- return('') -}}
{% endmacro %}


{#- The declared type (parsed) is the live one: same family; integers of the same width; dates
    and timestamps alike; decimals of the same precision and scale (when declared), floats
    against floats; any text length (the engine does not keep lengths). A live type Understudy
    cannot read (ENUM, LIST, STRUCT...) never matches. -#}
{% macro understudy_type_matches(declared, live_dtype, label) %}
    {%- set actual = understudy_live_type(live_dtype) -%}
    {%- if actual.family == 'unsupported' -%}{{ return(false) }}{%- endif -%}
    {%- if declared.family == 'text' and actual.family == 'text' -%}{{ return(true) }}{%- endif -%}
    {%- if actual.family != declared.family or actual.bits != declared.bits -%}{{ return(false) }}{%- endif -%}
    {%- if actual.family == 'date' -%}{{ return(actual.sql_type == declared.sql_type) }}{%- endif -%}
    {%- if actual.family == 'numeric' -%}
        {%- set decimal_kinds = ['NUMERIC', 'DECIMAL'] -%}
        {%- set d_dec = declared.sql_type.split('(')[0] in decimal_kinds -%}
        {%- set a_dec = actual.sql_type.split('(')[0] in decimal_kinds -%}
        {%- if d_dec != a_dec -%}{{ return(false) }}{%- endif -%}
        {%- if d_dec and declared.precision is not none -%}
            {{ return(declared.precision == actual.precision and declared.scale == actual.scale) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(true) }}
{% endmacro %}


{#- A live column type, parsed like a declared one, or family 'unsupported' for the types the
    masking cannot take (ENUM, LIST, STRUCT, MAP...). `shown` is safe to print: an ENUM's
    labels are values, so they are not repeated. -#}
{% macro understudy_live_type(dtype) %}
    {%- set t = dtype | string | trim -%}
    {%- set out = understudy_parse_type(t, 'production', strict=false) -%}
    {%- do out.update({'shown': ('ENUM (labels not shown)' if t.upper().startswith('ENUM') else t) if out.family == 'unsupported' else t}) -%}
    {{ return(out) }}
{% endmacro %}
