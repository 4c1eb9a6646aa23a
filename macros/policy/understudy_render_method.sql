{#- Render a column's masking expression with the macro of its method:
    `mask_<method>` dispatched for the current adapter (`duckdb__mask_x`, else
    `default__mask_x`). The method name is data, so dispatch is called through a local name. -#}
{% macro understudy_render_method(c) %}
    {%- set dispatch_method = adapter.dispatch -%}
    {{- return(dispatch_method('mask_' ~ c.method, 'understudy')(c)) -}}
{% endmacro %}
