{#-
    Policy resolution: turn one column's tag into a plan.

    A plan is everything a method needs to render its SQL: the class, the method and its
    parameters (method defaults < class defaults < column overrides), the consistency domain,
    whether the column must stay unique, and its parsed type. Every mistake is a compile
    error that names source.table.column: untagged column, unknown class, unknown method,
    unknown parameter, a method that cannot keep a unique column unique, a method that does
    not accept the column's type, or a foreign key that does not point at a declared column.
-#}
{% macro understudy_resolve_column(source_name, table_name, column_name, _depth=0) %}
    {%- set policy = var('understudy') -%}
    {%- set label = source_name ~ '.' ~ table_name ~ '.' ~ column_name -%}
    {%- if _depth > 8 -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `references` chain is longer than 8 or circular") }}
    {%- endif -%}
    {%- set node = understudy_source_node(source_name, table_name) -%}
    {%- if column_name not in node.columns -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": column is not declared") }}
    {%- endif -%}
    {%- set column = node.columns[column_name] -%}
    {%- set tag = understudy_meta(column) -%}
    {%- set allowed_keys = ['class', 'method', 'params', 'domain', 'references', 'fk', 'unique'] -%}
    {%- for k in (tag if tag is mapping else {}) -%}
        {%- if k not in allowed_keys -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": unknown tag key '" ~ k ~ "'. Allowed: " ~ allowed_keys | join(', ')) }}
        {%- endif -%}
    {%- endfor -%}
    {%- if tag is mapping and 'method' in tag and tag['method'] is none -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `method:` is empty (YAML reads an unquoted null as no value); write method: \"null\" to null the column") }}
    {%- endif -%}
    {%- if tag is none or tag is not mapping or not tag.get('class') -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": column has no sensitivity tag. Add `config: {meta: {understudy: {class: ...}}}`; use `class: public` to copy it as it is.") }}
    {%- endif -%}
    {%- if tag.get('unique') is not none and tag.get('unique') is not boolean -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `unique` must be true or false, got '" ~ tag.get('unique') ~ "'") }}
    {%- endif -%}
    {%- for k in ['class', 'method', 'domain', 'references', 'fk'] if tag.get(k) is not none and tag.get(k) is not string -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `" ~ k ~ "` must be a string") }}
    {%- endfor -%}
    {%- set cls = tag['class'] -%}
    {%- if cls not in policy.classes -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": unknown class '" ~ cls ~ "'. Known classes: " ~ policy.classes.keys() | sort | join(', ')) }}
    {%- endif -%}
    {%- set class_spec = policy.classes[cls] -%}
    {%- set ctype = understudy_parse_type(column.data_type, label) -%}
    {%- set table_tag = understudy_meta(node) or {} -%}
    {%- set pk = table_tag.get('primary_key') or [] -%}
    {%- set in_pk = column_name in pk -%}
    {%- set unique = (tag.get('unique') is sameas true) or (in_pk and pk | length == 1) -%}

    {%- if tag.get('references') -%}
        {#- A foreign key uses exactly its key's mapping: same method, parameters and domain. -#}
        {%- set parts = tag['references'].split('.') -%}
        {%- if parts | length != 3 -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `references` must be source.table.column, got '" ~ tag['references'] ~ "'") }}
        {%- endif -%}
        {%- if tag.get('method') or tag.get('params') or tag.get('domain') -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": a foreign key takes its key's method, params and domain; remove them from this column") }}
        {%- endif -%}
        {%- set target = understudy_resolve_column(parts[0], parts[1], parts[2], _depth + 1) -%}
        {%- if target.class != cls -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": tagged '" ~ cls ~ "' but references " ~ target.label ~ " tagged '" ~ target.class ~ "'; a foreign key must carry its key's class") }}
        {%- endif -%}
        {%- if target.type.family != ctype.family or (ctype.bits or 0) < (target.key_type.bits or 0) -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": type " ~ ctype.declared ~ " cannot reference " ~ target.label ~ " of type " ~ target.type.declared ~ " (a foreign key needs its key's type, or a wider one)") }}
        {%- endif -%}
        {%- set method = target.method -%}
        {%- set params = target.params -%}
        {%- set domain = target.domain -%}
        {%- set key_type = target.key_type -%}
        {%- set references = target.label -%}
    {%- else -%}
        {%- set method = tag.get('method') or class_spec.method -%}
        {%- set key_type = ctype -%}
        {%- set references = none -%}
        {%- if method not in policy.methods -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": unknown method '" ~ method ~ "'. Known methods: " ~ policy.methods.keys() | sort | join(', ')) }}
        {%- endif -%}
        {%- set method_defaults = policy.methods[method].get('params') or {} -%}
        {%- set params = {} -%}
        {%- do params.update(method_defaults) -%}
        {%- if method == class_spec.method -%}
            {%- do params.update(class_spec.get('params') or {}) -%}
        {%- endif -%}
        {%- set overrides = tag.get('params') or {} -%}
        {%- if overrides is not mapping -%}
            {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": `params` must be a mapping") }}
        {%- endif -%}
        {%- for k, v in overrides.items() -%}
            {%- if k not in method_defaults -%}
                {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": method '" ~ method ~ "' has no parameter '" ~ k ~ "'. Its parameters: " ~ (method_defaults.keys() | sort | join(', ') or 'none')) }}
            {%- endif -%}
            {%- do params.update({k: v}) -%}
        {%- endfor -%}
        {%- set class_domain = class_spec.get('domain') -%}
        {%- set domain = tag.get('domain') or (label if (class_domain is none or class_domain == 'column') else class_domain) -%}
    {%- endif -%}

    {%- set spec = policy.methods[method] -%}
    {%- if (unique or in_pk) and not spec.unique -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": method '" ~ method ~ "' does not keep values unique, and this column is " ~ ("part of the primary key" if in_pk else "unique") ~ ". Use a method that keeps uniqueness (tokenize, format_preserving, fake_email, fake_username).") }}
    {%- endif -%}
    {%- set families = spec.get('types') or ['any'] -%}
    {%- if 'any' not in families and ctype.family not in families -%}
        {{ exceptions.raise_compiler_error("understudy: " ~ label ~ ": method '" ~ method ~ "' does not accept type " ~ ctype.declared ~ " (it takes " ~ families | join(', ') ~ ")") }}
    {%- endif -%}
    {{ return({
        'label': label, 'source': source_name, 'table': table_name, 'name': column_name,
        'quoted': adapter.quote(column_name), 'class': cls, 'method': method, 'params': params,
        'domain': domain, 'unique': unique, 'in_pk': in_pk, 'type': ctype, 'key_type': key_type,
        'references': references, 'fk': tag.get('fk') or column_name, 'spec': spec,
        'description': column.description or ''
    }) }}
{% endmacro %}
