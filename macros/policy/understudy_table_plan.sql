{#-
    The plan of one source table: its columns' plans, each with the SQL expression its method
    renders, plus the keys the tests need (primary key, foreign-key groups, entity).
-#}
{% macro understudy_table_plan(source_name, table_name) %}
    {%- set node = understudy_source_node(source_name, table_name) -%}
    {%- set table_tag = understudy_meta(node) or {} -%}
    {%- set label = source_name ~ '.' ~ table_name -%}
    {%- for k in table_tag -%}
        {%- if k not in ['primary_key', 'entity'] -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": unknown table tag key '" ~ k ~ "'. Allowed: primary_key, entity") }}
        {%- endif -%}
    {%- endfor -%}
    {%- if node.columns | length == 0 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": no columns declared; every column must be declared and tagged") }}
    {%- endif -%}
    {#- dbt-duckdb quotes names without escaping an embedded double quote: such a name would
        compile to broken SQL, so it is refused here, by name. -#}
    {%- for name in [node.schema, node.identifier] + (node.columns.keys() | list) if '"' in name -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": the name " ~ name ~ " contains a double quote, which the adapter cannot quote; rename it in production, or expose the table through a view with plain names") }}
    {%- endfor -%}
    {%- set pk = table_tag.get('primary_key') or [] -%}
    {%- for c in pk -%}
        {%- if c not in node.columns -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": primary_key column '" ~ c ~ "' is not declared") }}
        {%- endif -%}
    {%- endfor -%}

    {#- Whose offset do dates and noise use? The declared entity, else a one-column key. -#}
    {%- set entity_name = table_tag.get('entity') or (pk[0] if pk | length == 1 else none) -%}
    {%- if entity_name is not none and entity_name not in node.columns -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": entity column '" ~ entity_name ~ "' is not declared") }}
    {%- endif -%}

    {%- set columns = [] -%}
    {%- for name in node.columns -%}
        {%- do columns.append(understudy_resolve_column(source_name, table_name, name)) -%}
    {%- endfor -%}
    {%- if entity_name is not none -%}
        {%- set entity_plan = understudy_resolve_column(source_name, table_name, entity_name) -%}
        {%- set entity = {'sql': adapter.quote(entity_name), 'domain': entity_plan.domain, 'name': entity_name} -%}
    {%- else -%}
        {%- set entity = {'sql': 'null', 'domain': label, 'name': none} -%}
    {%- endif -%}

    {%- set policy = var('understudy') -%}
    {%- for c in columns -%}
        {%- do c.update({'entity': entity}) -%}
        {%- do c.update({'expression': understudy_render_method(c)}) -%}
        {%- set class_spec = policy.classes.get(c.class) or {} -%}
        {%- do c.update({
            'distinct': (class_spec.get('distinct') is sameas true) and c.method in _understudy_value_only_methods(),
            'avoid': c.class in policy.high_entropy_classes and c.method in _understudy_avoid_methods()
                     and c.type.family == 'text'
        }) -%}
    {%- endfor -%}

    {#- Foreign keys, grouped: columns sharing `fk` form one (possibly composite) key. -#}
    {%- set fks = {} -%}
    {%- for c in columns if c.references -%}
        {%- set parts = c.references.split('.') -%}
        {%- if c.fk not in fks -%}
            {%- do fks.update({c.fk: {'name': c.fk, 'source': parts[0], 'table': parts[1], 'columns': [], 'to_columns': []}}) -%}
        {%- elif fks[c.fk].source != parts[0] or fks[c.fk].table != parts[1] -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": foreign key group '" ~ c.fk ~ "' references two tables") }}
        {%- endif -%}
        {%- do fks[c.fk].columns.append(c.name) -%}
        {%- do fks[c.fk].to_columns.append(parts[2]) -%}
    {%- endfor -%}

    {{ return({
        'source': source_name, 'table': table_name, 'label': label, 'node': node,
        'primary_key': pk, 'entity': entity, 'columns': columns,
        'foreign_keys': fks.values() | list, 'description': node.description or ''
    }) }}
{% endmacro %}
