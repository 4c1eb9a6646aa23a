{#- A masked model lands in the schema named after its source (models/masked/<source>/). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if node.fqn | length > 3 and node.fqn[1] == 'masked' -%}
        {{ node.fqn[2] | trim }}
    {%- elif custom_schema_name is not none -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}
    {%- endif -%}
{%- endmacro %}
