{#- keep: the column is copied as it is. Only for columns tagged public or quasi_identifier
    (or an explicit override): the tag itself is the reviewable decision. -#}
{% macro default__mask_keep(c) %}
    {{- return(c.quoted) -}}
{% endmacro %}
