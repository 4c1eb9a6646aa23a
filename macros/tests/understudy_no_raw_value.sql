{#-
    No raw value is left in the masked table. One failing row per finding:

    * the table is the masking of production: the model's rows are exactly the rows the
      masking plan makes of the source rows (so a raw copy, a hand-edited model or a stale
      build fails here). For a table with a primary key and more than `full_below` rows this
      is checked on a sample (one block of 2,048 stored rows in `sample`), recomputed and
      compared with the model rows of the same masked keys, and every source row must have a
      model row with its masked key; otherwise the whole table is recomputed and compared as
      a multiset;
    * row by row, on every row: for every column whose method replaces values (`replaces` in
      the catalog), no source row keeps its own value. Values with no letter or digit ('',
      '---') carry nothing and are not counted;
    * anywhere: for high-entropy classes (emails, phones, national ids, cards, street
      addresses, full names...), no masked value equals any raw value of that class in any
      declared source table (compared case-insensitively, after trimming).
-#}
{% test understudy_no_raw_value(model, source_name=none, table_name=none, sample=16, full_below=100000) %}
{%- if not execute -%}
select 1 as _parsing where false
{%- else -%}
{%- set plan = _understudy_test_plan(model, source_name, table_name) -%}
{%- set policy = var('understudy') -%}
{%- set high = plan.columns | selectattr('spec.masks') | selectattr('class', 'in', policy.high_entropy_classes) | list -%}
{%- set names = plan.columns | map(attribute='quoted') | join(', ') -%}
{%- set pk = plan.primary_key -%}
{%- set replaced = plan.columns | selectattr('spec.replaces') | map(attribute='name') | list -%}
{%- set rows = run_query("select count(*) from " ~ plan.relation).columns[0].values()[0] if pk else 0 -%}
with
{%- if pk and rows > full_below %}
{%- set pk_cols = plan.columns | selectattr('name', 'in', pk) | list %}
{#- One block of 2,048 stored rows in `sample`: whole blocks, so that the masking functions
    get full batches (a row-by-row sample would leave them sparse, and slow). #}
{%- set in_sample = "(rowid // 2048) % " ~ sample ~ " = 0" %}
sampled as (
    {#- The masking of the sampled source rows, recomputed with the model's own SQL. -#}
    {{ understudy_masked_select(plan, plan.relation, where=in_sample) | indent(4) }}
),
keyed as (
    {#- Every source row's masked key, beside the source values the row checks need. -#}
    {{ understudy_masked_select(plan, plan.relation, only=pk, carry=replaced) | indent(4) }}
),
paired as (
    select
        __present
    {%- for c in plan.columns if c.name in replaced %}
        {%- set i = plan.columns.index(c) + 1 %},
        keyed.__s{{ i }},
        m.{{ c.quoted }} as __m{{ i }}
    {%- endfor %}
    from keyed
    left join (select *, 1 as __present from {{ model }}) as m
      on {% for c in pk_cols %}m.{{ c.quoted }} is not distinct from keyed.{{ c.quoted }}{{ ' and ' if not loop.last }}{% endfor %}
),
model_sampled as (
    select {{ names }} from {{ model }} as m
    semi join sampled as s
      on {% for c in pk_cols %}m.{{ c.quoted }} is not distinct from s.{{ c.quoted }}{{ ' and ' if not loop.last }}{% endfor %}
),
not_the_masking as (
    select
        (select count(*) from (
            (select {{ names }} from model_sampled except all select {{ names }} from sampled)
            union all
            (select {{ names }} from sampled except all select {{ names }} from model_sampled)
        ))
        + (select count(*) from paired where __present is null) as n
),
{%- else %}
paired as (
    {#- Each source row beside its masking (the very SQL the model runs), evaluated once for
        both checks. -#}
    {{ understudy_masked_select(plan, plan.relation, paired=true) | indent(4) }}
),
masked_source as (
    select {% for c in plan.columns %}__m{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %} from paired
),
model_rows as (
    select {{ names }} from {{ model }}
),
not_the_masking as (
    select count(*) as n from (
        (select * from model_rows except all select * from masked_source)
        union all
        (select * from masked_source except all select * from model_rows)
    )
),
{%- endif %}
row_checks as (
    select
        0 as _none
    {%- for c in plan.columns if c.spec.replaces %},
        {%- set i = plan.columns.index(c) + 1 %}
        count(*) filter (where __s{{ i }} is not null
            and __m{{ i }} is not distinct from __s{{ i }}
            and regexp_matches(cast(__s{{ i }} as VARCHAR), '[\p{L}\p{N}]')) as r{{ i }}
    {%- endfor %}
    from paired
),
failures as (
    select {{ _understudy_literal(plan.label) }} as column_name, 'rows that are not the masking of production' as check_name, n as offending_rows
    from not_the_masking
{%- for c in plan.columns if c.spec.replaces %}
    union all
    select {{ _understudy_literal(c.label) }}, 'row keeps its own value', r{{ plan.columns.index(c) + 1 }} from row_checks
{%- endfor %}
{%- for c in high %}
    {%- set raw = _understudy_raw_values(c.class) %}
    union all
    select {{ _understudy_literal(c.label) }}, {{ _understudy_literal('equals a raw ' ~ c.class ~ ' of production') }}, count(*)
    from {{ model }} as m
    where m.{{ c.quoted }} is not null and trim(cast(m.{{ c.quoted }} as VARCHAR)) <> ''
      {#- Compared by 64-bit fingerprint (equal values have equal fingerprints, so nothing is
          missed; a chance collision, about n^2 / 2^64, can only fail the test, never pass it). #}
      and md5_number_lower(lower(trim(cast(m.{{ c.quoted }} as VARCHAR)))) in (
        select md5_number_lower(v) from (
        {{ raw | join('\n        union all ') }}
        )
      )
{%- endfor %}
)
select * from failures where offending_rows > 0
{%- endif -%}
{% endtest %}
