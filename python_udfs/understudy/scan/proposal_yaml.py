"""Write a scan proposal as a dbt sources file, or add it to an existing one.

The scanner proposes an understudy tag for every column of a database. This module turns that
proposal into YAML in the layout of the sources files under ``models/masked/``:

* `render_new_source` writes a complete new ``_<source>__sources.yml``.
* `apply_to_existing` adds what an existing sources file lacks (new tables, new columns) and
  nothing else: every existing line stays as it is, so the pull request that carries the change
  shows only added lines. A column the file already has is never touched, even when the scan
  would tag it differently; reviewing such disagreements is left to whoever runs the scan.
* `find_source_file` finds the sources file that already declares a production schema.

Every proposed column is written with a comment line just above it that says what the scan saw,
for example::

    # scan: email (confidence 0.97): 4,812 of 5,000 sampled values are emails
    - name: email
      data_type: varchar(60)
      config:
        meta:
          understudy: {class: email, unique: true}

The reviewer keeps, edits or deletes these comments; Understudy never reads them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = [
    "ColumnProposal",
    "TableProposal",
    "SourceProposal",
    "Edit",
    "render_new_source",
    "apply_to_existing",
    "find_source_file",
]

# The order in which the keys of a column tag are written; keys not listed here follow, in the
# order the proposal gives them.
TAG_KEY_ORDER = ("class", "method", "params", "domain", "references", "fk", "unique", "quasi_identifier")


@dataclass
class ColumnProposal:
    """The proposed tag of one column.

    ``data_type`` is written as given ('integer', 'varchar(60)', 'numeric(10,2)'). ``tag`` is the
    understudy column tag, for example ``{"class": "email", "unique": True}``. ``evidence`` is one
    line saying why; it is written as a comment above the column together with ``confidence``.
    """

    name: str
    data_type: str
    tag: dict
    evidence: str = ""
    confidence: float = 1.0
    description: str | None = None


@dataclass
class TableProposal:
    """The proposed columns of one table, in the order the live table has them."""

    name: str
    columns: list[ColumnProposal]
    primary_key: list[str] | None = None
    description: str | None = None
    identifier: str | None = None   # the production name, when `name` had to be cleaned for dbt


@dataclass
class SourceProposal:
    """One dbt source: a schema of the production database and its tables."""

    name: str
    schema: str
    tables: list[TableProposal]
    database: str = "prod"
    description: str | None = None


@dataclass
class Edit:
    """One addition `apply_to_existing` made to a sources file.

    ``kind`` is 'add_table' or 'add_column'; ``column`` is None for a table. ``detail`` is a
    sentence that can be shown on its own, e.g. "new column customer.loyalty_code (national_id,
    confidence 0.81) after email" or "new table gift_card with 2 columns".
    """

    kind: str
    table: str
    column: str | None
    detail: str


# ---------------------------------------------------------------------------------------------
# Writing YAML values


_PLAIN_BLOCK = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_ .,()\[\]/+\-]*")
_PLAIN_FLOW = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.()/+\-]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _reads_back(snippet: str, expected: str) -> bool:
    try:
        loaded = yaml.safe_load(snippet)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and loaded.get("k") == expected and type(loaded.get("k")) is str


def _is_plain(value: str, flow: bool) -> bool:
    """Whether a string can be written without quotes and still read back as the same string."""
    pattern = _PLAIN_FLOW if flow else _PLAIN_BLOCK
    if not pattern.fullmatch(value) or value != value.strip():
        return False
    snippet = "{k: " + value + "}" if flow else "k: " + value
    return _reads_back(snippet, value)


def _quoted(value: str) -> str:
    """A double-quoted YAML string; characters beyond ASCII are kept as they are."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        elif ch in "\x85\u2028\u2029\ufeff":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _scalar(value: object, flow: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        if "e" in text and "." not in text:
            mantissa, exponent = text.split("e")
            text = f"{mantissa}.0e{exponent}"    # YAML 1.1 (PyYAML, dbt) needs the dot
        return text
    text = str(value)
    return text if _is_plain(text, flow) else _quoted(text)


def _flow(value: object) -> str:
    """A value in flow style: ``{class: email, unique: true}``, ``[a, b]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, True)


def _ordered_tag(tag: dict) -> dict:
    ordered = {k: tag[k] for k in TAG_KEY_ORDER if k in tag}
    ordered.update((k, v) for k, v in tag.items() if k not in ordered)
    return ordered


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _scan_comment(column: ColumnProposal) -> str:
    cls = column.tag.get("class", "unclassified") if isinstance(column.tag, dict) else "unclassified"
    line = f"# scan: {_one_line(cls)} (confidence {column.confidence:.2f})"
    evidence = _one_line(column.evidence or "")
    return f"{line}: {evidence}" if evidence else line


# ---------------------------------------------------------------------------------------------
# Rendering blocks


@dataclass(frozen=True)
class _Layout:
    """How a file indents: mapping step, dash of a sequence under its key, item after the dash."""

    step: int = 2
    seq: int = 2
    item: int = 2
    inline_config: bool = False   # columns written as `config: {meta: {understudy: {...}}}`


def _dash_line(dash_col: int, item_col: int, text: str) -> str:
    return " " * dash_col + "-" + " " * max(1, item_col - dash_col - 1) + text


def _column_lines(column: ColumnProposal, dash_col: int, item_col: int, layout: _Layout) -> list[str]:
    pad = " " * item_col
    step = " " * layout.step
    tag = _flow(_ordered_tag(column.tag))
    lines = [" " * dash_col + _scan_comment(column), _dash_line(dash_col, item_col, f"name: {_scalar(column.name, False)}")]
    if column.description is not None:
        lines.append(f"{pad}description: {_quoted(column.description)}")
    lines.append(f"{pad}data_type: {_scalar(column.data_type, False)}")
    if layout.inline_config:
        lines.append(f"{pad}config: {{meta: {{understudy: {tag}}}}}")
    else:
        lines += [f"{pad}config:", f"{pad}{step}meta:", f"{pad}{step}{step}understudy: {tag}"]
    return lines


def _columns_lines(columns: list[ColumnProposal], key_col: int, layout: _Layout) -> list[str]:
    """The ``columns:`` key and its items, the key at ``key_col``."""
    if not columns:
        return [" " * key_col + "columns: []"]
    dash = key_col + layout.seq
    lines = [" " * key_col + "columns:"]
    for column in columns:
        lines += _column_lines(column, dash, dash + layout.item, layout)
    return lines


def _table_lines(table: TableProposal, dash_col: int, item_col: int, layout: _Layout) -> list[str]:
    pad = " " * item_col
    step = " " * layout.step
    lines = [_dash_line(dash_col, item_col, f"name: {_scalar(table.name, False)}")]
    if table.identifier is not None:
        lines.append(f"{pad}identifier: {_quoted(table.identifier)}")
    if table.description is not None:
        lines.append(f"{pad}description: {_quoted(table.description)}")
    if table.primary_key:
        lines += [
            f"{pad}config:",
            f"{pad}{step}meta:",
            f"{pad}{step}{step}understudy:",
            f"{pad}{step}{step}{step}primary_key: {_flow(list(table.primary_key))}",
        ]
    return lines + _columns_lines(table.columns, item_col, layout)


def _tables_lines(tables: list[TableProposal], key_col: int, layout: _Layout) -> list[str]:
    if not tables:
        return [" " * key_col + "tables: []"]
    dash = key_col + layout.seq
    lines = [" " * key_col + "tables:"]
    for table in tables:
        lines += _table_lines(table, dash, dash + layout.item, layout)
    return lines


def render_new_source(source: SourceProposal) -> str:
    """A complete new sources file for one source, in the layout of the files under models/masked/.

    The file holds ``version: 2`` and one source (name, description, database, schema, tables).
    A table gets ``config: meta: understudy: primary_key: [...]`` when the proposal has a primary
    key. Every column is preceded by its ``# scan:`` comment and carries its tag in flow style::

        # scan: identifier (confidence 1.00): primary key
        - name: album_id
          data_type: integer
          config:
            meta:
              understudy: {class: identifier}

    Descriptions are double-quoted; names, types and tag values are quoted only when YAML would
    otherwise read them as something else (``yes``, ``null``, ``1.0``, text with ``: `` or ``#``).
    """
    layout = _Layout()
    lines = ["version: 2", "", "sources:", _dash_line(2, 4, f"name: {_scalar(source.name, False)}")]
    if source.description is not None:
        lines.append(f"    description: {_quoted(source.description)}")
    lines.append(f"    database: {_scalar(source.database, False)}")
    lines.append(f"    schema: {_scalar(source.schema, False)}")
    lines += _tables_lines(source.tables, 4, layout)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading an existing file with positions


def _get(node: Node, key: str) -> tuple[ScalarNode, Node] | None:
    """The key and value nodes of ``key`` in a mapping node, or None."""
    if not isinstance(node, MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None


def _text(node: Node, key: str) -> str | None:
    found = _get(node, key)
    if found and isinstance(found[1], ScalarNode) and found[1].value != "":
        return str(found[1].value)
    return None


def _last_leaf_end(node: Node) -> int:
    """Character offset where the last written character of a node ends.

    The end of a block mapping or sequence lies past any comments and blank lines that follow
    it, so the end is taken from its last value instead, down to a scalar or a flow collection.
    """
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """Offset of the start of the line after the one holding ``index`` (len(text) at the end)."""
    if index > 0 and text[index - 1] == "\n":
        return index       # already at the start of a line (the end of a block scalar)
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _after(text: str, node: Node) -> int:
    """Where lines go that follow a node's last written line."""
    return _line_end(text, _last_leaf_end(node))


def _past_own_comments(text: str, offset: int, dash_col: int) -> int:
    """Move past comment lines indented deeper than the item's dash: they belong to that item.

    Comments at the dash's column or further left are taken as the heading of what follows, and
    lines are inserted before them.
    """
    while offset < len(text):
        newline = text.find("\n", offset)
        end = len(text) if newline < 0 else newline + 1
        line = text[offset:end]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= dash_col:
            break
        offset = end
    return offset


def _dash_col(text: str, item: Node) -> int | None:
    """Column of the '-' that opens a block sequence item, or None if it cannot be told."""
    start = item.start_mark.index
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if prefix.strip() != "-":
        return None
    return prefix.index("-")


def _seq_layout(text: str, key: Node, seq: Node) -> tuple[int, int] | None:
    """(dash offset under the key, item offset after the dash) of a block sequence."""
    if not isinstance(seq, SequenceNode) or seq.flow_style or not seq.value:
        return None
    dash = _dash_col(text, seq.value[0])
    if dash is None:
        return None
    return dash - key.start_mark.column, seq.value[0].start_mark.column - dash


def _mapping_step(root: Node) -> int:
    """How far a block mapping inside a block mapping is indented in this file (2 by default)."""
    pending = [root]
    while pending:
        node = pending.pop(0)
        if isinstance(node, MappingNode) and not node.flow_style:
            for k, v in node.value:
                if isinstance(v, MappingNode) and not v.flow_style and v.value:
                    step = v.start_mark.column - k.start_mark.column
                    if step > 0:
                        return step
                pending.append(v)
        elif isinstance(node, SequenceNode) and not node.flow_style:
            pending.extend(node.value)
    return 2


def _column_config_inline(columns: list[Node]) -> bool | None:
    """True when these columns write their config in flow style, False for block; None if none has one."""
    inline = block = 0
    for column in columns:
        found = _get(column, "config")
        if found and isinstance(found[1], MappingNode):
            if found[1].flow_style:
                inline += 1
            else:
                block += 1
    if inline == block == 0:
        return None
    return inline > block


def _columns_of(table: Node) -> list[Node]:
    found = _get(table, "columns")
    if found and isinstance(found[1], SequenceNode):
        return list(found[1].value)
    return []


def _same(a: str | None, b: str) -> bool:
    return a is not None and a.casefold() == b.casefold()


def _lookup(names: dict[str, Node], name: str) -> Node | None:
    """The entry named ``name``: exactly, or else ignoring case (the database ignores it too)."""
    if name in names:
        return names[name]
    for key, node in names.items():
        if _same(key, name):
            return node
    return None


def _effective_schema(src: Node) -> str | None:
    return _text(src, "schema") or _text(src, "name")


def _pick_source(sources: list[Node], proposal: SourceProposal) -> Node | None:
    by_schema = [s for s in sources if _effective_schema(s) == proposal.schema]
    if not by_schema:
        by_schema = [s for s in sources if _same(_effective_schema(s), proposal.schema)]
    if by_schema:
        named = [s for s in by_schema if _text(s, "name") == proposal.name]
        return (named or by_schema)[0]
    by_name = [s for s in sources if _text(s, "name") == proposal.name]
    if not by_name:
        by_name = [s for s in sources if _same(_text(s, "name"), proposal.name)]
    return by_name[0] if by_name else None


def _describe(sources: list[Node]) -> str:
    if not sources:
        return "none"
    return ", ".join(f"{_text(s, 'name')} (schema {_effective_schema(s)})" for s in sources)


class _Insertions:
    """Lines to insert at character offsets of the original text, kept in the order added."""

    def __init__(self, text: str):
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.at: dict[int, list[str]] = {}

    def add(self, offset: int, lines: list[str]) -> None:
        self.at.setdefault(offset, []).extend(lines)

    def apply(self) -> str:
        text, nl = self.text, self.newline
        out, previous = [], 0
        for offset in sorted(self.at):
            out.append(text[previous:offset])
            block = nl.join(self.at[offset])
            if offset == len(text):
                # At the very end: keep the file's choice of a final newline or none.
                if text and not text.endswith("\n"):
                    out.append(nl + block)
                else:
                    out.append(block + nl)
            else:
                out.append(block + nl)
            previous = offset
        out.append(text[previous:])
        return "".join(out)


def _flow_refusal(what: str, key: Node) -> ValueError:
    line = key.start_mark.line + 1
    return ValueError(
        f"line {line}: `{what}:` is written in flow style ([...]); rewrite it as a block list "
        f"(one '- name:' per line) so that new entries can be added without changing existing lines"
    )


def apply_to_existing(text: str, source: SourceProposal) -> tuple[str, list[Edit]]:
    """Add to an existing sources file the tables and columns of a proposal that it lacks.

    Only lines are added; nothing in the file is changed, moved or reformatted, comments and
    quoting included. Specifically:

    * a proposed table the file does not have is appended at the end of the source's ``tables:``,
      written like `render_new_source` writes tables;
    * a proposed column the table does not have is inserted right after the column that precedes
      it in the proposal (which lists columns in the live table's order), or first when none of
      the preceding columns is in the file; it comes with its ``# scan:`` comment;
    * a column the file already has is left alone, even when the proposal tags it differently,
      and so is the meta of an existing table (primary key, entity, ...).

    New columns follow the file's own indentation and, when the table's existing columns write
    their config on one line (``config: {meta: {understudy: {...}}}``), that form too.

    Tables are matched by name or by their ``identifier:`` (the production name), columns by
    name; both exactly, or else ignoring case. The source is the one whose ``schema`` is the
    proposal's schema (a source without ``schema`` uses its name), or else the one with the
    proposal's name. ValueError is raised, naming the sources in the file, when none matches.

    Returns the new text and the list of additions; when nothing is missing, the text is
    returned unchanged and the list is empty.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ValueError(f"the sources file is not valid YAML: {exc}") from exc
    found = _get(root, "sources") if root is not None else None
    sources = list(found[1].value) if found and isinstance(found[1], SequenceNode) else []
    src = _pick_source(sources, source)
    if src is None:
        raise ValueError(
            f"no source for schema {source.schema!r} (or named {source.name!r}) in this file; "
            f"its sources are: {_describe(sources)}"
        )

    ins = _Insertions(text)
    edits: list[Edit] = []
    step = _mapping_step(root)
    src_key_col = src.start_mark.column

    tables_found = _get(src, "tables")
    tables_key, tables_seq = tables_found if tables_found else (None, None)
    file_tables = list(tables_seq.value) if isinstance(tables_seq, SequenceNode) else []

    # The layout of columns anywhere in the file, used for new tables and empty tables.
    col_layout: tuple[int, int] | None = None
    all_columns: list[Node] = []
    for t in file_tables:
        cols = _get(t, "columns")
        if cols:
            col_layout = col_layout or _seq_layout(text, cols[0], cols[1])
        all_columns += _columns_of(t)
    file_inline = bool(_column_config_inline(all_columns))
    seq, item = col_layout or (2, 2)
    file_layout = _Layout(step=step, seq=seq, item=item, inline_config=file_inline)

    by_name: dict[str, Node] = {}
    for t in file_tables:
        for key in ("name", "identifier"):
            value = _text(t, key)
            if value is not None:
                by_name.setdefault(value, t)

    new_tables: list[TableProposal] = []
    for proposed in source.tables:
        table = _lookup(by_name, proposed.name)
        if table is None and proposed.identifier is not None:
            table = _lookup(by_name, proposed.identifier)
        if table is None:
            new_tables.append(proposed)
            continue
        _add_columns(text, table, proposed, file_layout, ins, edits)

    if new_tables:
        if isinstance(tables_seq, SequenceNode) and tables_seq.flow_style:
            raise _flow_refusal("tables", tables_key)
        if file_tables:
            layout = _seq_layout(text, tables_key, tables_seq)
            t_seq, t_item = layout or (file_layout.seq, file_layout.item)
            dash = tables_key.start_mark.column + t_seq
            lines: list[str] = []
            for proposed in new_tables:
                lines += _table_lines(proposed, dash, dash + t_item, file_layout)
            ins.add(_past_own_comments(text, _after(text, tables_seq), dash), lines)
        elif tables_key is not None:
            if not (isinstance(tables_seq, ScalarNode) and tables_seq.value == "" and _bare_key_line(text, tables_key)):
                raise ValueError(f"line {tables_key.start_mark.line + 1}: `tables:` has a value that is not a list")
            dash = tables_key.start_mark.column + file_layout.seq
            lines = []
            for proposed in new_tables:
                lines += _table_lines(proposed, dash, dash + file_layout.item, file_layout)
            ins.add(_line_end(text, tables_key.end_mark.index), lines)
        else:
            ins.add(_after(text, src), _tables_lines(new_tables, src_key_col, file_layout))
        for proposed in new_tables:
            n = len(proposed.columns)
            edits.append(Edit("add_table", proposed.name, None,
                              f"new table {proposed.name} with {n} column{'s' if n != 1 else ''}"))

    if not edits:
        return text, []
    return ins.apply(), edits


def _bare_key_line(text: str, key: Node) -> bool:
    """Whether the line of ``key`` holds nothing after ``key:`` but perhaps a comment."""
    rest = text[key.end_mark.index:_line_end(text, key.end_mark.index)]
    rest = rest.strip()
    if not rest.startswith(":"):
        return False
    rest = rest[1:].strip()
    return rest == "" or rest.startswith("#")


def _add_columns(text: str, table: Node, proposed: TableProposal, file_layout: _Layout,
                 ins: _Insertions, edits: list[Edit]) -> None:
    table_name = _text(table, "name") or proposed.name
    cols_found = _get(table, "columns")
    cols_key, cols_seq = cols_found if cols_found else (None, None)
    existing = list(cols_seq.value) if isinstance(cols_seq, SequenceNode) else []
    names: dict[str, Node] = {}
    for c in existing:
        value = _text(c, "name")
        if value is not None:
            names.setdefault(value, c)

    missing = [c for c in proposed.columns if _lookup(names, c.name) is None]
    if not missing:
        return
    if isinstance(cols_seq, SequenceNode) and cols_seq.flow_style:
        raise _flow_refusal("columns", cols_key)

    inline = _column_config_inline(existing)
    layout = _Layout(file_layout.step, file_layout.seq, file_layout.item,
                     file_layout.inline_config if inline is None else inline)

    if cols_key is None:
        # The table lists no columns yet: add the key and the columns after the table's last line.
        ins.add(_after(text, table), _columns_lines(missing, table.start_mark.column, layout))
        for c in missing:
            edits.append(Edit("add_column", table_name, c.name,
                              f"new column {table_name}.{c.name} ({_class_of(c)}) in a new columns list"))
        return

    if existing:
        measured = _seq_layout(text, cols_key, cols_seq)
        seq, item = measured or (layout.seq, layout.item)
    else:
        if not (isinstance(cols_seq, ScalarNode) and cols_seq.value == "" and _bare_key_line(text, cols_key)):
            raise ValueError(f"line {cols_key.start_mark.line + 1}: `columns:` of table {table_name!r} is not a list")
        seq, item = layout.seq, layout.item
    dash = cols_key.start_mark.column + seq

    anchor: str | None = None      # the last proposed column already placed (in the file or added)
    anchor_offset: int | None = None
    for c in proposed.columns:
        present = _lookup(names, c.name)
        if present is not None:
            anchor = _text(present, "name")
            anchor_offset = _past_own_comments(text, _after(text, present), dash)
            continue
        if anchor_offset is None:
            offset = _line_end(text, cols_key.end_mark.index)
            where = "as the first column"
        else:
            offset = anchor_offset
            where = f"after {anchor}"
        ins.add(offset, _column_lines(c, dash, dash + item, layout))
        edits.append(Edit("add_column", table_name, c.name, f"new column {table_name}.{c.name} ({_class_of(c)}) {where}"))
        anchor, anchor_offset = c.name, offset


def _class_of(column: ColumnProposal) -> str:
    cls = column.tag.get("class", "unclassified") if isinstance(column.tag, dict) else "unclassified"
    return f"{cls}, confidence {column.confidence:.2f}"


def find_source_file(models_dir: Path, schema: str) -> Path | None:
    """The sources file under ``models_dir`` that declares a source for ``schema``, or None.

    Looks at every ``_<name>__sources.yml`` below ``models_dir`` (at any depth). A source
    without ``schema:`` stands for the schema of its name, as in dbt. An exact match wins over
    one that differs only in case.
    """
    loose: Path | None = None
    for path in sorted(Path(models_dir).glob("**/_*__sources.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML: {exc}") from exc
        if not isinstance(data, dict):
            continue
        for src in data.get("sources") or []:
            if not isinstance(src, dict):
                continue
            declared = src.get("schema") or src.get("name")
            if declared is None:
                continue
            if str(declared) == schema:
                return path
            if loose is None and str(declared).casefold() == schema.casefold():
                loose = path
    return loose
