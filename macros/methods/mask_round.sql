{#- round: round a number to `digits` decimals (coordinates to 1 decimal are about 11 km). -#}
{% macro default__mask_round(c) %}
    {%- set d = c.params.digits -%}
    {%- if d is not number or d < -6 or d > 12 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": round.digits must be a whole number from -6 to 12") }}
    {%- endif -%}
    {{- return("cast(round(" ~ c.quoted ~ ", " ~ d ~ ") as " ~ c.type.sql_type ~ ")") -}}
{% endmacro %}
