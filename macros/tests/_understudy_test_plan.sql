{#- What every Understudy test starts from: the plan of the source table a masked model copies
    (found from the model's schema and alias, or given), and the production relation. -#}
{% macro _understudy_test_plan(model, source_name=none, table_name=none) %}
    {%- set src = source_name or model.schema -%}
    {%- set found = namespace(name=table_name or model.identifier) -%}
    {%- if table_name is none -%}
        {#- The alias may be production's identifier ("Bad Name 123!@#"): map it to the name. -#}
        {%- for node in graph.sources.values() if node.source_name == src and node.identifier == model.identifier -%}
            {%- set found.name = node.name -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set tbl = found.name -%}
    {%- set plan = understudy_table_plan(src, tbl) -%}
    {%- set node = plan.node -%}
    {%- set relation = api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier) -%}
    {%- do plan.update({'relation': relation}) -%}
    {{ return(plan) }}
{% endmacro %}
