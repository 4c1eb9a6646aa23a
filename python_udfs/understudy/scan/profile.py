"""Reading a database for the scanner: catalog, keys, counts and a bounded sample per table.

Everything heavy runs in DuckDB: counts and distinct counts are aggregates over the whole table,
the sample is a reservoir sample of a fixed number of rows, and foreign keys are checked with an
anti-join. Python only ever holds the sample, so memory stays bounded whatever the table's size.

`Database` opens a DuckDB file read-only, or a folder of CSV / Parquet files (one table per
file; a folder of folders gives one schema per sub-folder).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .types import ColumnProfile, TableContext, shape

SAMPLE_ROWS = 5_000
SPARSE_SAMPLE = 1_000
EXACT_DISTINCT_MAX_ROWS = 2_000_000
_FILE_READERS = {
    ".csv": "read_csv", ".tsv": "read_csv", ".txt": "read_csv", ".parquet": "read_parquet",
    ".pq": "read_parquet",
}
_CATALOG = "src"


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class ScanError(RuntimeError):
    """The database cannot be read as asked; the message says what and where."""


_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")


def engine_error(exc: BaseException) -> str:
    """DuckDB's message with every quoted literal and every echoed input line removed: errors
    such as "Could not convert string 'ana@example.test'" or a CSV reader's "Original Line:"
    would otherwise print production values."""
    text = str(exc).split("\n")[0]
    for marker in ("Original Line", "LINE "):
        text = text.split(marker)[0]
    return _QUOTED.sub("'…'", text).strip()


@dataclass
class TableRef:
    schema: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass
class Keys:
    """Declared keys of one table."""

    primary_key: list[str] = field(default_factory=list)
    unique: list[list[str]] = field(default_factory=list)
    # column -> (schema, table, column) it references
    foreign: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    composite_foreign: list[tuple[list[str], str, list[str]]] = field(default_factory=list)


def _schema_name(text: str) -> str:
    from .names import fold

    name = re.sub(r"[^0-9A-Za-z_]+", "_", fold(text)).strip("_").lower()
    return name or "files"


def _check_csv_header(file: Path, columns: list[str]) -> None:
    """The reader must have taken the file's first line as the header: with ragged rows it can
    guess another layout and turn a data row into column names."""
    import csv

    try:
        with file.open(newline="", encoding="utf-8", errors="replace") as fh:
            first = next(csv.reader(fh), [])
    except OSError as exc:
        raise ScanError(f"{file}: cannot be read: {exc.strerror}") from None
    if [c.strip() for c in first] != [c.strip() for c in columns]:
        raise ScanError(
            f"{file}: the CSV reader could not find one consistent layout (its first line has "
            f"{len(first)} fields, the layout it guessed has {len(columns)} columns); rows with "
            "different numbers of fields? Fix the file, or load it into DuckDB yourself")


class Database:
    """A read-only view of what is to be scanned."""

    def __init__(self, path: Path, *, memory_limit: str = "1GB", threads: int | None = None) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ScanError(f"{self.path} does not exist")
        import tempfile

        self.con = duckdb.connect(":memory:")
        self.con.execute(f"SET memory_limit = {literal(memory_limit)}")
        # Spill files go to the system's temporary folder, never into the current directory.
        self._spill = tempfile.mkdtemp(prefix="understudy-scan-")
        self.con.execute(f"SET temp_directory = {literal(self._spill)}")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        if self.path.is_dir():
            self.catalog = "memory"
            self._register_files()
        else:
            self.catalog = _CATALOG
            try:
                self.con.execute(f"ATTACH {literal(str(self.path))} AS {_CATALOG} (READ_ONLY)")
            except duckdb.Error as exc:
                raise ScanError(f"cannot open {self.path} as a DuckDB database read-only: {engine_error(exc)}") from None

    def close(self) -> None:
        import shutil

        self.con.close()
        shutil.rmtree(self._spill, ignore_errors=True)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _register_files(self) -> None:
        groups: dict[str, list[Path]] = {}
        for file in sorted(self.path.rglob("*")):
            reader = _FILE_READERS.get(file.suffix.lower())
            if reader is None or not file.is_file():
                continue
            relative = file.parent.relative_to(self.path)
            schema = _schema_name(relative.parts[0] if relative.parts else self.path.name)
            groups.setdefault(schema, []).append(file)
        if not groups:
            raise ScanError(f"{self.path} holds no CSV or Parquet files")
        for schema, files in groups.items():
            self.con.execute(f"CREATE SCHEMA IF NOT EXISTS {quote(schema)}")
            seen: set[str] = set()
            for file in files:
                table = re.sub(r"\.(csv|tsv|txt|parquet|pq)$", "", file.name, flags=re.I)
                if table.lower() in seen:
                    raise ScanError(f"{file}: two files in {file.parent} give the table name '{table}'")
                seen.add(table.lower())
                reader = _FILE_READERS[file.suffix.lower()]
                options = ", header = true" if reader == "read_csv" else ""
                try:
                    self.con.execute(
                        f"CREATE VIEW {quote(schema)}.{quote(table)} AS "
                        f"SELECT * FROM {reader}({literal(str(file))}{options})"
                    )
                    got = [r[0] for r in self.con.execute(
                        f"DESCRIBE {quote(schema)}.{quote(table)}").fetchall()]
                except duckdb.Error as exc:
                    raise ScanError(f"{file}: cannot be read: {engine_error(exc)}") from None
                if reader == "read_csv":
                    _check_csv_header(file, got)

    def relation(self, table: TableRef) -> str:
        return f"{quote(self.catalog)}.{quote(table.schema)}.{quote(table.name)}"

    def tables(self, schemas: list[str] | None = None, only: list[str] | None = None) -> list[TableRef]:
        rows = self.con.execute(
            """
            SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? AND NOT internal
            UNION ALL
            SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal
            ORDER BY 1, 2
            """,
            [self.catalog, self.catalog],
        ).fetchall()
        refs = [TableRef(s, t) for s, t in rows]
        if schemas:
            wanted = {s.lower() for s in schemas}
            missing = wanted - {r.schema.lower() for r in refs}
            if missing:
                raise ScanError(f"{self.path}: no schema {', '.join(sorted(missing))} "
                                f"(it has: {', '.join(sorted({r.schema for r in refs})) or 'none'})")
            refs = [r for r in refs if r.schema.lower() in wanted]
        if only:
            wanted_t = {t.lower() for t in only}
            refs = [r for r in refs if r.name.lower() in wanted_t or r.label.lower() in wanted_t]
            if not refs:
                raise ScanError(f"{self.path}: none of the tables {', '.join(only)} exists")
        return refs

    def columns(self, table: TableRef) -> list[tuple[str, str]]:
        """Names and types; an ENUM's type is reported as `ENUM`: its labels are values."""
        rows = self.con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = ? AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [self.catalog, table.schema, table.name],
        ).fetchall()
        return [(name, "ENUM" if dtype.upper().startswith("ENUM") else dtype) for name, dtype in rows]

    def keys(self, table: TableRef) -> Keys:
        keys = Keys()
        rows = self.con.execute(
            "SELECT constraint_type, constraint_column_names, referenced_table, referenced_column_names "
            "FROM duckdb_constraints() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
            [self.catalog, table.schema, table.name],
        ).fetchall()
        for kind, cols, ref_table, ref_cols in rows:
            if kind == "PRIMARY KEY":
                keys.primary_key = list(cols)
            elif kind == "UNIQUE":
                keys.unique.append(list(cols))
            elif kind == "FOREIGN KEY":
                if len(cols) == 1:
                    keys.foreign[cols[0]] = (table.schema, ref_table, ref_cols[0])
                else:
                    keys.composite_foreign.append((list(cols), ref_table, list(ref_cols)))
        return keys

    def profile(self, table: TableRef, sample_rows: int = SAMPLE_ROWS) -> TableContext:
        """Counts over the whole table and a bounded sample of every column."""
        cols = self.columns(table)
        rel = self.relation(table)
        if not cols:
            return TableContext(table.schema, table.name, 0, [])
        aggregates = ["count(*)"]
        for name, _ in cols:
            q = quote(name)
            aggregates += [f"count({q})", f"approx_count_distinct({q})"]
        try:
            stats = self.con.execute(f"SELECT {', '.join(aggregates)} FROM {rel}").fetchone()
        except duckdb.Error as exc:
            raise ScanError(f"{table.label}: cannot be read: {engine_error(exc)}") from None
        assert stats is not None
        rows = int(stats[0])
        non_null = {name: int(stats[1 + 2 * i]) for i, (name, _) in enumerate(cols)}
        approx = {name: int(stats[2 + 2 * i]) for i, (name, _) in enumerate(cols)}
        # Exact distinct counts where uniqueness is plausible (a key, or HLL says near-unique).
        exact: dict[str, int] = {}
        candidates = [n for n, _ in cols if non_null[n] > 1 and approx[n] >= 0.9 * non_null[n]]
        if candidates:
            parts = ", ".join(f"count(DISTINCT {quote(n)})" for n in candidates)
            try:
                got = self.con.execute(f"SELECT {parts} FROM {rel}").fetchone()
            except duckdb.Error as exc:
                raise ScanError(f"{table.label}: cannot be read: {engine_error(exc)}") from None
            assert got is not None
            exact = dict(zip(candidates, (int(v) for v in got)))
        try:
            samples = self._sample(rel, cols, rows, non_null, sample_rows)
        except duckdb.Error as exc:
            raise ScanError(f"{table.label}: cannot be read: {engine_error(exc)}") from None
        profiles = []
        for i, (name, dtype) in enumerate(cols, start=1):
            distinct = exact.get(name, min(approx[name], non_null[name]))
            values = samples[name]
            profiles.append(ColumnProfile(
                schema=table.schema, table=table.name, name=name, data_type=dtype, position=i,
                rows=rows, nulls=rows - non_null[name], distinct=distinct,
                unique=name in exact and exact[name] == non_null[name] and non_null[name] > 1,
                sample=values,
                shapes=Counter(shape(v) for v in values).most_common(5),
            ))
        return TableContext(table.schema, table.name, rows, profiles)

    def _sample(self, rel: str, cols: list[tuple[str, str]], rows: int, non_null: dict[str, int],
                sample_rows: int) -> dict[str, list[str]]:
        casts = ", ".join(f"CAST({quote(n)} AS VARCHAR)" for n, _ in cols)
        if rows <= sample_rows:
            query = f"SELECT {casts} FROM {rel}"
        else:
            query = f"SELECT {casts} FROM {rel} USING SAMPLE reservoir({sample_rows} ROWS) REPEATABLE (7)"
        data = self.con.execute(query).fetchall()
        out: dict[str, list[str]] = {n: [] for n, _ in cols}
        for row in data:
            for (name, _), value in zip(cols, row):
                if value is not None:
                    out[name].append(value)
        # A mostly-NULL column gets its own sample of non-NULL values.
        for name, _ in cols:
            if len(out[name]) < 100 and non_null[name] > len(out[name]):
                q = quote(name)
                more = self.con.execute(
                    f"SELECT v FROM (SELECT CAST({q} AS VARCHAR) AS v FROM {rel} WHERE {q} IS NOT NULL) "
                    f"USING SAMPLE reservoir({SPARSE_SAMPLE} ROWS) REPEATABLE (7)"
                ).fetchall()
                out[name] = [v for (v,) in more]
        return out

    def unique_together(self, table: TableRef, columns: list[str]) -> bool:
        cols = ", ".join(quote(c) for c in columns)
        row = self.con.execute(
            f"SELECT count(*) = count(DISTINCT ({cols})) FROM {self.relation(table)}").fetchone()
        return bool(row and row[0])

    def tuples_within(self, child: TableRef, columns: list[str], parent: TableRef, parent_columns: list[str]) -> bool:
        """Every fully non-NULL tuple of child.columns is a tuple of parent.parent_columns."""
        c_cols = ", ".join(quote(c) for c in columns)
        match = " AND ".join(f"p.{quote(pc)} = c.{quote(cc)}" for cc, pc in zip(columns, parent_columns))
        not_null = " AND ".join(f"{quote(c)} IS NOT NULL" for c in columns)
        try:
            row = self.con.execute(
                f"SELECT count(*) FROM (SELECT DISTINCT {c_cols} FROM {self.relation(child)} WHERE {not_null}) c "
                f"WHERE NOT EXISTS (SELECT 1 FROM {self.relation(parent)} p WHERE {match})").fetchone()
        except duckdb.Error:
            return False
        return row is not None and row[0] == 0

    def values_within(self, child: TableRef, column: str, parent: TableRef, parent_column: str) -> bool:
        """Every non-NULL value of child.column is a value of parent.parent_column."""
        try:
            row = self.con.execute(
                f"SELECT count(*) FROM (SELECT DISTINCT {quote(column)} AS v FROM {self.relation(child)} "
                f"WHERE {quote(column)} IS NOT NULL) c "
                f"WHERE NOT EXISTS (SELECT 1 FROM {self.relation(parent)} p WHERE p.{quote(parent_column)} = c.v)"
            ).fetchone()
        except duckdb.Error:
            return False  # incomparable types: not a foreign key
        return row is not None and row[0] == 0
