{#- A masked model `<source>__<table>` is written as table `<table>`, so the test database
    has the same schema.table names as production. -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- elif node.fqn | length > 3 and node.fqn[1] == 'masked' and '__' in node.name -%}
        {{ node.name.split('__', 1)[1] }}
    {%- else -%}
        {{ node.name }}
    {%- endif -%}
{%- endmacro %}
