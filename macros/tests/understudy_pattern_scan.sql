{#-
    Scan every text column of the masked table for values that look like personal data where
    none should be:

    * columns copied as they are (method keep): no email address, no SSN-shaped number
      (123-45-6789) and no number that looks like a live card (13 to 19 digits, a card
      network prefix, a valid Luhn digit);
    * masked email columns: every address is at a reserved example domain;
    * masked card columns: every number starts with the test IIN.

    One failing row per column and pattern, with a count (never the values).
-#}
{% test understudy_pattern_scan(model, source_name=none, table_name=none) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set checks = [] -%}
{%- set email_re = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}" -%}
{%- set ssn_re = "(^|[^0-9])[0-9]{3}-[0-9]{2}-[0-9]{4}([^0-9]|$)" -%}
{%- for c in plan.columns -%}
    {%- set v = "cast(" ~ c.quoted ~ " as VARCHAR)" -%}
    {%- if c.method == 'keep' and c.type.family in ['text', 'json'] -%}
        {%- do checks.append((c.label, 'email address in a column copied as is', "regexp_matches(" ~ v ~ ", '" ~ email_re ~ "')")) -%}
        {%- do checks.append((c.label, 'SSN-shaped value in a column copied as is', "regexp_matches(" ~ v ~ ", '" ~ ssn_re ~ "')")) -%}
        {%- do checks.append((c.label, 'card-shaped number in a column copied as is', "us_looks_like_card(" ~ v ~ ")")) -%}
    {%- elif c.method == 'fake_email' -%}
        {%- do checks.append((c.label, 'email not at a reserved example domain', v ~ " <> '' and not regexp_matches(" ~ v ~ ", '@example\\.(com|net|org)$')")) -%}
    {%- elif c.method == 'fake_card_number' -%}
        {%- do checks.append((c.label, 'card number outside the test IIN', v ~ " <> '' and not starts_with(regexp_replace(" ~ v ~ ", '[^0-9]', '', 'g'), '" ~ c.params.iin ~ "')")) -%}
    {%- endif -%}
{%- endfor -%}
{%- if not checks -%}
select 1 as _nothing_to_scan where false
{%- else -%}
with counts as (
    select
    {%- for label, name, cond in checks %}
        count(*) filter (where {{ cond }}) as p{{ loop.index }}{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ model }}
),
failures as (
    {%- for label, name, cond in checks %}
    select {{ _understudy_literal(label) }} as column_name, {{ _understudy_literal(name) }} as pattern, p{{ loop.index }} as offending_rows from counts
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)
select * from failures where offending_rows > 0
{%- endif -%}
{%- endif -%}
{% endtest %}
