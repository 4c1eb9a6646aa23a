{#-
    Print the resolved masking plan of every tagged source table as one JSON line, for the
    `understudy` CLI (`understudy sync` writes model docs and tests from it):

        dbt run-operation understudy_export_plan --target prod
-#}
{% macro understudy_export_plan() %}
    {%- set tables = [] -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') if node.package_name == project_name -%}
        {%- set plan = understudy_table_plan(node.source_name, node.name) -%}
        {%- set columns = [] -%}
        {%- for c in plan.columns -%}
            {%- set s = c.spec -%}
            {%- do columns.append({
                'name': c.name, 'class': c.class, 'method': c.method, 'params': c.params,
                'domain': c.domain, 'unique': c.unique, 'in_pk': c.in_pk, 'data_type': c.type.declared,
                'references': c.references, 'fk': c.fk, 'expression': c.expression,
                'distinct': c.distinct, 'avoid': c.avoid,
                'description': c.description,
                'guarantees': {'masks': s.masks, 'deterministic': s.deterministic, 'unique': s.unique,
                               'format_preserving': s.format_preserving, 'reversible': s.reversible}
            }) -%}
        {%- endfor -%}
        {%- do tables.append({
            'source': plan.source, 'table': plan.table, 'schema': node.schema, 'identifier': node.identifier, 'description': plan.description,
            'primary_key': plan.primary_key, 'entity': plan.entity.name,
            'foreign_keys': plan.foreign_keys, 'columns': columns
        }) -%}
    {%- endfor -%}
    {{ print('UNDERSTUDY_PLAN ' ~ tojson({'policy_version': var('understudy').policy_version, 'tables': tables})) }}
{% endmacro %}
