"""Build the production stand-in database from the third-party sample data in ``data/``.

Understudy needs a "production" DuckDB database to mask. This module builds one from real, openly
licensed sample data sets (see ``data/<set>/ATTRIBUTION.md``), one schema per dbt source:

============== =============================================================================
schema         content
============== =============================================================================
jaffle_shop    dbt Labs' jaffle_shop seeds: customers, orders, payments
chinook        the Chinook music store (11 tables, keys and lengths of Chinook_PostgreSql.sql)
synthea        eight tables of a Synthea synthetic-patient export (original upper-case columns)
pg_anonymizer  the PostgreSQL Anonymizer how-to tables (customer, payout, company, ...)
neosync        Neosync test fixtures: transformers, composite keys, HR sample, odd identifiers
fault_cases    small invented tables, one per kind of masking fault
============== =============================================================================

Every schema is created by running the DuckDB DDL file(s) of its folder (which carry the primary,
unique and foreign keys, ``NOT NULL`` and declared lengths); CSV/TSV files are then read with
``read_csv`` using an explicit column list whose types are taken from the created table, so no type
is ever sniffed. DuckDB checks every key while the rows go in, so a build that succeeds is a build
whose declared constraints hold.
"""

from __future__ import annotations

import csv
import os
import pathlib
from dataclasses import dataclass

import duckdb

__all__ = ["DEFAULT_DATA_DIR", "SOURCES", "FileLoad", "SourceSpec", "build_prod"]

#: ``data/`` at the root of the repository (``python_udfs/understudy/../../data``).
DEFAULT_DATA_DIR: pathlib.Path = pathlib.Path(__file__).resolve().parent.parent.parent / "data"


@dataclass(frozen=True)
class FileLoad:
    """One delimited file to load into an existing table.

    Attributes:
        table: target table, created beforehand by the source's SQL files.
        file: file name inside the source's folder.
        delim: field delimiter.
        header: whether the first line is a header. A header must name the table's columns in
            table order (compared case-insensitively, ignoring underscores, so ``SupportRepId``
            matches ``support_rep_id``).
        nullstr: the text that stands for NULL (an empty unquoted field by default).
        quote: quote character; empty to read every character literally (JSON in a TSV).
        escape: escape character inside quotes; empty when ``quote`` is empty.
        self_reference: ``(column, referenced_column)`` of a foreign key from the table to itself.
            DuckDB checks such a key against the rows that were already in the table when the
            statement started, so these rows are inserted level by level (roots first).
    """

    table: str
    file: str
    delim: str = ","
    header: bool = True
    nullstr: str = ""
    quote: str = '"'
    escape: str = '"'
    self_reference: tuple[str, str] | None = None


@dataclass(frozen=True)
class SourceSpec:
    """How to build the schema of one dbt source.

    Attributes:
        name: source name, also the schema name and the folder name under ``data/``.
        sql_files: DuckDB SQL files run in order (DDL, and the data of sets shipped as INSERTs).
        loads: delimited files loaded after the SQL files, in an order that satisfies the foreign
            keys (referenced tables first).
    """

    name: str
    sql_files: tuple[str, ...]
    loads: tuple[FileLoad, ...] = ()


#: The sources of the production stand-in, in build order.
SOURCES: tuple[SourceSpec, ...] = (
    SourceSpec(
        name="jaffle_shop",
        sql_files=("schema.sql",),
        loads=(
            FileLoad("customers", "raw_customers.csv"),
            FileLoad("orders", "raw_orders.csv"),
            FileLoad("payments", "raw_payments.csv"),
        ),
    ),
    SourceSpec(
        name="chinook",
        sql_files=("schema.sql",),
        loads=(
            FileLoad("artist", "Artist.csv"),
            FileLoad("album", "Album.csv"),
            FileLoad("employee", "Employee.csv", self_reference=("reports_to", "employee_id")),
            FileLoad("customer", "Customer.csv"),
            FileLoad("genre", "Genre.csv"),
            FileLoad("invoice", "Invoice.csv"),
            FileLoad("media_type", "MediaType.csv"),
            FileLoad("playlist", "Playlist.csv"),
            FileLoad("track", "Track.csv"),
            FileLoad("invoice_line", "InvoiceLine.csv"),
            FileLoad("playlist_track", "PlaylistTrack.csv"),
        ),
    ),
    SourceSpec(
        name="synthea",
        sql_files=("schema.sql",),
        loads=(
            FileLoad("patients", "patients.csv"),
            FileLoad("organizations", "organizations.csv"),
            FileLoad("providers", "providers.csv"),
            FileLoad("payers", "payers.csv"),
            FileLoad("encounters", "encounters.csv"),
            FileLoad("conditions", "conditions.csv"),
            FileLoad("payer_transitions", "payer_transitions.csv"),
            FileLoad("immunizations", "immunizations.csv"),
        ),
    ),
    SourceSpec(
        name="pg_anonymizer",
        sql_files=("schema.sql",),
        loads=(
            FileLoad(
                "website_comment",
                "website_comment.tsv",
                delim="\t",
                header=False,
                quote="",
                escape="",
            ),
            FileLoad("employee", "employee.tsv", delim="\t", header=False, nullstr="\\N"),
        ),
    ),
    SourceSpec(
        name="neosync",
        sql_files=(
            "transformers.sql",
            "composite_keys.sql",
            "humanresources.sql",
            "edgecases.sql",
        ),
    ),
    SourceSpec(name="fault_cases", sql_files=("schema.sql",)),
)


def _ident(name: str) -> str:
    """Quote an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    """Quote an SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _normalise(name: str) -> str:
    """Header/column name as compared by :class:`FileLoad`: lower case, no underscores."""
    return name.replace("_", "").lower()


def _table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str]]:
    """``(name, type)`` of the columns of ``schema.table`` in table order."""
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? "
        "ORDER BY column_index",
        [schema, table],
    ).fetchall()
    if not rows:
        raise ValueError(f"table {schema}.{table} does not exist: create it in the source's SQL files")
    return [(str(name), str(type_)) for name, type_ in rows]


def _check_header(file: pathlib.Path, load: FileLoad, columns: list[tuple[str, str]], table: str) -> None:
    """Fail unless the header of ``file`` names ``columns`` in order."""
    with file.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle, delimiter=load.delim), [])
    expected = [_normalise(name) for name, _ in columns]
    if [_normalise(name) for name in header] != expected:
        raise ValueError(
            f"{file}: header {header} does not match the columns of {table} {[n for n, _ in columns]}"
        )


def _read_csv_sql(file: pathlib.Path, load: FileLoad, columns: list[tuple[str, str]]) -> str:
    """A ``read_csv(...)`` call that reads ``file`` with exactly ``columns``."""
    column_struct = ", ".join(f"{_literal(name)}: {_literal(type_)}" for name, type_ in columns)
    return (
        f"read_csv({_literal(str(file))}, columns = {{{column_struct}}}, auto_detect = false, "
        f"header = {'true' if load.header else 'false'}, delim = {_literal(load.delim)}, "
        f"quote = {_literal(load.quote)}, escape = {_literal(load.escape)}, "
        f"nullstr = {_literal(load.nullstr)})"
    )


def _load_file(con: duckdb.DuckDBPyConnection, schema: str, folder: pathlib.Path, load: FileLoad) -> None:
    """Insert the rows of one delimited file into its (existing, empty) table."""
    file = folder / load.file
    table = f"{_ident(schema)}.{_ident(load.table)}"
    columns = _table_columns(con, schema, load.table)
    if load.header:
        _check_header(file, load, columns, f"{schema}.{load.table}")
    source = _read_csv_sql(file, load, columns)
    if load.self_reference is None:
        con.execute(f"INSERT INTO {table} SELECT * FROM {source}")
        return
    child, parent = (_ident(name) for name in load.self_reference)
    con.execute(f"CREATE OR REPLACE TEMP TABLE understudy_stage AS SELECT * FROM {source}")
    try:
        remaining = _count(con, "temp.understudy_stage")
        while remaining:
            con.execute(
                f"INSERT INTO {table} SELECT * FROM temp.understudy_stage s "
                f"WHERE s.{child} IS NULL OR s.{child} IN (SELECT {parent} FROM {table})"
            )
            con.execute(
                f"DELETE FROM temp.understudy_stage WHERE {parent} IN (SELECT {parent} FROM {table})"
            )
            left = _count(con, "temp.understudy_stage")
            if left == remaining:
                raise ValueError(
                    f"{file}: {left} rows of {schema}.{load.table} reference a missing "
                    f"{load.self_reference[1]} through {load.self_reference[0]}"
                )
            remaining = left
    finally:
        con.execute("DROP TABLE IF EXISTS temp.understudy_stage")


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """``count(*)`` of an already quoted table name."""
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _build_source(con: duckdb.DuckDBPyConnection, database: str, folder: pathlib.Path, spec: SourceSpec) -> None:
    """Create and fill the schema of one source."""
    con.execute(f"CREATE SCHEMA {_ident(spec.name)}")
    con.execute(f"USE {_ident(database)}.{_ident(spec.name)}")
    for sql_file in spec.sql_files:
        con.execute((folder / sql_file).read_text(encoding="utf-8"))
    for load in spec.loads:
        _load_file(con, spec.name, folder, load)


def _row_counts(con: duckdb.DuckDBPyConnection, sources: tuple[SourceSpec, ...]) -> dict[str, int]:
    """``{"schema.table": row_count}`` of every table of ``sources``."""
    counts: dict[str, int] = {}
    for spec in sources:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = ? ORDER BY table_name",
            [spec.name],
        ).fetchall()
        for (table,) in tables:
            counts[f"{spec.name}.{table}"] = _count(con, f"{_ident(spec.name)}.{_ident(str(table))}")
    return counts


def _remove(*paths: pathlib.Path) -> None:
    """Delete files that may not exist."""
    for path in paths:
        path.unlink(missing_ok=True)


def build_prod(path: pathlib.Path, data_dir: pathlib.Path | None = None) -> dict[str, int]:
    """(Re)create the production stand-in DuckDB database at ``path``.

    The database is built in ``<path>.tmp`` and moved over ``path`` with :func:`os.replace` only
    once it is complete, so ``path`` is never left half-built: it holds either the previous
    database or the new one. A stale ``<path>.wal`` is removed before the move so that it cannot
    be replayed onto the new file.

    Args:
        path: the DuckDB file to create; its parent directory is created if needed.
        data_dir: folder holding one sub-folder per source (``jaffle_shop``, ``chinook``,
            ``synthea``, ``pg_anonymizer``, ``neosync``, ``fault_cases``); defaults to
            the repository's ``data/``.

    Returns:
        The number of rows of every table, keyed ``"schema.table"`` (the schema is the source
        name), e.g. ``{"chinook.album": 347, ...}``.

    Raises:
        ValueError: a file's header does not match its table, or rows reference missing parents.
        duckdb.Error: a file cannot be parsed into the declared types or violates a constraint.
    """
    path = pathlib.Path(path)
    folder = pathlib.Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp_wal = tmp.with_name(tmp.name + ".wal")
    _remove(tmp, tmp_wal)
    try:
        con = duckdb.connect(str(tmp))
        try:
            row = con.execute("SELECT current_database()").fetchone()
            database = str(row[0]) if row else ""
            for spec in SOURCES:
                _build_source(con, database, folder / spec.name, spec)
            counts = _row_counts(con, SOURCES)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        _remove(path.with_name(path.name + ".wal"))
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp, tmp_wal)
        raise
    return counts
