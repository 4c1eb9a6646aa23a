"""Deterministic realistic fakes, picked from fixed pools by a keyed digest.

No Faker instance and no random state is used at masking time. The pools are the word lists
that Faker's providers ship (names, street suffixes, company suffixes), read once, de-duplicated
and sorted, so a fake depends only on the digest of (key, domain, normalized value) and on the
pinned Faker version. The same input therefore gets the same fake on every thread, process
and machine.

A digest is the 128-bit keyed digest (32 hex characters) that the SQL side computes; each
fake reads its own 32-bit slot of it.
"""

from __future__ import annotations

import base64
import functools
import unicodedata
from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .vector import fixed_hex

# Reserved by RFC 2606 / RFC 6761: these domains never deliver mail to a real person.
SAFE_EMAIL_DOMAINS = ("example.com", "example.net", "example.org")


# Emails and usernames end in a keyed token of this many base32 characters (100 bits): two
# different inputs share a fake with probability about n**2 / 2**101 (4e-13 for a billion).
TOKEN_CHARS = 20


class DoesNotFit(ValueError):
    """No fake of this kind fits the declared length."""


@functools.lru_cache(maxsize=None)
def pool(name: str) -> tuple[str, ...]:
    """Return one word pool, sorted and without duplicates."""
    from faker.providers.address.en_US import Provider as Address
    from faker.providers.company.en_US import Provider as Company
    from faker.providers.person.de_DE import Provider as PersonDE
    from faker.providers.person.en_US import Provider as PersonUS
    from faker.providers.person.es_ES import Provider as PersonES
    from faker.providers.person.fr_FR import Provider as PersonFR

    people = (PersonUS, PersonDE, PersonFR, PersonES)
    if name == "first_name":
        words = [w for p in people for w in p.first_names]
    elif name == "last_name":
        words = [w for p in people for w in p.last_names]
    elif name == "street_suffix":
        words = list(Address.street_suffixes)
    elif name == "city_suffix":
        words = list(Address.city_suffixes)
    elif name == "city_prefix":
        words = list(Address.city_prefixes)
    elif name == "company_suffix":
        words = list(Company.company_suffixes)
    else:
        raise ValueError(f"unknown pool {name!r}")
    return tuple(sorted({w.strip() for w in words if w and w.strip()}))


@functools.lru_cache(maxsize=None)
def _fitting(name: str, maxlen: int) -> tuple[str, ...]:
    words = tuple(w for w in pool(name) if len(w) <= maxlen)
    if not words:
        raise DoesNotFit(f"no {name.replace('_', ' ')} fits in {maxlen} characters")
    return words


def _n(digest: str, slot: int) -> int:
    """The ``slot``-th 32-bit number of a hex digest (8 slots in a SHA-256)."""
    return int(digest[slot * 8 : slot * 8 + 8], 16)


def _pick(name: str, digest: str, slot: int, maxlen: int) -> str:
    words = _fitting(name, maxlen)
    return words[_n(digest, slot) % len(words)]


def _token(digest: str, chars: int) -> str:
    """A lowercase base32 token of the digest's first ``chars * 5`` bits."""
    return base64.b32encode(bytes.fromhex(digest)).decode().lower()[:chars]


def first_name(digest: str, maxlen: int) -> str:
    return _pick("first_name", digest, 0, maxlen)


def last_name(digest: str, maxlen: int) -> str:
    return _pick("last_name", digest, 1, maxlen)


def _pair(digest: str, first: tuple[str, int], second: tuple[str, int], room: int) -> tuple[str, str]:
    """Two words from two pools, joined by a space, that fit ``room`` characters together.

    The first word is picked from the longest prefix of its pool that leaves space for some
    second word, so the result fits without truncating either word.
    """
    for first_len in range(room, 0, -1):
        try:
            a = _pick(first[0], digest, first[1], first_len)
            b = _pick(second[0], digest, second[1], room - len(a) - 1)
        except DoesNotFit:
            continue
        return a, b
    raise DoesNotFit(f"no {first[0].replace('_', ' ')} and {second[0].replace('_', ' ')} fit in {room} characters")


def full_name(digest: str, maxlen: int) -> str:
    first, last = _pair(digest, ("first_name", 0), ("last_name", 1), maxlen)
    return f"{first} {last}"


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def email(digest: str, maxlen: int) -> str:
    """``first.last.<token>@example.com``.

    The token is 100 bits of the keyed digest, so two different (normalized) emails get two
    different fakes: a unique column stays unique, and joins on emails keep their pairs,
    in every table of the domain alike.
    """
    domain = SAFE_EMAIL_DOMAINS[_n(digest, 2) % len(SAFE_EMAIL_DOMAINS)]
    first = _ascii_slug(_pick("first_name", digest, 0, 64))
    last = _ascii_slug(_pick("last_name", digest, 1, 64))
    tail = "." + _token(digest, TOKEN_CHARS)
    room = maxlen - len(tail) - 1 - len(domain)
    local = f"{first}.{last}"
    if room < 1:
        raise DoesNotFit(f"a fake email needs at least {maxlen - room + 1} characters")
    return f"{local[:room].rstrip('.')}{tail}@{domain}"


def username(digest: str, maxlen: int) -> str:
    """``flast_<token>``, with the same 100-bit token as emails (so distinct in, distinct out)."""
    first = _ascii_slug(_pick("first_name", digest, 0, 64))
    last = _ascii_slug(_pick("last_name", digest, 1, 64))
    tail = "_" + _token(digest, TOKEN_CHARS)
    room = maxlen - len(tail)
    if room < 1:
        raise DoesNotFit(f"a fake username needs at least {len(tail) + 1} characters")
    return (first[:1] + last)[:room] + tail


def street_address(digest: str, maxlen: int) -> str:
    number = str(1 + _n(digest, 0) % 9899)
    name, suffix = _pair(digest, ("last_name", 1), ("street_suffix", 2), maxlen - len(number) - 1)
    return f"{number} {name} {suffix}"


def city(digest: str, maxlen: int) -> str:
    shape = _n(digest, 3) % 3
    candidates: list[Callable[[], str]] = [
        lambda: _pick("last_name", digest, 1, maxlen - 6) + _pick("city_suffix", digest, 2, 6),
        lambda: _pick("city_prefix", digest, 0, 5) + " " + _pick("last_name", digest, 1, maxlen - 6),
        lambda: _pick("last_name", digest, 1, maxlen),
    ]
    for build in candidates[shape:] + candidates[:shape]:
        try:
            text = build()
        except DoesNotFit:
            continue
        if len(text) <= maxlen:
            return text
    raise DoesNotFit(f"no city fits in {maxlen} characters")


def company(digest: str, maxlen: int) -> str:
    try:
        name, suffix = _pair(digest, ("last_name", 1), ("company_suffix", 2), maxlen)
    except DoesNotFit:
        return _pick("last_name", digest, 1, maxlen)
    return f"{name} {suffix}"


def ipv4(digest: str, maxlen: int) -> str:
    """An address in 10.0.0.0/8 (private, never routed on the internet)."""
    n = _n(digest, 0)
    text = f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"
    if len(text) > maxlen:
        raise DoesNotFit(f"an IPv4 address needs up to 15 characters, the column allows {maxlen}")
    return text


GENERATORS: dict[str, Callable[..., str]] = {
    "first_name": first_name,
    "last_name": last_name,
    "full_name": full_name,
    "email": email,
    "username": username,
    "street_address": street_address,
    "city": city,
    "company": company,
    "ipv4": ipv4,
}

def _same(a: str, b: str) -> bool:
    def fold(text: str) -> str:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip().lower()

    return fold(a) == fold(b)


def generate(kind: str, digests: Sequence[str | None], originals: Sequence[str | None],
             maxlen: int) -> list[str | None]:
    """Apply one generator to a batch of digests (``None`` stays ``None``).

    A fake never equals the value it replaces (compared case- and accent-insensitively): when
    the first pick does, the digest is rotated and the pick is made again, deterministically.
    """
    fn = GENERATORS[kind]
    cache: dict[tuple[str, str | None], str] = {}
    out: list[str | None] = []
    for d, original in zip(digests, originals):
        if d is None:
            out.append(None)
            continue
        value = cache.get((d, original))
        if value is None:
            digest = d
            value = fn(digest, maxlen)
            for _ in range(8):
                if original is None or not _same(value, original):
                    break
                digest = digest[8:] + digest[:8]
                value = fn(digest, maxlen)
            else:
                raise DoesNotFit(f"could not find a {kind.replace('_', ' ')} different from the input")
            cache[(d, original)] = value
        out.append(value)
    return out


# -- Vectorized generation ------------------------------------------------------------------
#
# The same fakes as the functions above, for a whole batch at once: the pools are Arrow arrays
# and a pick is one `take`. It applies when the declared length leaves room for any word of
# the pools (so no pool has to be cut to fit), and gives exactly what the scalar functions
# give. Rows whose first pick equals the input, and batches with a tight length, go through
# `generate` (which retries with a rotated digest).

_ALPHABET32 = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz234567", np.uint8)


@functools.lru_cache(maxsize=None)
def _pool_array(name: str, maxlen: int, folded: bool = False, slug: bool = False) -> pa.Array:
    words = _fitting(name, maxlen)
    if slug:
        words = tuple(_ascii_slug(w) for w in words)
    elif folded:
        words = tuple(_fold(w) for w in words)
    return pa.array(words, pa.string())


@functools.lru_cache(maxsize=None)
def _longest(name: str) -> int:
    return max(len(w) for w in pool(name))


@functools.lru_cache(maxsize=None)
def _longest_slug(name: str) -> int:
    return max(map(len, _pool_array(name, 64, slug=True).to_pylist()))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip().lower()


def _take(name: str, maxlen: int, slot: np.ndarray, *, folded: bool = False, slug: bool = False) -> pa.Array:
    words = _pool_array(name, maxlen, folded, slug)
    return words.take(pa.array(slot % np.uint32(len(words))))


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _tokens(raw: np.ndarray) -> pa.Array:
    """Lowercase base32 of each row's first 100 bits (what `_token` gives for 20 chars)."""
    bits = np.unpackbits(raw[:, :13], axis=1)[:, : TOKEN_CHARS * 5].reshape(-1, TOKEN_CHARS, 5)
    index = bits @ np.array([16, 8, 4, 2, 1], np.uint8)
    chars = _ALPHABET32[index]
    n = len(raw)
    offsets = (np.arange(n + 1, dtype=np.int32) * TOKEN_CHARS).tobytes()
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(chars.tobytes()))


def _vector_fake(kind: str, slots: np.ndarray, raw: np.ndarray, maxlen: int) -> tuple[pa.Array, pa.Array] | None:
    """(fakes, their folded form) for every row, or None when the length is too tight."""
    s0, s1, s2, s3 = (slots[:, i] for i in range(4))
    lf, ll = _longest("first_name"), _longest("last_name")
    if kind in ("first_name", "last_name"):
        slot = s0 if kind == "first_name" else s1
        return _take(kind, maxlen, slot), _take(kind, maxlen, slot, folded=True)
    if kind == "full_name" and maxlen >= lf + 1 + ll:
        a, b = _take("first_name", maxlen, s0), _take("last_name", maxlen, s1)
        fa, fb = _take("first_name", maxlen, s0, folded=True), _take("last_name", maxlen, s1, folded=True)
        return _join(a, " ", b), _join(fa, " ", fb)
    if kind == "street_address" and maxlen - 5 >= ll + 1 + _longest("street_suffix"):
        number = pc.cast(pa.array(np.uint32(1) + s0 % np.uint32(9899)), pa.string())
        a, b = _take("last_name", maxlen, s1), _take("street_suffix", maxlen, s2)
        fa, fb = _take("last_name", maxlen, s1, folded=True), _take("street_suffix", maxlen, s2, folded=True)
        return _join(number, " ", a, " ", b), _join(number, " ", fa, " ", fb)
    if kind == "city" and maxlen - 6 >= ll:
        shape = pa.array(s3 % np.uint32(3))
        out = []
        for folded in (False, True):
            last = _take("last_name", maxlen - 6, s1, folded=folded)
            suffix = _take("city_suffix", 6, s2, folded=folded)
            prefix = _take("city_prefix", 5, s0, folded=folded)
            shape0 = _join(last, suffix)
            shape1 = _join(prefix, " ", _take("last_name", maxlen - 6, s1, folded=folded))
            shape2 = _take("last_name", maxlen, s1, folded=folded)
            out.append(pc.choose(shape, shape0, shape1, shape2))
        return out[0], out[1]
    if kind == "company" and maxlen >= ll + 1 + _longest("company_suffix"):
        a, b = _take("last_name", maxlen, s1), _take("company_suffix", maxlen, s2)
        fa, fb = _take("last_name", maxlen, s1, folded=True), _take("company_suffix", maxlen, s2, folded=True)
        return _join(a, " ", b), _join(fa, " ", fb)
    if kind == "ipv4" and maxlen >= 15:
        n = s0
        parts = [pc.cast(pa.array((n >> np.uint32(sh)) & np.uint32(255)), pa.string()) for sh in (16, 8, 0)]
        text = _join("10.", parts[0], ".", parts[1], ".", parts[2])
        return text, text
    if kind == "email":
        tail_len = 1 + TOKEN_CHARS
        domain_len = max(len(d) for d in SAFE_EMAIL_DOMAINS)
        room = maxlen - tail_len - 1 - domain_len
        longest_local = _longest_slug("first_name") + 1 + _longest_slug("last_name")
        if len({len(d) for d in SAFE_EMAIL_DOMAINS}) != 1 or room < longest_local:
            return None
        domain = pa.array(SAFE_EMAIL_DOMAINS, pa.string()).take(pa.array(s2 % np.uint32(len(SAFE_EMAIL_DOMAINS))))
        local = pc.utf8_rtrim(_join(_take("first_name", 64, s0, slug=True), ".", _take("last_name", 64, s1, slug=True)), characters=".")
        text = _join(local, ".", _tokens(raw), "@", domain)
        return text, text
    if kind == "username":
        room = maxlen - 1 - TOKEN_CHARS
        if room < 1 + _longest_slug("last_name"):
            return None
        first = pc.utf8_slice_codeunits(_take("first_name", 64, s0, slug=True), 0, 1)
        text = _join(first, _take("last_name", 64, s1, slug=True), "_", _tokens(raw))
        return text, text
    return None


def generate_batch(kind: str, digests: pa.Array, originals: pa.Array, maxlen: int) -> pa.Array:
    """Fakes for a batch of 32-hex-character digests (NULL stays NULL), vectorized where the
    declared length allows, and equal to what :func:`generate` gives value by value."""
    if isinstance(digests, pa.ChunkedArray):
        digests = digests.combine_chunks()
    if isinstance(originals, pa.ChunkedArray):
        originals = originals.combine_chunks()
    n = len(digests)
    if digests.null_count == n:
        return pa.nulls(n, pa.string())
    valid, raw = fixed_hex(digests, 32)
    slots = raw.view(">u4").astype(np.uint32)
    made = _vector_fake(kind, slots, raw, maxlen)
    if made is None:
        return pa.array(generate(kind, digests.to_pylist(), originals.to_pylist(), maxlen), pa.string())
    fakes, folded = made
    orig = originals.filter(pa.array(valid))
    ascii_rows = pc.fill_null(pc.string_is_ascii(orig), True)
    orig_folded = pc.utf8_lower(pc.utf8_trim_whitespace(orig))
    others = np.flatnonzero(~ascii_rows.to_numpy(zero_copy_only=False))
    if len(others):
        # Accents and other scripts: folded as the scalar path folds them.
        folded_others = [None if v is None else _fold(v) for v in orig.take(pa.array(others)).to_pylist()]
        mask = np.zeros(len(orig), bool)
        mask[others] = True
        orig_folded = pc.replace_with_mask(orig_folded, pa.array(mask), pa.array(folded_others, pa.string()))
    same = pc.fill_null(pc.equal(folded, orig_folded), False).to_numpy(zero_copy_only=False)
    retry = np.flatnonzero(same)
    values = fakes.to_pylist() if len(retry) else None
    if values is not None:
        hex_list, orig_list = pc.drop_null(digests).to_pylist(), orig.to_pylist()
        for i, fixed in zip(retry, generate(kind, [hex_list[i] for i in retry], [orig_list[i] for i in retry], maxlen)):
            values[i] = fixed
        fakes = pa.array(values, pa.string())
    if valid.all():
        return fakes
    out = np.full(n, None, object)
    out[valid] = np.array(fakes.to_pylist(), dtype=object)
    return pa.array(out, pa.string())

