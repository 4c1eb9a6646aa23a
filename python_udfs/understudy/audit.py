"""The lineage audit: no tagged production column reaches a model's output without a masking function.

Every output column of a model is traced with sqlglot's column lineage back to the columns it is
computed from. A path that ends in a production column tagged anything but `public` leaks unless,
somewhere along it, the value goes through one of Understudy's masking functions
(MASKING_FUNCTIONS). Paths
that end in a masked model are clean (the masked models are generated from the tags and tested
value by value); paths through another downstream model carry that model's leaks. SQL the audit
cannot parse or trace fails the audit: it never passes by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.lineage import Node, lineage
from sqlglot.optimizer.qualify import qualify

# Understudy's functions whose output replaces their input (keyed tokens, permutations, fakes).
# Helpers that do not (us_normalize lower-cases, us_fit trims, us_shift_days and us_unit_noise
# compute offsets that are added to the raw value) do not count: a value that only goes
# through them is still raw.
MASKING_FUNCTIONS = frozenset({
    "us_fake", "us_fake_py", "us_fpe_text", "us_fpe_digits_int", "us_token_int", "us_card", "us_avoid",
    "us_digest", "us_h64", "us_prf_hex", "us_prf64",
})
Relation = tuple[str, str, str]   # (database, schema, table), lower case


@dataclass(frozen=True)
class Leak:
    model: str        # "schema.table" of the model's output
    column: str
    path: tuple[str, ...]  # from the source column up to (excluding) the output column
    reason: str

    def __str__(self) -> str:
        chain = " <- ".join((f"{self.model}.{self.column}", *reversed(self.path)))
        return f"{chain} ({self.reason})"


@dataclass
class Catalog:
    """What the audit knows about relations: production sources with each column's class, the
    masked models (clean by construction), and the columns of every relation for `select *`."""

    source_classes: dict[Relation, dict[str, str]] = field(default_factory=dict)
    masked: set[Relation] = field(default_factory=set)
    columns: dict[Relation, dict[str, str]] = field(default_factory=dict)
    # leaks already found in downstream models: relation -> column -> leaks
    tainted: dict[Relation, dict[str, list[Leak]]] = field(default_factory=dict)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for (db, sch, table), cols in self.columns.items():
            out.setdefault(db, {}).setdefault(sch, {})[table] = dict(cols) or {"_": "varchar"}
        return out


def _rel(table: exp.Table, default_db: str) -> Relation:
    return ((table.catalog or default_db).lower(), (table.db or "main").lower(), table.name.lower())


def _parts(name: str) -> list[str]:
    """`"customers"."email"` -> ['customers', 'email'] (lineage names are quoted once qualified)."""
    return [p.strip('"').lower() for p in name.split(".")]


def _masked_between(parent: Node, child: Node) -> bool:
    """Does `parent`'s expression pass `child`'s column through a masking function?"""
    parts = _parts(child.name)
    child_col = parts[-1]
    child_table = parts[-2] if len(parts) > 1 else ""
    for col in parent.expression.find_all(exp.Column):
        if col.name.lower() != child_col or (child_table and col.table and col.table.lower() != child_table):
            continue
        node: exp.Expression | None = col.parent
        while node is not None and node is not parent.expression.parent:
            if isinstance(node, exp.Anonymous) and node.name.lower() in MASKING_FUNCTIONS:
                return True
            node = node.parent
        return False
    return False


def _walk(node: Node, path: list[Node], catalog: Catalog, default_db: str, model: str, column: str,
          masked: bool, out: list[Leak]) -> None:
    if not node.downstream:
        if not isinstance(node.source, exp.Table):
            return                                  # a literal or a function without columns
        rel = _rel(node.source, default_db)
        name = _parts(node.name)[-1]
        label = f"{rel[1]}.{rel[2]}.{name}"
        if rel in catalog.masked:
            return
        if rel in catalog.source_classes:
            cls = catalog.source_classes[rel].get(name)
            if masked or cls == "public":
                return
            out.append(Leak(model, column, (label,), "no mask" if cls else "column not declared: no mask"))
            return
        if rel in catalog.tainted:
            if masked:
                return
            for leak in catalog.tainted[rel].get(name, []):
                out.append(Leak(model, column, leak.path + (f"{leak.model}.{leak.column}",), leak.reason))
            return
        if not masked:
            out.append(Leak(model, column, (label,), "unknown relation: cannot prove it is masked"))
        return
    for child in node.downstream:
        _walk(child, [*path, child], catalog, default_db, model, column,
              masked or _masked_between(node, child), out)


def audit_sql(model: str, sql: str, catalog: Catalog, default_db: str = "staging") -> list[Leak]:
    """The leaks of one model's compiled SQL (a select). `model` is its `schema.table`."""
    return _audit(model, sql, catalog, default_db)[0]


def _audit(model: str, sql: str, catalog: Catalog, default_db: str) -> tuple[list[Leak], list[str]]:
    """The leaks of one model and the names of its output columns (empty when it cannot be read)."""
    schema = catalog.schema()
    try:
        parsed = sqlglot.parse_one(sql, read="duckdb")
        qualified = qualify(parsed, schema=schema, dialect="duckdb", validate_qualify_columns=False)
    except Exception as exc:  # noqa: BLE001 - anything that cannot be traced fails closed
        return [Leak(model, "*", (), f"cannot parse or resolve its SQL: {type(exc).__name__}")], []
    if not isinstance(qualified, (exp.Query,)):
        return [Leak(model, "*", (), "not a query")], []
    names = qualified.named_selects
    leaks: list[Leak] = []
    for name in names:
        if name == "*":
            return [Leak(model, "*", (), "`select *` from a relation whose columns are unknown")], []
        try:
            root = lineage(name, qualified, schema=schema, dialect="duckdb")
        except Exception as exc:  # noqa: BLE001
            leaks.append(Leak(model, name, (), f"cannot trace its lineage: {type(exc).__name__}"))
            continue
        _walk(root, [root], catalog, default_db, model, name, False, leaks)
    return leaks, names


def audit_models(payload: dict[str, Any]) -> list[Leak]:
    """Audit every downstream model of a build, in build order.

    `payload`: {"sources": [{"relation": [db, schema, table], "columns": {name: class}}],
    "masked": [[db, schema, table], ...], "models": [{"name": "schema.table", "relation": [...],
    "sql": compiled SQL, "language": "sql"}], "default_db": name}, as the build's on-run-end
    collects it (macro understudy_audit_payload)."""
    catalog = Catalog()
    default_db = str(payload.get("default_db") or "staging").lower()
    for src in payload.get("sources", []):
        rel = tuple(str(p).lower() for p in src["relation"])
        catalog.source_classes[rel] = {k.lower(): v for k, v in src["columns"].items()}
        catalog.columns[rel] = {k.lower(): "varchar" for k in src["columns"]}
    for m in payload.get("masked", []):
        rel = tuple(str(p).lower() for p in m["relation"])
        catalog.masked.add(rel)
        catalog.columns[rel] = {k.lower(): "varchar" for k in m.get("columns", [])}
    leaks: list[Leak] = []
    for model in payload.get("models", []):
        rel = tuple(str(p).lower() for p in model["relation"])
        if model.get("language", "sql") != "sql":
            leaks.append(Leak(model["name"], "*", (), "a Python model: its code cannot be traced, so it is refused"))
            continue
        found, names = _audit(model["name"], model["sql"], catalog, default_db)
        leaks.extend(found)
        # What this model outputs, for the models built on it.
        catalog.columns[rel] = {n.lower(): "varchar" for n in names}
        catalog.tainted[rel] = {}
        for leak in found:
            catalog.tainted[rel].setdefault(leak.column.lower(), []).append(leak)
    return leaks


def audit_json(payload_json: str) -> str:
    """For the SQL function us_audit: the leaks as a JSON list of lines (empty: the audit passed)."""
    import json

    try:
        return json.dumps([str(leak) for leak in audit_models(json.loads(payload_json))])
    except Exception as exc:  # noqa: BLE001 - a failed audit never passes
        return json.dumps([f"the lineage audit could not run: {type(exc).__name__}: {exc}"])


def payload_from_manifest(manifest: dict[str, Any]) -> dict[str, Any]:
    """The audit's input from a compiled dbt manifest (`dbt compile --target test`), in the same
    shape as the build collects it. Models come in dependency order."""

    def tag_class(col: dict[str, Any]) -> str | None:
        meta = (col.get("config") or {}).get("meta") or col.get("meta") or {}
        return (meta.get("understudy") or {}).get("class")

    sources = [{"relation": ["prod", s["schema"], s["identifier"]],
                "columns": {name: tag_class(c) for name, c in s["columns"].items()}}
               for s in manifest["sources"].values() if s.get("database") == "prod"]
    nodes = {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] == "model"
             and n["config"].get("enabled", True)}
    masked = [n for n in nodes.values() if len(n["fqn"]) > 2 and n["fqn"][1] == "masked"]
    downstream = {uid: n for uid, n in nodes.items() if n not in masked}
    ordered: list[dict[str, Any]] = []
    seen: set[str] = set()

    def visit(uid: str) -> None:
        if uid in seen or uid not in downstream:
            return
        seen.add(uid)
        for dep in downstream[uid]["depends_on"]["nodes"]:
            visit(dep)
        ordered.append(downstream[uid])

    for uid in sorted(downstream):
        visit(uid)
    default_db = masked[0]["database"] if masked else "staging"
    return {
        "sources": sources,
        "masked": [{"relation": [n["database"], n["schema"], n["alias"]], "columns": list(n["columns"])} for n in masked],
        "models": [{"name": f"{n['schema']}.{n['alias']}", "relation": [n["database"], n["schema"], n["alias"]],
                    "sql": n.get("compiled_code") or "", "language": n.get("language", "sql")} for n in ordered],
        "default_db": default_db,
    }
