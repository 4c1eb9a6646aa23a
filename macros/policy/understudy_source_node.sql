{#- The graph node of a declared source table, or a compile error naming it. -#}
{% macro understudy_source_node(source_name, table_name) %}
    {%- set key = 'source.' ~ project_name ~ '.' ~ source_name ~ '.' ~ table_name -%}
    {%- if key not in graph.sources -%}
        {{ exceptions.raise_compiler_error("understudy: source table " ~ source_name ~ "." ~ table_name ~ " is not declared in any sources YAML") }}
    {%- endif -%}
    {{ return(graph.sources[key]) }}
{% endmacro %}


{#- The `understudy` meta of a node or column: `config.meta` (dbt 1.10+) first, then `meta`. -#}
{% macro understudy_meta(thing) %}
    {%- set config = thing.get('config') or {} -%}
    {%- set meta = (config.get('meta') if config is mapping else none) or {} -%}
    {%- if 'understudy' not in meta -%}
        {%- set meta = thing.get('meta') or {} -%}
    {%- endif -%}
    {{ return(meta.get('understudy')) }}
{% endmacro %}
