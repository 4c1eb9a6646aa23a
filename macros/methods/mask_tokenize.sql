{#- tokenize: a keyed permutation of the value's own type. Integers stay integers of the same
    width (and sign), UUIDs stay UUIDs, text keeps its length and shape (digits to digits,
    letters to letters, hex to hex). Distinct inputs give distinct outputs, no value maps to
    itself, and a foreign key gets exactly its key's mapping. -#}
{% macro default__mask_tokenize(c) %}
    {%- set domain = _understudy_literal(c.domain) -%}
    {%- set label = _understudy_literal(c.label) -%}
    {%- if c.type.family == 'integer' -%}
        {%- set bits = c.key_type.bits or c.type.bits -%}
        {{- return("cast(us_token_int(" ~ c.quoted ~ ", " ~ bits ~ ", " ~ domain ~ ", " ~ label ~ ") as " ~ c.type.sql_type ~ ")") -}}
    {%- elif c.type.family == 'uuid' -%}
        {{- return("cast(us_fpe_text(cast(" ~ c.quoted ~ " as VARCHAR), " ~ domain ~ ", true, " ~ label ~ ") as UUID)") -}}
    {%- else -%}
        {{- return("us_fpe_text(" ~ c.quoted ~ ", " ~ domain ~ ", true, " ~ label ~ ")") -}}
    {%- endif -%}
{% endmacro %}
