{#- fake_company: a realistic fake picked by the keyed digest of the normalized value, so the
    same value in the same domain always gets the same fake. Fits the declared length. -#}
{% macro default__mask_fake_company(c) %}
    {{- return(_understudy_fake('company', c)) -}}
{% endmacro %}
