{#-
    The SQL that turns source rows into masked rows, shared by every masked model and by the
    no-raw-value test (which recomputes it to prove the model is exactly the masking):

    * columns whose class says `distinct: true` (values that repeat a lot: first names,
      cities, postcodes) are masked once per distinct value and joined back, so a keyed
      function runs once per value rather than once per row;
    * columns of a high-entropy class whose method could, by chance, produce another row's
      real value (a permuted SSN that is someone else's SSN, a fake full name that is a real
      customer's) go through `us_avoid`, which re-masks exactly those values so that no raw
      value of the class appears in the output, keeping uniqueness;
    * every other column is one expression per row.

    With `paired`, each output column __m<i> comes with the source value __s<i> beside it.
-#}
{% macro understudy_masked_select(plan, relation, paired=false, where=none, use_maps=true, only=none, carry=[]) %}
    {#- only: the names of the columns to output (default all); carry: source columns passed
        through unmasked as __s<i> (for tests); where: a filter on the source rows (the
        per-distinct-value maps are then not used: the sample is small). -#}
    {%- set out_cols = plan.columns if only is none else (plan.columns | selectattr('name', 'in', only) | list) -%}
    {%- set carried = plan.columns | selectattr('name', 'in', carry) | list -%}
    {%- set mapped = (out_cols | selectattr('distinct') | list) if (use_maps and where is none) else [] -%}
with
{%- if where is not none %}
__rows as materialized (
    {#- The filtered rows, materialized first, so that the functions below get full batches
        (a filter leaves batches sparse, and a vectorized function pays per batch). #}
    select {{ plan.columns | map(attribute='quoted') | join(', ') }}
    from {{ relation }}
    where {{ where }}
),
{%- endif %}
{%- for c in mapped %}
    {%- set i = plan.columns.index(c) + 1 %}
__map{{ i }} as (
    -- {{ c.name }}: masked once per distinct value
    select {{ c.quoted }} as __k{{ i }}, {{ c.expression }} as __v{{ i }}
    from (select distinct {{ c.quoted }} from {{ relation }})
),
{%- endfor %}
__pass1 as (
    select
    {%- set first = [] -%}
    {%- for c in out_cols -%}
        {%- set i = plan.columns.index(c) + 1 -%}
        {%- do first.append('-- ' ~ c.name ~ ': ' ~ c.class ~ ' -> ' ~ c.method ~ ((' (references ' ~ c.references ~ ')') if c.references else '') ~ '\n        '
                            ~ (('__map' ~ i ~ '.__v' ~ i) if c in mapped else c.expression) ~ ' as __m' ~ i) -%}
        {%- if paired or c.avoid %}{% do first.append('__src.' ~ c.quoted ~ ' as __s' ~ i) %}{% endif -%}
    {%- endfor -%}
    {%- for c in carried if not ((paired or c.avoid) and c in out_cols) -%}
        {%- do first.append('__src.' ~ c.quoted ~ ' as __s' ~ (plan.columns.index(c) + 1)) -%}
    {%- endfor %}
    {%- for item in first %}
        {{ item }}{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ '__rows' if where is not none else relation }} as __src
    {%- for c in mapped %}
    {%- set i = plan.columns.index(c) + 1 %}
    left join __map{{ i }} on __src.{{ c.quoted }} is not distinct from __map{{ i }}.__k{{ i }}
    {%- endfor %}
)
select
{%- set items = [] -%}
{%- for c in out_cols -%}
    {%- set i = plan.columns.index(c) + 1 -%}
    {%- set value = _understudy_avoid(c, '__m' ~ i, '__s' ~ i) if c.avoid else '__m' ~ i -%}
    {%- do items.append(value ~ ' as ' ~ ('__m' ~ i if paired else c.quoted)) -%}
    {%- if paired %}{% do items.append('__s' ~ i) %}{% endif -%}
{%- endfor -%}
{%- for c in carried if not (paired and c in out_cols) -%}
    {%- do items.append('__s' ~ (plan.columns.index(c) + 1)) -%}
{%- endfor %}
{%- for item in items %}
    {{ item }}{{ ',' if not loop.last }}
{%- endfor %}
from __pass1
{% endmacro %}


{#- Methods whose output depends on the column's value only (so they can be computed once per
    distinct value), and those `us_avoid` knows how to re-mask. -#}
{% macro _understudy_value_only_methods() %}
    {{ return(['tokenize', 'format_preserving', 'fake_first_name', 'fake_last_name', 'fake_full_name',
               'fake_email', 'fake_username', 'fake_street_address', 'fake_city', 'fake_company',
               'fake_ipv4', 'fake_card_number', 'compose', 'partial', 'redact', 'null']) }}
{% endmacro %}

{% macro _understudy_avoid_methods() %}
    {{ return({'format_preserving': 'fpe', 'tokenize': 'fpe', 'fake_full_name': 'full_name',
               'fake_street_address': 'street_address', 'fake_ipv4': 'ipv4', 'fake_card_number': 'card'}) }}
{% endmacro %}


{#- us_avoid(kind, masked, fingerprint of masked, seed, domain, params, raw values SQL, label).
    The raw values of the class are every column tagged with it in any declared source,
    compared after lower() and trim() (as the no-raw-value test compares them). -#}
{% macro _understudy_avoid(c, m, s) %}
    {%- set kind = _understudy_avoid_methods()[c.method] -%}
    {%- set raw = _understudy_raw_values(c.class) -%}
    {%- if kind == 'fpe' -%}
        {%- set params = {'letters': (c.params.letters if c.method == 'format_preserving' else true)} -%}
        {%- set seed = s -%}
    {%- elif kind == 'card' -%}
        {%- set params = {'iin': c.params.iin | string} -%}
        {%- set seed = s -%}
    {%- else -%}
        {%- set params = {'maxlen': c.type.length or 255} -%}
        {%- set seed = "sha256(us_normalize(" ~ _understudy_literal(kind) ~ ", " ~ s ~ "))" -%}
    {%- endif -%}
    {{- return("us_avoid(" ~ _understudy_literal(kind) ~ ", " ~ m ~ ", md5_number_lower(lower(trim(" ~ m ~ "))), " ~ seed ~ ", "
        ~ _understudy_literal(c.domain) ~ ", " ~ _understudy_literal(tojson(params)) ~ ", "
        ~ _understudy_literal(raw | join(' union all ')) ~ ", " ~ _understudy_literal(c.label) ~ ")") -}}
{% endmacro %}


{#- One `select lower(trim(value)) as v from <table>` per column tagged with `cls` in any
    declared source: every raw value of the class, as the no-raw-value test compares them. -#}
{% macro _understudy_raw_values(cls) %}
    {%- set raw = [] -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') -%}
        {%- for name, col in node.columns.items() -%}
            {%- set tag = understudy_meta(col) -%}
            {%- if tag is mapping and tag.get('class') == cls -%}
                {%- do raw.append("select lower(trim(cast(" ~ adapter.quote(name) ~ " as VARCHAR))) as v from " ~ api.Relation.create(database=node.database, schema=node.schema, identifier=node.identifier)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(raw) }}
{% endmacro %}
