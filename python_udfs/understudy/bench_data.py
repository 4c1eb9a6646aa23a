"""A production-like database of any size, for benchmarks.

``build_bench(path, rows)`` writes one schema, ``bench``, shaped like the demo sources: people
with contact details (the biggest table, ``rows`` rows, with the most sensitive columns),
their orders and order lines (a composite primary key), refunds that reference an order line
by that composite key, employees who report to other employees (a self foreign key),
customers who were referred by other customers (another one), free text and JSON.

Everything is generated in DuckDB SQL from the row number and a seed, with integer mixing
only (no random state, no Faker per row), so the same ``(rows, seed)`` gives the same
database on any machine and thread count, at millions of rows per second. Words come from the
same pools the fakes use (Faker's word lists), passed in as list parameters.

The database declares no constraints: its keys and foreign keys hold by construction and are
declared in ``models/masked/bench/_bench__sources.yml``, where the masking tests check them.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from . import fakes

SCHEMA = "bench"

# Rows of each table, as a fraction of ``rows`` (customers). Small tables have floors.
TABLES = ("customers", "orders", "order_lines", "products", "refunds", "employees")

_COUNTRIES = ["US", "GB", "DE", "FR", "ES", "CA", "BR", "IN", "JP", "AU"]
_STATUSES = ["placed", "shipped", "delivered", "returned", "cancelled"]
_EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
                  "gmx.de", "orange.fr", "telefonica.es", "company.co.uk"]
_NOTES = [
    "Prefers delivery after 5pm.",
    "Called about a late parcel.",
    "Asked to be removed from the newsletter.",
    "VIP: escalate complaints to the account manager.",
    "Moved house recently.",
]
_REASONS = ["damaged", "wrong size", "late delivery", "changed mind", "not as described"]


def _sizes(rows: int) -> dict[str, int]:
    return {
        "customers": rows,
        "orders": max(1, rows // 2),
        "products": 1000,
        "employees": max(50, rows // 1000),
    }


# m(x, k): a deterministic integer in [0, 2^31 - 1) from x and the stream constant k: a
# multiplicative step modulo the Mersenne prime 2^31 - 1, the stream mixed in by xor, then
# three rounds of xor-shift and multiply. Every product stays below 2^62 (no BIGINT overflow).
_MACROS = """
CREATE OR REPLACE TEMP MACRO r(z, c) AS (xor(z, z >> 11) * c) % 2147483647;
CREATE OR REPLACE TEMP MACRO m(x, k) AS
    r(r(r(xor((x + 1) % 2147483647 * 1103515245 % 2147483647, (k * 2654435 + 7) % 2147483647), 48271), 16807), 69621);
CREATE OR REPLACE TEMP MACRO pick(pool, x, k) AS pool[1 + m(x, k) % len(pool)];
CREATE OR REPLACE TEMP MACRO digits(x, k, n) AS lpad((m(x, k) * 65536 + m(x, k + 101)) % (10 ** n)::BIGINT || '', n, '0');
"""


def _customers(n: int, seed: int) -> str:
    return f"""
    CREATE TABLE {SCHEMA}.customers AS
    WITH base AS (
        SELECT i + 1 AS customer_id,
               pick($first, i, {seed} + 1) AS first_name,
               pick($last, i, {seed} + 2) AS last_name,
               m(i, {seed} + 3) AS r
        FROM range({n}) t(i)
    )
    SELECT
        customer_id,
        lower(replace(strip_accents(first_name), ' ', '')) || '.' || lower(replace(strip_accents(last_name), ' ', ''))
            || customer_id || '@' || pick($domains, customer_id, {seed} + 4) AS email,
        first_name,
        last_name,
        CASE WHEN r % 20 = 0 THEN NULL
             ELSE '+1 (' || (200 + m(customer_id, {seed} + 5) % 800) || ') '
                  || digits(customer_id, {seed} + 6, 3) || '-' || digits(customer_id, {seed} + 7, 4) END AS phone,
        -- Unique by construction: 7919 is coprime with 10^9, so customer_id -> ssn is one to one.
        substr(s, 1, 3) || '-' || substr(s, 4, 2) || '-' || substr(s, 6, 4) AS ssn,
        DATE '1940-01-01' + CAST(m(customer_id, {seed} + 8) % 25000 AS INTEGER) AS birth_date,
        (1 + m(customer_id, {seed} + 9) % 9899) || ' ' || pick($last, customer_id, {seed} + 10) || ' '
            || pick($street_suffix, customer_id, {seed} + 11) AS street_address,
        pick($last, customer_id, {seed} + 12) || pick($city_suffix, customer_id, {seed} + 13) AS city,
        digits(customer_id, {seed} + 14, 5) AS postcode,
        pick($countries, customer_id, {seed} + 15) AS country,
        CASE WHEN customer_id > 1 AND r % 3 = 0 THEN 1 + m(customer_id, {seed} + 16) % (customer_id - 1) END AS referred_by,
        TIMESTAMP '2015-01-01' + to_seconds(m(customer_id, {seed} + 17) % 315360000) AS created_at,
        CASE WHEN r % 4 = 0 THEN pick($notes, customer_id, {seed} + 18) || ' Call ' || first_name || ' on '
             || digits(customer_id, {seed} + 6, 3) || '-' || digits(customer_id, {seed} + 7, 4) || '.' END AS notes,
        json_object('newsletter', r % 2 = 0, 'channel', pick(['web', 'app', 'store'], customer_id, {seed} + 19),
                    'contact', first_name || ' ' || last_name) AS preferences,
        CAST((m(customer_id, {seed} + 20) % 5000000) / 100.0 AS DECIMAL(12, 2)) AS credit_limit
    FROM (SELECT *, lpad(((customer_id * 7919) % 1000000000)::VARCHAR, 9, '0') AS s FROM base)
    ORDER BY customer_id
    """


def _orders(n: int, customers: int, seed: int) -> str:
    return f"""
    CREATE TABLE {SCHEMA}.orders AS
    SELECT i + 1 AS order_id,
           1 + m(i, {seed} + 30) % {customers} AS customer_id,
           DATE '2019-01-01' + CAST(m(i, {seed} + 31) % 2500 AS INTEGER) AS order_date,
           pick($statuses, i, {seed} + 32) AS status,
           CAST((m(i, {seed} + 33) % 100000) / 100.0 AS DECIMAL(12, 2)) AS amount,
           '4' || digits(i, {seed} + 34, 7) || digits(i, {seed} + 35, 8) AS card_number,
           pick($last, i, {seed} + 36) || pick($city_suffix, i, {seed} + 37) AS ship_city
    FROM range({n}) t(i)
    ORDER BY order_id
    """


def _order_lines(orders: int, seed: int) -> str:
    # One or two lines per order: exactly `orders` lines when counted together with line 2.
    return f"""
    CREATE TABLE {SCHEMA}.order_lines AS
    SELECT order_id, line_no,
           1 + m(order_id * 2 + line_no, {seed} + 40) % 1000 AS product_id,
           1 + m(order_id * 2 + line_no, {seed} + 41) % 5 AS quantity
    FROM (
        SELECT i + 1 AS order_id, 1 AS line_no FROM range({orders}) t(i)
        UNION ALL
        SELECT i + 1 AS order_id, 2 AS line_no FROM range({orders}) t(i) WHERE m(i, {seed} + 42) % 3 = 0
    )
    ORDER BY order_id, line_no
    """


def _products(seed: int) -> str:
    return f"""
    CREATE TABLE {SCHEMA}.products AS
    SELECT i + 1 AS product_id,
           pick($last, i, {seed} + 50) || ' ' || pick(['Chair', 'Lamp', 'Desk', 'Mug', 'Shelf', 'Rug'], i, {seed} + 51) AS name,
           CAST((1 + m(i, {seed} + 52) % 50000) / 100.0 AS DECIMAL(10, 2)) AS price
    FROM range(1000) t(i)
    ORDER BY product_id
    """


def _refunds(seed: int) -> str:
    return f"""
    CREATE TABLE {SCHEMA}.refunds AS
    SELECT row_number() OVER (ORDER BY order_id, line_no) AS refund_id, order_id, line_no,
           CASE WHEN m(order_id, {seed} + 60) % 2 = 0
                THEN pick($reasons, order_id, {seed} + 61) || ': customer emailed from a private address'
                ELSE pick($reasons, order_id, {seed} + 61) END AS reason,
           CAST((m(order_id, {seed} + 62) % 20000) / 100.0 AS DECIMAL(12, 2)) AS amount
    FROM {SCHEMA}.order_lines
    WHERE m(order_id * 2 + line_no, {seed} + 63) % 50 = 0
    ORDER BY refund_id
    """


def _employees(n: int, seed: int) -> str:
    return f"""
    CREATE TABLE {SCHEMA}.employees AS
    SELECT i + 1 AS employee_id,
           CASE WHEN i = 0 THEN NULL ELSE 1 + m(i, {seed} + 70) % i END AS manager_id,
           pick($first, i, {seed} + 71) || ' ' || pick($last, i, {seed} + 72) AS full_name,
           'e' || (i + 1) || '.' || lower(strip_accents(pick($last, i, {seed} + 72))) || '@company.co.uk' AS email,
           DATE '2005-01-01' + CAST(m(i, {seed} + 73) % 7000 AS INTEGER) AS hired_on
    FROM range({n}) t(i)
    ORDER BY employee_id
    """


def build_bench(path: Path, rows: int, seed: int = 1, *, threads: int | None = None) -> dict[str, int]:
    """Write the benchmark database at ``path`` (atomically) and return the rows per table."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    if not 0 <= seed < 1_000_000:
        raise ValueError("seed must be from 0 to 999999")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    sizes = _sizes(rows)
    params = {
        "first": list(fakes.pool("first_name")),
        "last": list(fakes.pool("last_name")),
        "street_suffix": list(fakes.pool("street_suffix")),
        "city_suffix": list(fakes.pool("city_suffix")),
        "domains": _EMAIL_DOMAINS,
        "countries": _COUNTRIES,
        "statuses": _STATUSES,
        "notes": _NOTES,
        "reasons": _REASONS,
    }
    con = duckdb.connect(str(tmp))
    try:
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        con.execute("SET enable_progress_bar = false")
        con.execute(_MACROS)
        con.execute(f"CREATE SCHEMA {SCHEMA}")
        statements = [
            _customers(sizes["customers"], seed),
            _orders(sizes["orders"], sizes["customers"], seed),
            _order_lines(sizes["orders"], seed),
            _products(seed),
            _refunds(seed),
            _employees(sizes["employees"], seed),
        ]
        for sql in statements:
            used = {k: v for k, v in params.items() if f"${k}" in sql}
            con.execute(sql, used)
        counts = {t: con.execute(f"SELECT count(*) FROM {SCHEMA}.{t}").fetchone()[0] for t in TABLES}
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, path)
    return counts
