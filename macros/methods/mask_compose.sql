{#- compose: a key built from parts, such as 'ACME#ana.lima@example.test'. The value is split
    on `separator`, and each part is masked as the class named at its position in `parts`,
    with that class's default method and domain, so the email inside the key gets the same
    pseudonym as the same email anywhere else. A value with another number of parts stops
    the build (its value is not printed). -#}
{% macro default__mask_compose(c) %}
    {%- set policy = var('understudy') -%}
    {%- set sep = c.params.separator -%}
    {%- set parts = c.params.parts -%}
    {%- if not sep or parts is string or parts is not iterable or parts | length < 2 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": compose needs `separator` and a list of at least two `parts` (class names)") }}
    {%- endif -%}
    {%- set rendered = [] -%}
    {%- for cls in parts -%}
        {%- if cls not in policy.classes -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": compose part " ~ loop.index ~ " has unknown class '" ~ cls ~ "'") }}
        {%- endif -%}
        {%- set spec = policy.classes[cls] -%}
        {%- set method = spec.method -%}
        {%- set mspec = policy.methods[method] -%}
        {%- if (c.unique or c.in_pk) and not mspec.unique -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": compose part " ~ loop.index ~ " (" ~ cls ~ ", " ~ method ~ ") does not keep values unique, and this column is unique") }}
        {%- endif -%}
        {%- if 'text' not in mspec.types and 'any' not in mspec.types -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ c.label ~ ": compose part " ~ loop.index ~ " uses " ~ method ~ ", which does not take text") }}
        {%- endif -%}
        {%- set params = {} -%}{%- do params.update(mspec.params or {}) -%}{%- do params.update(spec.get('params') or {}) -%}
        {%- set part = {} -%}{%- do part.update(c) -%}
        {%- set part_domain = (c.label ~ '#' ~ loop.index) if (spec.get('domain') in [none, 'column']) else spec.domain -%}
        {%- do part.update({'quoted': "split_part(" ~ c.quoted ~ ", " ~ _understudy_literal(sep) ~ ", " ~ loop.index ~ ")",
                            'class': cls, 'method': method, 'params': params, 'spec': mspec, 'domain': part_domain,
                            'label': c.label ~ ' (part ' ~ loop.index ~ ')'}) -%}
        {%- do rendered.append(understudy_render_method(part)) -%}
    {%- endfor -%}
    {%- set joined = rendered | join(" || " ~ _understudy_literal(sep) ~ " || ") -%}
    {%- set checks = "when len(string_split(" ~ c.quoted ~ ", " ~ _understudy_literal(sep) ~ ")) <> " ~ parts | length ~ " then error(" ~ _understudy_literal("understudy: " ~ c.label ~ ": a value does not have " ~ parts | length ~ " parts separated by '" ~ sep ~ "'") ~ ")" -%}
    {%- if c.type.length is not none -%}
        {%- set body = "us_fit(" ~ joined ~ ", " ~ c.type.length ~ ", " ~ _understudy_literal("understudy: " ~ c.label ~ ": a masked value does not fit " ~ c.type.declared) ~ ")" -%}
    {%- else -%}
        {%- set body = joined -%}
    {%- endif -%}
    {{- return("case when " ~ c.quoted ~ " is null or " ~ c.quoted ~ " = '' then " ~ c.quoted ~ " " ~ checks ~ " else " ~ body ~ " end") -}}
{% endmacro %}
