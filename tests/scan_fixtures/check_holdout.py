"""Check the hold-out database against its labels.

Builds the database (twice, to confirm the build is deterministic), then checks that every
label names a real column, that every column has exactly one label with a known class, and that
the values with check digits are valid. Exits non-zero on any problem.

Usage:
    python tests/scan_fixtures/check_holdout.py [/tmp/holdout.duckdb]
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_holdout import (  # noqa: E402
    build_holdout,
    dni_valid,
    iban_valid,
    luhn_valid,
    nir_valid,
    steuer_id_valid,
)

LABELS = HERE / "holdout_labels.csv"

CLASSES = {
    "public", "quasi_identifier", "identifier", "natural_key", "email", "first_name",
    "last_name", "full_name", "username", "phone", "street_address", "city", "postcode",
    "national_id", "card_number", "bank_account", "device_id", "company", "ip_address",
    "date_of_birth", "event_date", "geo_coordinate", "money", "free_text", "json",
}


def read_labels(path: Path = LABELS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


def fingerprint(path: Path) -> str:
    """Hash of every table's content, in a fixed order."""
    digest = hashlib.sha256()
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables ORDER BY 1, 2"
        ).fetchall()
        for schema, table in tables:
            rows = con.execute(f'SELECT * FROM {schema}."{table}"').fetchall()
            digest.update(f"{schema}.{table}:{rows!r}".encode())
    finally:
        con.close()
    return digest.hexdigest()


def check(path: Path) -> list[str]:
    problems: list[str] = []
    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = con.execute(
            """SELECT table_schema, table_name, column_name, data_type
               FROM information_schema.columns ORDER BY table_schema, table_name, ordinal_position"""
        ).fetchall()
        actual = {(s, t, c): dtype for s, t, c, dtype in columns}
        labels = read_labels()
        seen = Counter((r["schema"], r["table"], r["column"]) for r in labels)
        for key, n in seen.items():
            if n > 1:
                problems.append(f"label given {n} times: {key}")
        for r in labels:
            key = (r["schema"], r["table"], r["column"])
            if key not in actual:
                problems.append(f"label for a column that does not exist: {key}")
            if r["class"] not in CLASSES:
                problems.append(f"unknown class {r['class']!r} for {key}")
        for key in actual:
            if key not in seen:
                problems.append(f"column without a label: {key}")

        def values(sql: str) -> list:
            return [v for (v,) in con.execute(sql).fetchall() if v is not None]

        validators = [
            ('SELECT numero_securite_sociale FROM rh.salaries', nir_valid, "NIR"),
            ('SELECT iban FROM rh.salaries', iban_valid, "IBAN"),
            ('SELECT "Steuer_ID" FROM crm."Kunden"', steuer_id_valid, "Steuer-ID"),
            ('SELECT dni FROM clinica.pacientes', dni_valid, "DNI"),
            ('SELECT replace("cardNumber", \' \', \'\') FROM app.payments', luhn_valid, "card"),
            ('SELECT CAST("cardNo" AS VARCHAR) FROM app.billing_profiles', luhn_valid, "card (BIGINT)"),
            ('SELECT "deviceImei" FROM app.sessions', luhn_valid, "IMEI"),
        ]
        for sql, ok, what in validators:
            bad = [v for v in values(sql) if not ok(v)]
            if bad:
                problems.append(f"{len(bad)} invalid {what} values, e.g. {bad[:3]}")

        malformed = 0
        for doc in values("SELECT payload FROM app.events"):
            try:
                json.loads(doc)
            except ValueError:
                malformed += 1
        if malformed != 1:
            problems.append(f"expected exactly one malformed JSON payload, found {malformed}")

        tables = con.execute(
            "SELECT count(*) FROM information_schema.tables"
        ).fetchone()[0]
        declared = con.execute(
            """SELECT count(DISTINCT schema_name || '.' || table_name) FROM duckdb_constraints()
               WHERE constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')"""
        ).fetchone()[0]
        print(f"{tables} tables, {len(actual)} columns, {len(labels)} labels, "
              f"{declared} tables with declared keys")
        print("classes:", dict(sorted(Counter(r["class"] for r in labels).items())))
    finally:
        con.close()
    return problems


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/holdout.duckdb")
    build_holdout(path)
    with tempfile.TemporaryDirectory() as tmp:
        again = Path(tmp) / "again.duckdb"
        build_holdout(again)
        deterministic = fingerprint(path) == fingerprint(again)
    problems = check(path)
    if not deterministic:
        problems.append("two builds with the same seed differ")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
