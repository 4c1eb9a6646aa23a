"""Deterministic realistic fakes, picked from fixed pools by a keyed digest.

No Faker instance and no random state is used at masking time. The pools are the word lists
that Faker's providers ship (names, street suffixes, company suffixes), read once, de-duplicated
and sorted, so a fake depends only on the digest of (key, domain, normalized value) and on the
pinned Faker version. The same input therefore gets the same fake on every thread, process
and machine.

A digest is the hex HMAC-SHA256 that the SQL side computes; each fake reads its own slice of it.
"""

from __future__ import annotations

import base64
import functools
import unicodedata
from collections.abc import Callable, Sequence

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
