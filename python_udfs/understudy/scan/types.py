"""The records the scanner passes between its parts.

A `ColumnProfile` is what the scanner knows about one column: its type, counts over the whole
table (computed in SQL), and a bounded sample of its values. Classifiers (the built-in rules and
any plug-in) read profiles and answer with `Finding`s; the scanner combines the findings into
one `Proposal` per column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass
class ColumnProfile:
    schema: str
    table: str
    name: str
    data_type: str                 # DuckDB type as the catalog prints it: VARCHAR, BIGINT, DECIMAL(10,2)
    position: int                  # 1-based ordinal in the table
    rows: int                      # rows in the table
    nulls: int                     # NULLs in the column (whole table)
    distinct: int                  # distinct non-NULL values (whole table; approximate above 100k rows)
    unique: bool                   # no two non-NULL rows share a value (exact)
    sample: list[str] = field(default_factory=list)        # non-NULL values as text, at most the sample size
    shapes: list[tuple[str, int]] = field(default_factory=list)  # most common value shapes and their counts in the sample
    primary_key: bool = False      # part of the table's declared or inferred primary key
    key_inferred: bool = False     # that key is inferred (unique, never NULL), not declared
    references: str | None = None  # "schema.table.column" this column is a (declared or inferred) FK to
    referenced_by: list[str] = field(default_factory=list)  # "schema.table.column" of FKs pointing here
    fk_group: str | None = None    # name shared by the columns of one composite foreign key

    @property
    def label(self) -> str:
        return f"{self.schema}.{self.table}.{self.name}"


@dataclass(frozen=True)
class ValueHit:
    """How many sampled values one validator accepted."""

    cls: str      # catalog class the validator points to (email, phone, national_id, ...)
    kind: str     # the validator: email, us_ssn, fr_nir, card, iban, ipv4, uuid, first_name, ...
    matched: int  # sampled non-empty values it accepted
    total: int    # sampled non-empty values it looked at
    detail: str   # evidence for a human: "4,812 of 5,000 sampled values are emails"

    @property
    def fraction(self) -> float:
        return self.matched / self.total if self.total else 0.0


@dataclass(frozen=True)
class Finding:
    """One classifier's opinion of one column."""

    cls: str
    confidence: float   # 0..1
    evidence: str
    source: str         # "rules", or the plug-in's name


@dataclass
class TableContext:
    """The table around a column: classifiers may look at its neighbours."""

    schema: str
    table: str
    rows: int
    columns: list[ColumnProfile]
    primary_key: list[str] = field(default_factory=list)


@runtime_checkable
class Classifier(Protocol):
    """A detector a team can add without editing the core (see understudy.scan.plugins).

    `classify` returns a Finding, or None when it has no opinion. `unsure_only` plug-ins are
    asked only about columns the rules could not classify with confidence.
    """

    name: str
    unsure_only: bool

    def classify(self, column: ColumnProfile, table: TableContext) -> Finding | None: ...


def shape(value: str, limit: int = 40) -> str:
    """The shape of a value, with no content: letters become X/x, digits 9, the rest is kept.

    `shape("Ana Lima") == "Xxx Xxxx"`, `shape("900-55-0001") == "999-99-9999"`.
    """
    out = []
    for ch in value[:limit]:
        if ch.isdigit():
            out.append("9")
        elif ch.isalpha():
            out.append("X" if ch.isupper() else "x")
        else:
            out.append(ch)
    if len(value) > limit:
        out.append("…")
    return "".join(out)
