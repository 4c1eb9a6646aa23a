"""`understudy scan`: profile a database, classify every column, propose tags.

The scan never writes to the database and never changes a tag a human set. What it proposes
for columns the project does not declare yet goes into the sources YAML only when asked
(`--write`), as a new file for a new source or as added lines in an existing one.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from . import classify, names
from .plugins import load_classifiers, run_plugins
from .profile import Database, TableRef
from .types import Classifier, ColumnProfile, TableContext

# Classes where uniqueness of the source column matters for the masking method.
UNIQUE_RELEVANT = {"identifier", "natural_key", "email", "username", "phone", "national_id",
                   "card_number", "bank_account", "device_id", "ip_address"}
_TABLE_PREFIXES = {"raw", "stg", "src", "tbl", "dim", "fct", "fact", "t", "tb", "base", "int"}
QUASI_CLASSES = {"quasi_identifier", "postcode", "date_of_birth", "city"}
KEEP_CLASSES = {"public", "quasi_identifier"}
MIN_ROWS_FOR_UNIQUE = 10


@dataclass
class ColumnResult:
    profile: ColumnProfile
    cls: str
    confidence: float
    evidence: list[str]
    method: str
    tag: dict[str, Any]
    declared: dict[str, Any] | None = None    # the human's tag, when the project has one
    status: str = "new"                      # new | declared | differs | possible_leak | gone
    source: str = ""                          # dbt source name

    @property
    def quasi_identifier(self) -> bool:
        return self.cls in QUASI_CLASSES

    @property
    def label(self) -> str:
        return self.profile.label

    def as_dict(self) -> dict[str, Any]:
        p = self.profile
        return {
            "schema": p.schema, "table": p.table, "column": p.name, "data_type": p.data_type,
            "class": self.cls, "method": self.method, "confidence": self.confidence,
            "evidence": "; ".join(self.evidence), "tag": self.tag, "quasi_identifier": self.quasi_identifier,
            "status": self.status, "declared": self.declared, "rows": p.rows, "nulls": p.nulls,
            "distinct": p.distinct, "unique": p.unique, "primary_key": p.primary_key,
            "references": p.references, "referenced_by": p.referenced_by,
        }


@dataclass
class TableResult:
    context: TableContext
    primary_key: list[str]
    columns: list[ColumnResult]
    declared: bool = False


@dataclass
class ScanResult:
    path: str
    tables: list[TableResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def columns(self) -> Iterable[ColumnResult]:
        for t in self.tables:
            yield from t.columns


def load_catalog(root: Path) -> dict[str, Any]:
    project = yaml.safe_load((root / "dbt_project.yml").read_text())
    return project["vars"]["understudy"]


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _type_family(data_type: str) -> str:
    fam = classify.family(data_type)
    return {"uuid": "uuid", "text": "text", "json": "json", "integer": "integer",
            "numeric": "numeric", "date": "date"}.get(fam, "any")


def choose_method(cls: str, col: ColumnProfile, catalog: dict[str, Any], *, must_be_unique: bool) -> str:
    """The class's default method, unless the column's type or structure needs another one."""
    classes, methods = catalog["classes"], catalog["methods"]
    method = classes[cls]["method"]
    fam = _type_family(col.data_type)

    def fits(m: str) -> bool:
        types = methods[m]["types"]
        return "any" in types or fam in types

    if cls in ("event_date", "date_of_birth") and fam == "integer":
        method = "noise"           # epoch numbers: moved by a bounded amount
    if not fits(method):
        method = {"text": "redact", "json": "redact", "integer": "noise", "numeric": "noise"}.get(fam, "null")
    if must_be_unique and not methods[method]["unique"]:
        for alternative in (("tokenize",) if cls == "card_number" else ("format_preserving", "tokenize")):
            if fits(alternative):
                return alternative
        return "tokenize"
    return method


class Scanner:
    def __init__(self, root: Path, *, classifiers: list[Classifier] | None = None,
                 sample_rows: int = 5_000, progress: Callable[[int, int, str], None] | None = None) -> None:
        self.root = root
        self.catalog = load_catalog(root)
        self.classifiers = classifiers or []
        self.sample_rows = sample_rows
        self.progress = progress

    # -- reading -----------------------------------------------------------------------------
    def scan(self, path: Path, *, schemas: list[str] | None = None, tables: list[str] | None = None,
             source_names: dict[str, str] | None = None) -> ScanResult:
        result = ScanResult(str(path))
        with Database(path) as db:
            refs = db.tables(schemas, tables)
            contexts: list[tuple[TableRef, TableContext]] = []
            for i, ref in enumerate(refs, start=1):
                if self.progress:
                    self.progress(i, len(refs), ref.label)
                contexts.append((ref, db.profile(ref, self.sample_rows)))
            self._keys(db, contexts)
        source_names = source_names or {}
        self._classify(contexts, result, source_names)
        return result

    def _keys(self, db: Database, contexts: list[tuple[TableRef, TableContext]]) -> None:
        """Declared keys first; where a table declares none, infer them (unique + named like a key;
        a column named after another table's key whose values all exist there)."""
        by_label = {ref.label.lower(): (ref, ctx) for ref, ctx in contexts}
        pk_of: dict[str, str] = {}
        for ref, ctx in contexts:
            keys = db.keys(ref)
            cols = {c.name: c for c in ctx.columns}
            pk = keys.primary_key
            inferred = not pk
            if not pk:
                for c in ctx.columns:
                    if c.unique and c.nulls == 0 and c.rows >= 2 and names.is_key_name(c.name, ref.name):
                        pk = [c.name]
                        break
            if not pk:
                pk = self._composite_key(db, ref, ctx)
            ctx.primary_key = list(pk)
            for name in pk:
                cols[name].primary_key = True
                cols[name].key_inferred = inferred
            if len(pk) == 1:
                pk_of[ref.label.lower()] = pk[0]
            for name, (schema, table, column) in keys.foreign.items():
                if name in cols:
                    cols[name].references = f"{schema}.{table}.{column}"
            for fk_cols, table, ref_cols in keys.composite_foreign:
                for name, target in zip(fk_cols, ref_cols):
                    if name in cols and cols[name].references is None:
                        cols[name].references = f"{ref.schema}.{table}.{target}"
        # Composite foreign keys: the columns of a composite key, under the same names elsewhere.
        composite = {ref.label.lower(): (ref, ctx.primary_key) for ref, ctx in contexts if len(ctx.primary_key) > 1}
        for ref, ctx in contexts:
            cols = {c.name: c for c in ctx.columns}
            for parent_label, (parent_ref, key) in composite.items():
                if parent_label == ref.label.lower() or not all(k in cols for k in key):
                    continue
                if any(cols[k].references for k in key):
                    if not all(cols[k].references and cols[k].references.startswith(parent_ref.label + ".") for k in key):
                        continue
                if db.tuples_within(ref, key, parent_ref, key):
                    group = f"fk_{parent_ref.name}"
                    for k in key:
                        cols[k].references = f"{parent_ref.label}.{k}"
                        cols[k].fk_group = group
        # Inferred foreign keys, checked on the values.
        for ref, ctx in contexts:
            for c in ctx.columns:
                if c.references or (c.primary_key and len(ctx.primary_key) == 1):
                    continue
                for parent_label, parent_col in self._parent_candidates(ref, c, pk_of, by_label):
                    parent_ref, parent_ctx = by_label[parent_label]
                    p = next(x for x in parent_ctx.columns if x.name == parent_col)
                    if classify.family(p.data_type) != classify.family(c.data_type):
                        continue
                    if c.rows - c.nulls == 0 or db.values_within(ref, c.name, parent_ref, parent_col):
                        c.references = f"{parent_ref.schema}.{parent_ref.name}.{parent_col}"
                        break
        for ref, ctx in contexts:
            for c in ctx.columns:
                if c.references:
                    target = by_label.get(c.references.rsplit(".", 1)[0].lower())
                    if target:
                        for p in target[1].columns:
                            if p.name == c.references.rsplit(".", 1)[1]:
                                p.referenced_by.append(c.label)

    @staticmethod
    def _composite_key(db: Database, ref: TableRef, ctx: TableContext) -> list[str]:
        """A pair of key-named, never-NULL columns that is unique together (`order_id, line_no`)."""
        cands = [c.name for c in ctx.columns if c.nulls == 0 and c.rows >= 2
                 and names.is_identifier_name(c.name, ref.name)][:4]
        for i, a in enumerate(cands):
            for b in cands[i + 1:]:
                if db.unique_together(ref, [a, b]):
                    return [a, b]
        return []

    @staticmethod
    def _parent_candidates(ref: TableRef, col: ColumnProfile, pk_of: dict[str, str],
                           by_label: dict[str, Any]) -> list[tuple[str, str]]:
        toks = names.tokens(col.name)
        if not toks:
            return []
        stem_toks = [t for t in toks if t not in ("id", "fk", "key", "ref")]
        stem = "".join(stem_toks)
        out = []
        for label, pk in pk_of.items():
            schema, table = label.split(".", 1)
            if schema != ref.schema.lower() or label == ref.label.lower():
                continue
            table_toks = list(names.tokens(table))
            while len(table_toks) > 1 and table_toks[0] in _TABLE_PREFIXES:
                table_toks = table_toks[1:]      # raw_customers, stg_orders, tbl_users
            table_stem = "".join(table_toks)
            same_name = "".join(toks) == "".join(names.tokens(pk)) and pk.lower() not in ("id",)
            named_after = stem and stem in (table_stem, _singular(table_stem))
            if same_name or named_after:
                out.append((label, pk))
        return out

    # -- deciding ----------------------------------------------------------------------------
    def _classify(self, contexts: list[tuple[TableRef, TableContext]], result: ScanResult,
                  source_names: dict[str, str]) -> None:
        verdicts: dict[str, classify.Verdict] = {}
        person: dict[str, bool] = {}
        for ref, ctx in contexts:
            person[ref.label] = classify.person_signal(ctx)
        # Two passes: the second knows which tables hold personal data.
        for _ in range(2):
            for ref, ctx in contexts:
                for col in ctx.columns:
                    verdicts[col.label] = classify.classify_column(
                        col, ctx, person_table=person[ref.label], company_table=classify.company_signal(ctx))
            for ref, ctx in contexts:
                person[ref.label] = classify.person_signal(ctx) or any(
                    classify.marks_people(verdicts[c.label].cls, ctx) and verdicts[c.label].confidence >= 0.75
                    for c in ctx.columns)
            # A table pointing at a table about people is about people too (absences -> employees).
            for ref, ctx in contexts:
                if not person[ref.label]:
                    person[ref.label] = any(
                        c.references and person.get(c.references.rsplit(".", 1)[0], False) for c in ctx.columns)
        # Foreign keys take their parent's class: a column is masked like the key it points to.
        for ref, ctx in contexts:
            for col in ctx.columns:
                if col.references and col.references in verdicts:
                    parent = verdicts[col.references]
                    own = verdicts[col.label]
                    why = [f"references {col.references} ({parent.cls})"]
                    if own.cls != parent.cls and own.cls not in ("identifier", "public") and own.confident:
                        why.append(f"its own values look like {own.cls}: review the referenced column's class")
                    verdicts[col.label] = classify.Verdict(
                        parent.cls, max(own.confidence, parent.confidence), why, own.hits)
        # Plug-ins, for what the rules are unsure of (and any that want every column).
        if self.classifiers:
            for ref, ctx in contexts:
                for col in ctx.columns:
                    v = verdicts[col.label]
                    findings, warnings = run_plugins(self.classifiers, col, ctx, rules_confident=v.confident)
                    result.warnings.extend(warnings)
                    for f in sorted(findings, key=lambda f: -f.confidence):
                        if f.confidence > v.confidence and f.cls in self.catalog["classes"]:
                            verdicts[col.label] = classify.Verdict(
                                f.cls, round(f.confidence, 2), [f.evidence, f"rules said {v.cls} ({v.confidence:.2f})"], v.hits)
                            break
        for ref, ctx in contexts:
            source = source_names.get(ref.schema, _source_name(ref.schema))
            cols = []
            for col in ctx.columns:
                v = verdicts[col.label]
                cols.append(self._result(col, ctx, v, source, source_names))
            result.tables.append(TableResult(ctx, ctx.primary_key, cols))

    def _result(self, col: ColumnProfile, ctx: TableContext, v: classify.Verdict, source: str,
                source_names: dict[str, str]) -> ColumnResult:
        composite_member = col.primary_key and len(ctx.primary_key) > 1
        unique = col.unique and col.rows >= MIN_ROWS_FOR_UNIQUE and v.cls in UNIQUE_RELEVANT
        single_pk = col.primary_key and len(ctx.primary_key) == 1
        must_be_unique = (unique or composite_member or single_pk) and v.cls not in KEEP_CLASSES
        tag: dict[str, Any] = {"class": v.cls}
        evidence = list(v.evidence)
        if col.references:
            schema, table, column = col.references.split(".")
            tag["references"] = f"{source_names.get(schema, _source_name(schema))}.{table}.{column}"
            if col.fk_group:
                tag["fk"] = col.fk_group
            method = "(from the referenced column)"
        else:
            method = choose_method(v.cls, col, self.catalog, must_be_unique=must_be_unique)
            if method != self.catalog["classes"][v.cls]["method"]:
                tag["method"] = method
            if unique and not single_pk:
                tag["unique"] = True
        if col.unique and col.rows >= MIN_ROWS_FOR_UNIQUE and not col.primary_key \
                and "unique" not in " ".join(evidence):
            evidence.append("unique")
        if col.referenced_by and not any(e.startswith("referenced by") or "; referenced by" in e for e in evidence):
            evidence.append("referenced by " + ", ".join(r.split(".", 1)[1] for r in col.referenced_by[:3])
                            + (" ..." if len(col.referenced_by) > 3 else ""))
        if composite_member:
            evidence.append(f"part of the composite key ({', '.join(ctx.primary_key)})")
        if col.rows and col.nulls == col.rows:
            evidence.append("NULL in every row")
        return ColumnResult(col, v.cls, v.confidence, evidence, method, tag, source=source)


def _source_name(schema: str) -> str:
    return "_".join(names.tokens(schema)) or "source"


def progress_printer(stream: Any = None) -> Callable[[int, int, str], None]:
    """A one-line progress bar on a terminal; a line every ten tables otherwise (logs)."""
    stream = stream or sys.stderr
    tty = hasattr(stream, "isatty") and stream.isatty()

    def show(i: int, n: int, label: str) -> None:
        if tty:
            width = 30
            done = int(width * i / n)
            stream.write(f"\r  [{'#' * done}{'.' * (width - done)}] {i}/{n} {label[:50]:<50}")
            if i == n:
                stream.write("\n")
        elif n >= 10 and (i == 1 or i == n or i % 10 == 0):
            stream.write(f"understudy: scanned {i}/{n} tables ({label})\n")
        stream.flush()

    return show


def make_scanner(root: Path, classifier_specs: list[str], **kwargs: Any) -> Scanner:
    from .plugins import configured_specs

    return Scanner(root, classifiers=load_classifiers(configured_specs(classifier_specs)), **kwargs)
