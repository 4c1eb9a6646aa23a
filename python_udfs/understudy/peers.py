"""The benchmark's peers: what a team would use instead of Understudy, on the same table.

Run in their own virtualenv (``.venv-peers``, from requirements-peers.lock), one process each:

    python peers.py rowwise PROD_DB ROWS     pandas + Faker, once per row and column
    python peers.py presidio PROD_DB ROWS    Presidio's structured anonymizer (pandas)

Each masks the same eight columns of ``bench.customers`` (email, first and last name, phone,
SSN, birth date, street address, city) on the first ROWS rows and prints one JSON line with
the rows, the seconds and the rows per second. Only this file's own imports are needed.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from typing import Any

COLUMNS = ["email", "first_name", "last_name", "phone", "ssn", "birth_date", "street_address", "city"]


def _load(path: str, rows: int) -> Any:
    import duckdb

    con = duckdb.connect(path, read_only=True)
    df = con.execute(f"SELECT * FROM bench.customers LIMIT {int(rows)}").df()
    con.close()
    return df


def rowwise(path: str, rows: int) -> dict[str, Any]:
    """Faker once per value, seeded from the value so that equal inputs get equal fakes
    (the usual way to make Faker deterministic per value)."""
    from faker import Faker

    df = _load(path, rows)
    fake = Faker()
    kinds = {"email": "email", "first_name": "first_name", "last_name": "last_name", "phone": "phone_number",
             "ssn": "ssn", "birth_date": "date_of_birth", "street_address": "street_address", "city": "city"}

    def seeded(value: Any, kind: str) -> Any:
        if value is None or value != value:  # None or NaN
            return value
        fake.seed_instance(int.from_bytes(hashlib.sha256(f"{kind}:{value}".encode()).digest()[:8], "big"))
        return getattr(fake, kind)()

    start = time.perf_counter()
    for col, kind in kinds.items():
        df[col] = df[col].map(lambda v, k=kind: seeded(v, k))
    return _result(len(df), time.perf_counter() - start)


def presidio(path: str, rows: int) -> dict[str, Any]:
    """Presidio's StructuredEngine with an explicit column-to-entity mapping (no NLP model
    needed) and its salted SHA-256 hash operator on every column: the cheapest of its
    operators, so this is Presidio's per-value engine cost, not the cost of realistic fakes."""
    from presidio_anonymizer.entities import OperatorConfig
    from presidio_structured import StructuredAnalysis, StructuredEngine
    from presidio_structured.data import PandasDataProcessor

    df = _load(path, rows)
    for col in COLUMNS:
        df[col] = df[col].map(lambda v: "" if v is None or v != v else str(v))
    entities = {col: f"PII_{col.upper()}" for col in COLUMNS}
    salt = "understudy-bench-salt-0123456789"
    operators = {e: OperatorConfig("hash", {"hash_type": "sha256", "salt": salt}) for e in entities.values()}
    engine = StructuredEngine(data_processor=PandasDataProcessor())
    start = time.perf_counter()
    engine.anonymize(df, StructuredAnalysis(entity_mapping=entities), operators=operators)
    return _result(len(df), time.perf_counter() - start)


def _result(rows: int, seconds: float) -> dict[str, Any]:
    return {"rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds, 1) if seconds else 0.0}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("rowwise", "presidio"):
        print(__doc__, file=sys.stderr)
        return 2
    fn = rowwise if argv[0] == "rowwise" else presidio
    print(json.dumps(fn(argv[1], int(argv[2]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
