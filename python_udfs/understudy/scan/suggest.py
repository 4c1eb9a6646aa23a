"""Suggested tags for the drift guard: what the scan would propose for one table's columns.

The build's drift guard (macro `understudy_check_catalog`, run before any masked model) calls
this through the SQL function `us_scan_suggest` when production has a table or column the
sources YAML does not declare, so that the failure says what to add.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..project import project_root
from .scanner import Scanner


def describe(tag: dict, method: str, confidence: float, evidence: list[str]) -> str:
    inner = ", ".join(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in tag.items())
    why = "; ".join(evidence) or "no evidence"
    return f"understudy: {{{inner}}} (method {method}, confidence {confidence:.2f}: {why})"


@lru_cache(maxsize=64)
def suggest_table(prod_path: str, schema: str, table: str, source: str) -> dict[str, str]:
    """column -> suggested tag, as one line a human can paste after review."""
    scanner = Scanner(project_root(), sample_rows=2_000)
    result = scanner.scan(Path(prod_path), schemas=[schema], tables=[table],
                          source_names={schema: source})
    out = {}
    for col in result.columns():
        if col.profile.table == table:
            out[col.profile.name] = describe(col.tag, col.method, col.confidence, col.evidence)
    return out


def suggest_json(prod_path: str, schema: str, table: str, source: str, columns: str) -> str:
    """JSON object column -> suggestion for the named columns (comma-separated; '*' for all).

    Never raises: a failed scan turns into a message in place of the suggestion, so that the
    drift failure still names what is undeclared."""
    try:
        found = suggest_table(prod_path, schema, table, source)
    except Exception as exc:  # noqa: BLE001 - the drift error must still be raised by the caller
        from .profile import ScanError, engine_error

        why = str(exc) if isinstance(exc, ScanError) else engine_error(exc)
        if columns == "*":
            return json.dumps({"*": f"(no suggestion: the scan of {schema}.{table} failed: {why})"})
        return json.dumps({c: f"(no suggestion: the scan of {schema}.{table} failed: {why})"
                           for c in columns.split(",") if c})
    wanted = list(found) if columns == "*" else [c for c in columns.split(",") if c]
    return json.dumps({c: found.get(c, "(no suggestion)") for c in wanted})
