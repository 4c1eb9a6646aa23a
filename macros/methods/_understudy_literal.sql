{#- A SQL string literal, with quotes doubled. -#}
{% macro _understudy_literal(value) %}
    {{- return("'" ~ (value | string | replace("'", "''")) ~ "'") -}}
{% endmacro %}
