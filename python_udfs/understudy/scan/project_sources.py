"""What the project already declares: the sources YAML files and the tags humans set.

The scan compares what it finds with these tags. It never edits a tag; it only adds what is
missing (see proposal_yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class DeclaredSource:
    name: str
    schema: str
    file: Path
    # production table name (the `identifier`, else the name) -> column -> tag (None when the
    # column is declared without an understudy tag)
    tables: dict[str, dict[str, dict[str, Any] | None]] = field(default_factory=dict)
    # production table name -> dbt table name
    dbt_names: dict[str, str] = field(default_factory=dict)


def _tag(node: dict[str, Any]) -> dict[str, Any] | None:
    config = node.get("config") or {}
    meta = config.get("meta") or node.get("meta") or {}
    tag = meta.get("understudy")
    return tag if isinstance(tag, dict) else None


def declared_sources(models_dir: Path) -> dict[str, DeclaredSource]:
    """Declared sources by production schema (lower case)."""
    out: dict[str, DeclaredSource] = {}
    for file in sorted(models_dir.rglob("*.yml")):
        try:
            doc = yaml.safe_load(file.read_text())
        except yaml.YAMLError:
            continue
        if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
            continue
        for source in doc["sources"]:
            schema = str(source.get("schema") or source["name"])
            declared = DeclaredSource(source["name"], schema, file)
            for table in source.get("tables") or []:
                cols = {c["name"]: _tag(c) for c in table.get("columns") or []}
                live_name = str(table.get("identifier") or table["name"])
                declared.tables[live_name] = cols
                declared.dbt_names[live_name] = table["name"]
            out[schema.lower()] = declared
    return out
