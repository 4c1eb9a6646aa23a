{#- null: every value becomes NULL, keeping the column and its type. -#}
{% macro default__mask_null(c) %}
    {{- return("cast(null as " ~ c.type.sql_type ~ ")") -}}
{% endmacro %}
