"""The `understudy scan` and `understudy scan-eval` commands: reports, proposals, evaluation."""

from __future__ import annotations

import csv
import re
import difflib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .plugins import PluginError
from .profile import ScanError
from .project_sources import DeclaredSource, declared_sources
from .proposal_yaml import ColumnProposal, SourceProposal, TableProposal, apply_to_existing, render_new_source
from .scanner import KEEP_CLASSES, ColumnResult, ScanResult, TableResult, make_scanner, progress_printer

EXIT_NOTHING_NEW, EXIT_PROPOSALS, EXIT_ERROR = 0, 1, 2
# A human tag that keeps values as they are, against values that a strict validator recognises.
_LEAK_CONFIDENCE = 0.9
_NOT_A_LEAK = {"identifier", "event_date", "money", "public", "quasi_identifier"}


@dataclass
class FileChange:
    path: Path
    before: str | None
    after: str
    edits: list[str]


def _yaml_type(data_type: str) -> str:
    t = data_type.lower()
    return {"timestamp with time zone": "timestamptz"}.get(t, t)


def compare(result: ScanResult, declared: dict[str, DeclaredSource], catalog: dict[str, Any] | None = None) -> None:
    """Mark each column: new (not declared), declared (agrees), differs or possible_leak.

    A possible leak is a column whose values strongly look personal while the tag copies them
    as they are: class public or quasi_identifier, or any class with a method that does not
    mask (`method: keep`)."""
    classes = (catalog or {}).get("classes", {})
    methods = (catalog or {}).get("methods", {})

    def copies_as_is(tag: dict[str, Any]) -> bool:
        if tag.get("references"):
            return False
        method = tag.get("method") or classes.get(tag.get("class"), {}).get("method")
        if method is None:
            return tag.get("class") in KEEP_CLASSES
        return not methods.get(method, {}).get("masks", True) or method == "keep"

    for table in result.tables:
        src = declared.get(table.context.schema.lower())
        cols = None
        if src is not None:
            # The engine ignores case in names, and so does the match with the YAML.
            by_lower = {t.lower(): c for t, c in src.tables.items()}
            cols = by_lower.get(table.context.table.lower())
        table.declared = cols is not None
        cols_lower = {c.lower(): tag for c, tag in (cols or {}).items()}
        for col in table.columns:
            if src is not None:
                col.source = src.name
            if cols is None or col.profile.name.lower() not in cols_lower:
                col.status = "new"
                continue
            tag = cols_lower[col.profile.name.lower()]
            col.declared = tag
            human = (tag or {}).get("class")
            if col.cls not in _NOT_A_LEAK and col.confidence >= _LEAK_CONFIDENCE and copies_as_is(tag or {}):
                col.status = "possible_leak"
            elif human == col.cls:
                col.status = "declared"
            else:
                col.status = "differs"


def proposals(result: ScanResult, declared: dict[str, DeclaredSource], models_dir: Path) -> list[FileChange]:
    """The YAML change: a new file per new source, added lines in existing ones."""
    by_schema: dict[str, list] = defaultdict(list)
    for table in result.tables:
        new_cols = [c for c in table.columns if c.status == "new"]
        if new_cols:
            by_schema[table.context.schema].append((table, new_cols))
    changes = []
    for schema, tables in by_schema.items():
        src = declared.get(schema.lower())
        source = SourceProposal(
            name=src.name if src else tables[0][1][0].source,
            schema=schema,
            tables=[_table_proposal(src, t) for t, _ in tables],
        )
        if src is None:
            path = models_dir / source.name / f"_{source.name}__sources.yml"
            before = path.read_text() if path.exists() else None
            if before is not None:
                raise ScanError(f"{path} exists but declares no source with schema '{schema}'")
            changes.append(FileChange(path, None, render_new_source(source),
                                      [f"new source {source.name}: {len(tables)} table(s)"]))
        else:
            before = src.file.read_text()
            after, edits = apply_to_existing(before, source)
            if after != before:
                changes.append(FileChange(src.file, before, after, [e.detail for e in edits]))
    return changes


def _table_proposal(src: DeclaredSource | None, table: TableResult) -> TableProposal:
    live = table.context.table
    name = _dbt_table_name(src, live)
    declared = src is not None and live.lower() in {n.lower() for n in src.dbt_names}
    return TableProposal(name=name, identifier=None if name == live or declared else live,
                         primary_key=list(table.primary_key) or None,
                         columns=[_column_proposal(c) for c in table.columns])


_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _dbt_table_name(src: DeclaredSource | None, live: str) -> str:
    """The dbt name of a production table: the declared one, the live one when it is a plain
    identifier, else a cleaned one (`Order Items` -> `order_items`, with `identifier:`)."""
    if src is not None:
        for name, dbt_name in src.dbt_names.items():
            if name.lower() == live.lower():
                return dbt_name
    if _PLAIN_NAME.match(live):
        return live
    from .names import tokens

    return "_".join(tokens(live)) or "table"


def _column_proposal(c: ColumnResult) -> ColumnProposal:
    return ColumnProposal(
        name=c.profile.name, data_type=_yaml_type(c.profile.data_type), tag=dict(c.tag),
        evidence=("; ".join(c.evidence) or "no evidence") + (" (quasi-identifier)" if c.quasi_identifier else ""),
        confidence=c.confidence,
    )


def _fmt_conf(x: float) -> str:
    return f"{x:.2f}"


_STATUS_MARK = {"new": "NEW", "declared": "ok", "differs": "DIFFERS", "possible_leak": "LEAK?"}


def print_table(result: ScanResult, *, show_all: bool, stream: Any = None) -> None:
    stream = stream or sys.stdout
    rows = []
    for c in result.columns():
        if not show_all and c.status == "declared":
            continue
        declared = (c.declared or {}).get("class", "") if c.declared is not None else ""
        rows.append((c.profile.table if len({t.context.schema for t in result.tables}) == 1 else f"{c.profile.schema}.{c.profile.table}",
                     c.profile.name, c.profile.data_type.lower()[:16], c.cls + ("*" if c.quasi_identifier else ""),
                     c.method, _fmt_conf(c.confidence), _STATUS_MARK[c.status] + (f" (tag: {declared})" if c.status in ("differs", "possible_leak") else ""),
                     "; ".join(c.evidence)))
    if not rows:
        print("Every column is declared, and the scan agrees with every tag.", file=stream)
        return
    head = ("table", "column", "type", "class", "method", "conf", "status", "evidence")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if i < 7 else 0 for i, h in enumerate(head)]
    widths = [min(w, 32) for w in widths]
    def line(r: tuple) -> str:
        return "  ".join(str(v)[:widths[i]].ljust(widths[i]) for i, v in enumerate(r[:7])) + "  " + r[7]
    print(line(head), file=stream)
    print("  ".join("-" * w for w in widths[:7]) + "  " + "-" * 8, file=stream)
    for r in rows:
        print(line(r), file=stream)
    if any(r[3].endswith("*") for r in rows):
        print("(* quasi-identifier: not identifying alone, identifying in combination)", file=stream)


def summary_counts(result: ScanResult) -> dict[str, int]:
    counts = Counter(c.status for c in result.columns())
    return {k: counts.get(k, 0) for k in ("new", "declared", "differs", "possible_leak")}


def cmd_scan(args: Any) -> int:
    root: Path = args.root
    models_dir = root / "models" / "masked"
    try:
        scanner = make_scanner(root, args.classifier or [], sample_rows=args.sample,
                               progress=None if args.json else progress_printer())
        declared = declared_sources(models_dir)
        names = {d.schema: d.name for d in declared.values()}
        result = scanner.scan(args.path, schemas=args.schema or None, tables=args.table or None,
                              source_names=names)
        compare(result, declared, scanner.catalog)
        if args.path.is_dir():
            for schema in sorted({t.context.schema for t in result.tables}):
                src = declared.get(schema.lower())
                if src is not None:
                    result.warnings.append(
                        f"the folder's schema '{schema}' is compared with the declared source '{src.name}' "
                        f"({src.file.relative_to(root) if src.file.is_relative_to(root) else src.file}): the "
                        "proposal adds to it. Rename the folder to scan its files as a new source")
        changes = proposals(result, declared, models_dir)
    except (ScanError, PluginError) as exc:
        print(f"understudy: scan: {exc}", file=sys.stderr)
        return EXIT_ERROR
    counts = summary_counts(result)
    if args.write:
        for ch in changes:
            ch.path.parent.mkdir(parents=True, exist_ok=True)
            ch.path.write_text(ch.after)
    if args.json:
        print(json.dumps({
            "path": str(args.path),
            "tables": len(result.tables),
            "columns": [c.as_dict() for c in result.columns()],
            "counts": counts,
            "changes": [{"file": str(ch.path.relative_to(root)) if ch.path.is_relative_to(root) else str(ch.path),
                         "new_file": ch.before is None, "edits": ch.edits,
                         "diff": _diff(ch, root)} for ch in changes],
            "written": bool(args.write and changes),
            "warnings": result.warnings,
        }, indent=2, default=str))
    else:
        # With --diff the diff alone goes to stdout (`understudy scan ... --diff | git apply`).
        out = sys.stderr if args.diff else sys.stdout
        print_table(result, show_all=args.all, stream=out)
        for w in result.warnings:
            print(f"warning: {w}", file=sys.stderr)
        if args.diff:
            for ch in changes:
                sys.stdout.write(_diff(ch, root))
        print(file=out)
        print(f"{len(result.tables)} tables, {sum(len(t.columns) for t in result.tables)} columns: "
              f"{counts['new']} new, {counts['declared']} agree with their tag, {counts['differs']} differ, "
              f"{counts['possible_leak']} tagged to be copied but look personal", file=out)
        for ch in changes:
            verb = "wrote" if args.write else "would write"
            print(f"  {verb} {ch.path.relative_to(root) if ch.path.is_relative_to(root) else ch.path}: "
                  f"{'; '.join(ch.edits)}", file=out)
        if changes and not args.write:
            print("Review with --diff; apply with --write, then run `understudy sync`.", file=out)
        elif changes:
            print("Review the change, then run `understudy sync` to generate the masked models.", file=out)
    return EXIT_PROPOSALS if (changes or counts["possible_leak"]) else EXIT_NOTHING_NEW


def _diff(ch: FileChange, root: Path) -> str:
    name = str(ch.path.relative_to(root)) if ch.path.is_relative_to(root) else str(ch.path)
    return "".join(difflib.unified_diff(
        (ch.before or "").splitlines(keepends=True), ch.after.splitlines(keepends=True),
        fromfile="/dev/null" if ch.before is None else f"a/{name}", tofile=f"b/{name}"))


# -- evaluation -------------------------------------------------------------------------------

class LabelError(ValueError):
    """The labels file is not usable; the message names the line."""


def read_labels(path: Path, classes: set[str] | None = None) -> dict[tuple[str, str, str], str]:
    """schema, table, column (lower case) -> class, from a CSV with those four columns."""
    labels: dict[tuple[str, str, str], str] = {}
    with path.open(newline="") as fh:
        lines = [(i, line) for i, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.reader(line for _, line in lines)
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != ["schema", "table", "column", "class"]:
        raise LabelError(f"{path}: the first line must be the header schema,table,column,class")
    for (number, _), row in zip(lines[1:], reader):
        if len(row) != 4 or not all(v.strip() for v in row):
            raise LabelError(f"{path}:{number}: expected 4 non-empty fields (schema,table,column,class), got {len(row)}")
        key = (row[0].strip().lower(), row[1].strip().lower(), row[2].strip().lower())
        cls = row[3].strip()
        if classes is not None and cls not in classes:
            raise LabelError(f"{path}:{number}: unknown class '{cls}' for {'.'.join(key)}")
        if key in labels:
            raise LabelError(f"{path}:{number}: {'.'.join(key)} is labelled twice")
        labels[key] = cls
    return labels


def evaluate(result: ScanResult, labels: dict[tuple[str, str, str], str]) -> dict[str, Any]:
    """Column-level precision and recall per class, for personal data overall (any class but
    public), and for the exact class over every column that is not public."""
    pairs = []
    unlabelled = []
    for c in result.columns():
        key = (c.profile.schema.lower(), c.profile.table.lower(), c.profile.name.lower())
        if key not in labels:
            unlabelled.append(c.label)
            continue
        pairs.append((labels.pop(key), c.cls, c.label))
    scanned = {t.context.schema.lower() for t in result.tables}
    missing = [".".join(k) for k in labels if k[0] in scanned]
    classes = sorted({t for t, _, _ in pairs} | {p for _, p, _ in pairs})
    per_class = {}
    for cls in classes:
        tp = sum(1 for t, p, _ in pairs if t == cls and p == cls)
        fp = sum(1 for t, p, _ in pairs if t != cls and p == cls)
        fn = sum(1 for t, p, _ in pairs if t == cls and p != cls)
        per_class[cls] = {"support": tp + fn, "predicted": tp + fp,
                          "precision": tp / (tp + fp) if tp + fp else None,
                          "recall": tp / (tp + fn) if tp + fn else None}
    det_tp = sum(1 for t, p, _ in pairs if t != "public" and p != "public")
    det_fp = sum(1 for t, p, _ in pairs if t == "public" and p != "public")
    det_fn = sum(1 for t, p, _ in pairs if t != "public" and p == "public")
    cls_tp = sum(1 for t, p, _ in pairs if t != "public" and p == t)
    cls_pred = sum(1 for _, p, _ in pairs if p != "public")
    cls_true = sum(1 for t, _, _ in pairs if t != "public")
    return {
        "columns": len(pairs),
        "personal_data": {"precision": det_tp / (det_tp + det_fp) if det_tp + det_fp else None,
                          "recall": det_tp / (det_tp + det_fn) if det_tp + det_fn else None,
                          "missed": [lab for t, p, lab in pairs if t != "public" and p == "public"],
                          "false_alarms": [lab for t, p, lab in pairs if t == "public" and p != "public"]},
        "exact_class": {"precision": cls_tp / cls_pred if cls_pred else None,
                        "recall": cls_tp / cls_true if cls_true else None,
                        "wrong": [f"{lab}: labelled {t}, scanned {p}" for t, p, lab in pairs if t != p]},
        "per_class": per_class,
        "unlabelled": unlabelled,
        "labelled_but_not_found": missing,
    }


def _num(x: float | None) -> str:
    return "   -" if x is None else f"{x:.3f}"


def print_evaluation(report: dict[str, Any], stream: Any = None) -> None:
    stream = stream or sys.stdout
    print(f"{report['columns']} labelled columns", file=stream)
    print(f"{'class':<18}{'labelled':>9}{'scanned':>9}{'precision':>11}{'recall':>8}", file=stream)
    for cls, m in report["per_class"].items():
        print(f"{cls:<18}{m['support']:>9}{m['predicted']:>9}{_num(m['precision']):>11}{_num(m['recall']):>8}", file=stream)
    pd, ex = report["personal_data"], report["exact_class"]
    print(f"{'personal data (any class but public)':<40} precision {_num(pd['precision'])}  recall {_num(pd['recall'])}", file=stream)
    print(f"{'exact class (columns not public)':<40} precision {_num(ex['precision'])}  recall {_num(ex['recall'])}", file=stream)
    for lab in pd["missed"]:
        print(f"  missed (scanned public): {lab}", file=stream)
    for lab in pd["false_alarms"]:
        print(f"  false alarm (labelled public): {lab}", file=stream)
    for w in ex["wrong"]:
        print(f"  wrong class: {w}", file=stream)
    for lab in report["unlabelled"]:
        print(f"  no label: {lab}", file=stream)
    for lab in report["labelled_but_not_found"]:
        print(f"  label for a column the scan did not see: {lab}", file=stream)


def cmd_scan_eval(args: Any) -> int:
    root: Path = args.root
    try:
        scanner = make_scanner(root, args.classifier or [], sample_rows=args.sample,
                               progress=None if args.json else progress_printer())
        labels = read_labels(args.labels, set(scanner.catalog["classes"]))
        result = scanner.scan(args.path, schemas=args.schema or None)
    except (ScanError, PluginError, OSError, LabelError) as exc:
        print(f"understudy: scan-eval: {exc}", file=sys.stderr)
        return EXIT_ERROR
    report = evaluate(result, labels)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_evaluation(report)
    ok = True
    for name, floor in (("precision", args.min_precision), ("recall", args.min_recall)):
        got = report["personal_data"][name]
        if floor is not None and (got is None or got < floor):
            print(f"understudy: scan-eval: personal-data {name} {_num(got)} is below {floor}", file=sys.stderr)
            ok = False
    if report["unlabelled"] or report["labelled_but_not_found"]:
        print("understudy: scan-eval: the labels do not cover exactly the scanned columns", file=sys.stderr)
        ok = False
    return EXIT_NOTHING_NEW if ok else EXIT_PROPOSALS
