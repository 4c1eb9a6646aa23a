"""DuckDB functions that the masking SQL calls.

Two kinds are registered:

* Python UDFs (``us_prf_hex``, ``us_fake_py``, ``us_fpe_text``...): vectorized over Arrow
  batches with NumPy and batched AES (see :mod:`vector`), pure functions of (key, domain,
  value), safe on any number of DuckDB threads. The key lives only in their closures: no SQL
  can read it, and it is never part of SQL text.
* SQL macros (``us_h64``, ``us_fake``, ``us_shift_days``...): the plumbing around them (NULL
  and blank handling, normalization, offsets). Macros are per cursor, so
  :func:`configure_cursor` runs on every cursor.

Every UDF takes a ``label`` (``source.table.column``) so that a value it cannot mask stops the
build with a message that says where.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from duckdb.sqltypes import BIGINT, BOOLEAN, INTEGER, UBIGINT, VARCHAR

from . import fakes
from .fpe import Permuter, UnmaskableValue, luhn_check_digit
from .keys import MaskingKey
from .vector import Prf, TextPermuter

DEFAULT_TEST_IIN = "999999"

SQL_MACROS = {
    # The keyed digest of a value: SHA-256 computed natively (unkeyed, never output), then
    # AES under the domain's key in a Python UDF. 128 bits as 32 hex characters, or the first
    # 64 as an unsigned integer.
    "us_digest": "(domain, v) AS us_prf_hex(domain, sha256(v))",
    "us_h64": "(domain, v) AS us_prf64(domain, sha256(v))",
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
        "WHEN trim(v, ' \t\n\r') = '' THEN v ELSE us_fake_py(kind, us_digest(domain, us_normalize(kind, v)), v, "
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

    def __init__(self, key: MaskingKey, raw_values: RawValues | None = None) -> None:
        self._perm = Permuter(key.subkey("permutation"))
        self._prf = Prf(key.subkey("token"))
        self._text = TextPermuter(Prf(key.subkey("permutation")))
        self._ints = Prf(key.subkey("integer"))
        self._raw = raw_values

    # Each method takes Arrow arrays and returns an Arrow array of the same length.

    def digest_hex(self, domain: pa.Array, sha: pa.Array) -> pa.Array:
        return self._prf.digest_hex(_scalar(domain).encode(), sha)

    def digest_u64(self, domain: pa.Array, sha: pa.Array) -> pa.Array:
        return self._prf.u64(_scalar(domain).encode(), sha)

    def fake(self, kind: pa.Array, digest: pa.Array, original: pa.Array, maxlen: pa.Array,
             label: pa.Array) -> pa.Array:
        name = _scalar(kind)
        if name not in fakes.GENERATORS:
            raise ValueError(f"understudy: {_scalar(label)}: unknown fake kind {name!r}")
        try:
            return fakes.generate_batch(name, digest, original, int(_scalar(maxlen)))
        except fakes.DoesNotFit as exc:
            raise ValueError(f"understudy: {_scalar(label)}: {exc}") from None

    def fpe_text(self, value: pa.Array, domain: pa.Array, letters: pa.Array, label: pa.Array) -> pa.Array:
        return self._fpe(value, _scalar(domain).encode(), bool(_scalar(letters)), label)

    def _fpe(self, value: pa.Array, tweak: bytes, letters: bool, label: pa.Array | str,
             inverse: bool = False) -> pa.Array:
        # UUID-shaped values keep their hex alphabet: the scalar path knows them.
        uuid_like = pc.fill_null(pc.match_substring_regex(value, _UUID_PATTERN), False)
        masked, handled = self._text.chars(pc.if_else(uuid_like, pa.scalar(None, pa.string()), value),
                                           tweak, letters, inverse)
        return self._fill(value, masked, handled, label,
                          lambda v: self._perm.chars(v, tweak, letters=letters, inverse=inverse))

    def fpe_digits_int(self, value: pa.Array, bits: pa.Array, domain: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        max_value = (1 << (int(_scalar(bits)) - 1)) - 1
        with _labelled(label):
            out = _map_distinct(value.to_pylist(), lambda v: self._perm.digits_int(v, tweak, max_value))
        return pa.array(out, pa.int64())

    def token_int(self, value: pa.Array, bits: pa.Array, domain: pa.Array, label: pa.Array) -> pa.Array:
        if isinstance(value, pa.ChunkedArray):
            value = value.combine_chunks()
        return self._ints.integer(value, int(_scalar(bits)), _scalar(domain).encode())

    def card(self, value: pa.Array, domain: pa.Array, iin: pa.Array, label: pa.Array) -> pa.Array:
        tweak = _scalar(domain).encode()
        prefix = _scalar(iin) or DEFAULT_TEST_IIN
        where = _scalar(label)
        masked, handled, counts = self._text.card(value, tweak, prefix)

        def one(v: str) -> str:
            if v == "":
                return v
            digits = [c for c in v if c.isdigit()]
            if not 12 <= len(digits) <= 19 or len(digits) <= len(prefix) + 1:
                raise ValueError(f"understudy: {where}: a card number must have 12 to 19 digits; got one with {len(digits)}")
            body = "".join(digits)
            middle = body[len(prefix):-1]
            masked_middle = self._perm.mixed_radix([int(c) for c in middle], [10] * len(middle), tweak)
            payload = prefix + "".join(map(str, masked_middle))
            new_digits = iter(payload + luhn_check_digit(payload))
            return "".join(next(new_digits) if c.isdigit() else c for c in v)

        return self._fill(value, masked, handled, label, one)

    # -- keeping raw values out ---------------------------------------------------------

    def avoid(self, kind: pa.Array, masked: pa.Array, fingerprint: pa.Array, seed: pa.Array,
              domain: pa.Array, params: pa.Array, raw_sql: pa.Array, label: pa.Array) -> pa.Array:
        """Re-mask the values whose masking happens to equal a raw value of their class.

        ``fingerprint`` is md5_number_lower(lower(trim(masked))), computed natively; the raw
        values' fingerprints are loaded once per class. For a permutation (kind ``fpe``),
        a value that lands on a raw value walks to the next round's permutation, and a
        candidate is taken only if it is neither a raw value nor the output of another value
        in an earlier round, so the column stays one to one. Fakes and cards take the next
        round's pick.
        """
        if isinstance(masked, pa.ChunkedArray):
            masked = masked.combine_chunks()
        where = _scalar(label)
        if self._raw is None:
            raise ValueError(f"understudy: {where}: raw-value checks need the production database")
        raw = self._raw.fingerprints(_scalar(raw_sql))
        fps = pc.fill_null(fingerprint, 0).to_numpy(zero_copy_only=False).astype(np.uint64)
        hit = _member(raw, fps) & ~pc.is_null(masked).to_numpy(zero_copy_only=False)
        if not hit.any():
            return masked
        # A value with no letter or digit ('', '---') has nothing to re-mask: it stays.
        carries = pc.fill_null(pc.match_substring_regex(masked, r"[\p{L}\p{N}]"), False)
        hit &= carries.to_numpy(zero_copy_only=False)
        if not hit.any():
            return masked
        rows = np.flatnonzero(hit)
        seeds = seed.take(pa.array(rows)).to_pylist()
        how = _scalar(kind)
        opts = json.loads(_scalar(params))
        tweak = _scalar(domain).encode()
        fixer = {"fpe": self._avoid_fpe, "card": self._avoid_card}.get(how, self._avoid_fake)
        fixed = fixer(how, seeds, tweak, opts, raw, where)
        mask = np.zeros(len(masked), bool)
        mask[rows] = True
        return pc.replace_with_mask(masked, pa.array(mask), pa.array(fixed, pa.string()))

    def _avoid_fpe(self, how: str, seeds: list[str], tweak: bytes, opts: dict[str, Any],
                   raw: Fingerprints, where: str) -> list[str]:
        letters = bool(opts.get("letters", True))

        def perm(r: int, values: list[str], inverse: bool = False) -> list[str]:
            t = tweak if r == 0 else tweak + b"#" + str(r).encode()
            return self._fpe(pa.array(values, pa.string()), t, letters, where, inverse).to_pylist()

        def in_raw(values: list[str]) -> list[bool]:
            return list(_member(raw, _fingerprints(values)))

        memo: dict[str, int] = {}

        def final_round(values: list[str], upto: int) -> list[int]:
            """The round (0 to ``upto``) at which each raw value gets its output; -1 when it
            gets none by then."""
            out = [memo.get(v, -2) for v in values]
            todo = [i for i, r in enumerate(out) if r == -2 or (r == -1 and upto > memo_upto.get(values[i], -1))]
            if not todo:
                return [r if r <= upto else -1 for r in out]
            first = perm(0, [values[i] for i in todo])
            pending = []
            for i, hit in zip(todo, in_raw(first)):
                if hit:
                    pending.append(i)
                else:
                    out[i] = 0
            for r in range(1, upto + 1):
                if not pending:
                    break
                cands = perm(r, [values[i] for i in pending])
                ok = acceptable(cands, r)
                for i, good in zip(pending, ok):
                    if good:
                        out[i] = r
                pending = [i for i, good in zip(pending, ok) if not good]
            for i in pending:
                out[i] = -1
            for i in todo:
                memo[values[i]] = out[i]
                memo_upto[values[i]] = upto
            return [r if r <= upto else -1 for r in out]

        memo_upto: dict[str, int] = {}

        def acceptable(cands: list[str], r: int) -> list[bool]:
            ok = [not hit for hit in in_raw(cands)]
            for s_ in range(r):
                idx = [i for i, good in enumerate(ok) if good]
                if not idx:
                    break
                pre = perm(s_, [cands[i] for i in idx], inverse=True)
                pre_raw = in_raw(pre)
                check = [j for j, hit in enumerate(pre_raw) if hit]
                if not check:
                    continue
                if s_ == 0:
                    # perm(0, w) = candidate, which is not raw: w's output is the candidate.
                    for j in check:
                        ok[idx[j]] = False
                    continue
                rounds = final_round([pre[j] for j in check], s_)
                for j, rnd in zip(check, rounds):
                    if rnd == s_:
                        ok[idx[j]] = False
            return ok

        out: list[str | None] = [None] * len(seeds)
        todo = list(range(len(seeds)))
        for r in range(1, AVOID_ROUNDS):
            cands = perm(r, [seeds[i] for i in todo])
            ok = acceptable(cands, r)
            for i, c, good in zip(todo, cands, ok):
                if good:
                    out[i] = c
            todo = [i for i, good in zip(todo, ok) if not good]
            if not todo:
                break
        return self._finish(out, seeds, where)

    def _avoid_card(self, how: str, seeds: list[str], tweak: bytes, opts: dict[str, Any],
                    raw: Fingerprints, where: str) -> list[str]:
        iin = str(opts.get("iin") or DEFAULT_TEST_IIN)

        def candidates(r: int, values: list[str]) -> list[str]:
            n = len(values)
            return self.card(pa.array(values, pa.string()), pa.array([(tweak + b"#" + str(r).encode()).decode()] * n),
                             pa.array([iin] * n), pa.array([where] * n)).to_pylist()

        return self._first_free(seeds, candidates, raw, where)

    def _avoid_fake(self, how: str, seeds: list[str], tweak: bytes, opts: dict[str, Any],
                    raw: Fingerprints, where: str) -> list[str]:
        maxlen = int(opts.get("maxlen") or 255)

        def candidates(r: int, values: list[str]) -> list[str]:
            digests = self._prf.digest_hex(tweak + b"#" + str(r).encode(), pa.array(values, pa.string())).to_pylist()
            try:
                return fakes.generate(how, digests, [None] * len(digests), maxlen)
            except fakes.DoesNotFit as exc:
                raise ValueError(f"understudy: {where}: {exc}") from None

        return self._first_free(seeds, candidates, raw, where)

    def _first_free(self, seeds: list[str], candidates: Callable[[int, list[str]], list[str]],
                    raw: Fingerprints, where: str) -> list[str]:
        """For methods that need not stay one to one: each value takes the first round's pick
        that is not a raw value of its class."""
        out: list[str | None] = [None] * len(seeds)
        todo = list(range(len(seeds)))
        for r in range(1, AVOID_ROUNDS):
            cands = candidates(r, [seeds[i] for i in todo])
            hits = _member(raw, _fingerprints(cands))
            for i, c, hit in zip(todo, cands, hits):
                if not hit:
                    out[i] = c
            todo = [i for i, hit in zip(todo, hits) if hit]
            if not todo:
                break
        return self._finish(out, seeds, where)

    @staticmethod
    def _finish(out: list[str | None], seeds: list[str], where: str) -> list[str]:
        if any(v is None for v in out):
            raise ValueError(f"understudy: {where}: could not find a masked value that is not a raw value of "
                             f"its class after {AVOID_ROUNDS - 1} tries; the output space is nearly full")
        return out  # type: ignore[return-value]

    @staticmethod
    def _fill(value: pa.Array, masked: pa.Array, handled: Any, label: pa.Array | str,
              one: Callable[[str], str]) -> pa.Array:
        """The vectorized result, with the rows it did not handle masked one by one."""
        if isinstance(value, pa.ChunkedArray):
            value = value.combine_chunks()
        valid = ~np.asarray(pc.is_null(value).to_numpy(zero_copy_only=False))
        todo = np.flatnonzero(~handled & valid)
        if not len(todo):
            return masked
        out = masked.to_pylist()
        with _labelled(label):
            cache: dict[str, str] = {}
            for i, v in zip(todo, value.take(pa.array(todo)).to_pylist()):
                if v not in cache:
                    cache[v] = one(v)
                out[i] = cache[v]
        return pa.array(out, pa.string())


AVOID_ROUNDS = 24


def _fingerprints(values: list[str | None]) -> np.ndarray:
    """md5_number_lower(lower(trim(v))) as DuckDB computes it (NULL: 0)."""
    out = np.zeros(len(values), np.uint64)
    for i, v in enumerate(values):
        if v is not None:
            digest = hashlib.md5(v.strip(" ").lower().encode()).digest()
            out[i] = int.from_bytes(digest[8:], "little")
    return out


_FILTER_BITS = 27  # a 16 MB bitmap in front of each sorted fingerprint array


class Fingerprints:
    """A set of 64-bit fingerprints: a bitmap of their low bits (fast, cache-friendly), then
    a binary search in the sorted array for the few probes the bitmap lets through."""

    def __init__(self, values: np.ndarray) -> None:
        self.sorted = np.sort(values.astype(np.uint64))
        self.bitmap = np.zeros(1 << (_FILTER_BITS - 3), np.uint8)
        low = (self.sorted & np.uint64((1 << _FILTER_BITS) - 1)).astype(np.int64)
        np.bitwise_or.at(self.bitmap, low >> 3, (1 << (low & 7)).astype(np.uint8))

    def __len__(self) -> int:
        return len(self.sorted)

    def contains(self, probe: np.ndarray) -> np.ndarray:
        out = np.zeros(len(probe), bool)
        if not len(self.sorted) or not len(probe):
            return out
        low = (probe & np.uint64((1 << _FILTER_BITS) - 1)).astype(np.int64)
        maybe = np.flatnonzero((self.bitmap[low >> 3] >> (low & 7).astype(np.uint8)) & 1)
        if len(maybe):
            at = np.searchsorted(self.sorted, probe[maybe])
            at[at >= len(self.sorted)] = 0
            out[maybe] = self.sorted[at] == probe[maybe]
        return out


def _member(raw: Fingerprints, probe: np.ndarray) -> np.ndarray:
    return raw.contains(probe)


class RawValues:
    """Fingerprints of the raw values of a class, read once from production (read-only)."""

    def __init__(self, prod_path: str) -> None:
        self._prod_path = prod_path
        self._lock = threading.Lock()
        self._cache: dict[str, Fingerprints] = {}
        self._con: duckdb.DuckDBPyConnection | None = None

    def fingerprints(self, sql: str) -> Fingerprints:
        found = self._cache.get(sql)
        if found is not None:
            return found
        with self._lock:
            if sql not in self._cache:
                if self._con is None:
                    self._con = duckdb.connect(":memory:")
                    self._con.execute("SET enable_progress_bar = false")
                    self._con.execute(f"ATTACH '{self._prod_path}' AS prod (READ_ONLY)")
                rows = self._con.execute(
                    f"SELECT DISTINCT md5_number_lower(v) AS f FROM ({sql}) WHERE v IS NOT NULL"
                ).fetchnumpy()["f"]
                self._cache[sql] = Fingerprints(np.asarray(rows, dtype=np.uint64))
            return self._cache[sql]


_UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


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


_ARROW_TYPES = {str(VARCHAR): pa.string(), str(BIGINT): pa.int64(), str(UBIGINT): pa.uint64()}


def _empty_safe(fn: Callable[..., Any], returns: Any) -> Callable[..., Any]:
    """DuckDB may call a UDF with an empty batch: answer it with an empty array."""
    empty_type = _ARROW_TYPES[str(returns)]

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        if len(args[0]) == 0:
            return pa.array([], empty_type)
        return fn(*args)

    return call


def register_functions(conn: duckdb.DuckDBPyConnection, key: MaskingKey,
                       publish: Callable[[], str] | None = None, prod_path: str | None = None) -> None:
    """Register the Python UDFs on a connection (idempotent: existing ones are left alone)."""
    existing = {row[0] for row in conn.execute(
        "SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'us\\_%' ESCAPE '\\'"
    ).fetchall()}
    masker = Masker(key, RawValues(prod_path) if prod_path else None)
    specs: list[tuple[str, Callable[..., Any], list[Any], Any]] = [
        ("us_prf_hex", masker.digest_hex, [VARCHAR, VARCHAR], VARCHAR),
        ("us_prf64", masker.digest_u64, [VARCHAR, VARCHAR], UBIGINT),
        ("us_fake_py", masker.fake, [VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR], VARCHAR),
        ("us_fpe_text", masker.fpe_text, [VARCHAR, VARCHAR, BOOLEAN, VARCHAR], VARCHAR),
        ("us_fpe_digits_int", masker.fpe_digits_int, [BIGINT, INTEGER, VARCHAR, VARCHAR], BIGINT),
        ("us_token_int", masker.token_int, [BIGINT, INTEGER, VARCHAR, VARCHAR], BIGINT),
        ("us_card", masker.card, [VARCHAR, VARCHAR, VARCHAR, VARCHAR], VARCHAR),
        ("us_avoid", masker.avoid, [VARCHAR, VARCHAR, UBIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR], VARCHAR),
    ]
    for name, fn, params, returns in specs:
        if name not in existing:
            conn.create_function(name, _empty_safe(fn, returns), params, returns, type="arrow", side_effects=False)
    if prod_path is not None and "us_scan_suggest" not in existing:
        from .scan.suggest import suggest_json

        conn.create_function("us_scan_suggest", lambda schema, table, source, columns: suggest_json(
            prod_path, schema, table, source, columns), [VARCHAR, VARCHAR, VARCHAR, VARCHAR], VARCHAR,
            side_effects=True)
    if "us_audit" not in existing:
        from .audit import audit_json

        conn.create_function("us_audit", audit_json, [VARCHAR], VARCHAR, side_effects=True)
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
