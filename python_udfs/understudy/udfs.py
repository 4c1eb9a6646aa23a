"""DuckDB functions that the masking SQL calls.

Two kinds are registered:

* Python UDFs (``us_hmac``, ``us_fake_py``, ``us_fpe_text``...): vectorized over Arrow
  batches, pure functions of (key, domain, value), safe on any number of DuckDB threads. The
  key lives only in their closures: no SQL can read it, and it is never part of SQL text.
* SQL macros (``us_h64``, ``us_fake``, ``us_shift_days``...): the plumbing around them (NULL
  and blank handling, normalization, offsets). Macros are per cursor, so
  :func:`configure_cursor` runs on every cursor.

Every UDF takes a ``label`` (``source.table.column``) so that a value it cannot mask stops the
build with a message that says where.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from duckdb.sqltypes import BIGINT, BOOLEAN, INTEGER, VARCHAR

from . import fakes
from .fpe import Permuter, UnmaskableValue, luhn_check_digit
from .keys import MaskingKey

DEFAULT_TEST_IIN = "999999"

SQL_MACROS = {
    # The first 64 bits of that digest, as an unsigned integer.
    "us_h64": "(domain, v) AS ('0x' || left(us_hmac(domain, v), 16))::UBIGINT",
    # Normalization before keying, so that case or format variants share one pseudonym.
    "us_normalize": (
        "(kind, v) AS CASE kind WHEN 'email' THEN lower(trim(v)) "
        "WHEN 'username' THEN lower(trim(v)) "
        "WHEN 'ipv4' THEN trim(v) "
        "ELSE strip_accents(lower(trim(v))) END"
    ),
    # A realistic fake. NULL stays NULL; '' and blank-only values stay as they are (they carry
    # nothing, and blanks must not share one fake).
    "us_fake": (
        "(kind, v, domain, maxlen, label) AS CASE WHEN v IS NULL THEN NULL "
        "WHEN trim(v, ' \t\n\r') = '' THEN v ELSE us_fake_py(kind, us_hmac(domain, us_normalize(kind, v)), v, "
        "maxlen, label) END"
    ),
    # A value that must fit a declared length, or stop the build with a message.
    "us_fit": "(v, n, message) AS CASE WHEN length(v) > n THEN error(message) ELSE v END",
    # d in [0, 2m) to an offset in [-m, -1] or [1, m].
    "us_nonzero_offset": "(d, m) AS d::BIGINT - m + (d >= m)::BIGINT",
    # One date-shift offset, in days, per (domain, entity): uniform over [-max_days, -1] and
    # [1, max_days]. Never 0, so no date keeps its own value.
    "us_shift_days": (
        "(domain, entity, max_days) AS us_nonzero_offset(us_h64('shift:' || domain, "
        "coalesce(entity::VARCHAR, '')) % (2 * max_days)::UBIGINT, max_days)"
    ),
    # Luhn check of a digit string (for the pattern scan of copied columns).
    "us_luhn_digit": "(x, i) AS CASE WHEN i % 2 = 1 THEN (CASE WHEN x * 2 > 9 THEN x * 2 - 9 ELSE x * 2 END) ELSE x END",
    "us_luhn_valid": (
        "(d) AS length(d) > 1 AND list_sum(list_transform(range(length(d)), lambda i: "
        "us_luhn_digit(CAST(substr(reverse(d), i + 1, 1) AS INTEGER), i))) % 10 = 0"
    ),
    # A value that looks like a live payment card: 13-19 digits (spaces or dashes between),
    # a major network's prefix, and a valid Luhn digit.
    "us_looks_like_card": (
        "(v) AS regexp_full_match(v, '[0-9]([ -]?[0-9]){12,18}') AND "
        "regexp_matches(regexp_replace(v, '[^0-9]', '', 'g'), '^(4|5[1-5]|2[2-7]|3[47]|6011|65)') AND "
        "us_luhn_valid(regexp_replace(v, '[^0-9]', '', 'g'))"
    ),
    # A number in [-1, 1], stable per (domain, entity).
    "us_unit_noise": (
        "(domain, entity) AS (us_h64('noise:' || domain, coalesce(entity::VARCHAR, ''))"
        " % 2000001::UBIGINT)::DOUBLE / 1000000.0 - 1.0"
    ),
}


class Masker:
    """The Python side of masking, bound to one key."""

    def __init__(self, key: MaskingKey) -> None:
        self._perm = Permuter(key.subkey("permutation"))
        self._hmac = hmac.new(key.subkey("token"), digestmod=hashlib.sha256)

    def hmac(self, domain: pa.Array, value: pa.Array) -> pa.Array:
        """HMAC-SHA256 of ``domain 0x1f value`` under the token subkey, as hex."""
        prefix = _scalar(domain).encode() + b"\x1f"
        base = self._hmac

        def one(v: str) -> str:
            h = base.copy()
            h.update(prefix)
            h.update(v.encode())
            return h.hexdigest()

        return pa.array(_map_distinct(value.to_pylist(), one), pa.string())

    # Each method takes Arrow arrays and returns an Arrow array of the same length.

    def fake(self, kind: pa.Array, digest: pa.Array, original: pa.Array, maxlen: pa.Array,
             label: pa.Array) -> pa.Array:
        name = _scalar(kind)
        if name not in fakes.GENERATORS:
            raise ValueError(f"understudy: {_scalar(label)}: unknown fake kind {name!r}")
        try:
            values = fakes.generate(name, digest.to_pylist(), original.to_pylist(), int(_scalar(maxlen)))
        except fakes.DoesNotFit as exc:
            raise ValueError(f"understudy: {_scalar(label)}: {exc}") from None
        return pa.array(values, pa.string())

    def fpe_text(self, value: pa.Array, domain: pa.Array, letters: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        keep_letters = bool(_scalar(letters))
        with _labelled(label):
            out = _map_distinct(value.to_pylist(), lambda v: self._perm.chars(v, tweak, letters=keep_letters))
        return pa.array(out, pa.string())

    def fpe_digits_int(self, value: pa.Array, bits: pa.Array, domain: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        max_value = (1 << (int(_scalar(bits)) - 1)) - 1
        with _labelled(label):
            out = _map_distinct(value.to_pylist(), lambda v: self._perm.digits_int(v, tweak, max_value))
        return pa.array(out, pa.int64())

    def token_int(self, value: pa.Array, bits: pa.Array, domain: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        width = int(_scalar(bits))
        with _labelled(label):
            out = _map_distinct(value.to_pylist(), lambda v: self._perm.integer(v, width, tweak))
        return pa.array(out, pa.int64())

    def card(self, value: pa.Array, domain: pa.Array, iin: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        prefix = _scalar(iin) or DEFAULT_TEST_IIN
        where = _scalar(label)

        def one(v: str) -> str:
            if v == "":
                return v
            digits = [c for c in v if c.isdigit()]
            if not 12 <= len(digits) <= 19:
                raise ValueError(f"understudy: {where}: a card number must have 12 to 19 digits; got one with {len(digits)}")
            body = "".join(digits)
            middle = body[len(prefix):-1]
            masked_middle = self._perm.mixed_radix([int(c) for c in middle], [10] * len(middle), tweak)
            payload = prefix + "".join(map(str, masked_middle))
            new_digits = iter(payload + luhn_check_digit(payload))
            return "".join(next(new_digits) if c.isdigit() else c for c in v)

        return pa.array(_map_distinct(value.to_pylist(), one), pa.string())


@contextlib.contextmanager
def _labelled(label: pa.Array) -> Iterator[None]:
    """Turn an unmaskable value into an error naming the column (never the value)."""
    try:
        yield
    except UnmaskableValue as exc:
        raise ValueError(f"understudy: {_scalar(label)}: {exc}") from None


def _scalar(array: pa.Array) -> Any:
    """The value of a constant argument (DuckDB passes constants as full-length arrays)."""
    if not len(array):
        return None
    if len(array) > 1 and pc.count_distinct(array, mode="all").as_py() > 1:
        raise ValueError("Understudy UDF parameters (kind, domain, length, label) must be constants")
    return array[0].as_py()


def _map_distinct(values: list[Any], fn: Callable[[Any], Any]) -> list[Any]:
    cache: dict[Any, Any] = {}
    out = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        if v not in cache:
            cache[v] = fn(v)
        out.append(cache[v])
    return out


def register_functions(conn: duckdb.DuckDBPyConnection, key: MaskingKey,
                       publish: Callable[[], str] | None = None) -> None:
    """Register the Python UDFs on a connection (idempotent: existing ones are left alone)."""
    existing = {row[0] for row in conn.execute(
        "SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'us\\_%' ESCAPE '\\'"
    ).fetchall()}
    masker = Masker(key)
    specs: list[tuple[str, Callable[..., Any], list[Any], Any]] = [
        ("us_hmac", masker.hmac, [VARCHAR, VARCHAR], VARCHAR),
        ("us_fake_py", masker.fake, [VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR], VARCHAR),
        ("us_fpe_text", masker.fpe_text, [VARCHAR, VARCHAR, BOOLEAN, VARCHAR], VARCHAR),
        ("us_fpe_digits_int", masker.fpe_digits_int, [BIGINT, INTEGER, VARCHAR, VARCHAR], BIGINT),
        ("us_token_int", masker.token_int, [BIGINT, INTEGER, VARCHAR, VARCHAR], BIGINT),
        ("us_card", masker.card, [VARCHAR, VARCHAR, VARCHAR, VARCHAR], VARCHAR),
    ]
    for name, fn, params, returns in specs:
        if name not in existing:
            conn.create_function(name, fn, params, returns, type="arrow", side_effects=False)
    if publish is not None and "us_publish" not in existing:
        conn.create_function("us_publish", lambda: publish(), [], VARCHAR, side_effects=True)


def configure_cursor(cursor: duckdb.DuckDBPyConnection) -> None:
    """Create the per-cursor SQL macros (they hold no key)."""
    for name, body in SQL_MACROS.items():
        cursor.execute(f"CREATE OR REPLACE TEMP MACRO {name}{body}")


def publish_file(staging: Path, final: Path) -> str:
    """Atomically replace ``final`` with the staging database (same filesystem)."""
    wal = Path(str(staging) + ".wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RuntimeError(f"refusing to publish {staging}: its write-ahead log is not checkpointed")
    if not staging.exists():
        raise RuntimeError(f"nothing to publish: {staging} does not exist")
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staging, final)
    return str(final)
