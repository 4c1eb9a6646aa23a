"""Keyed, format-preserving permutations (a Feistel network over a mixed-radix domain).

Every function here is a bijection for a fixed key and tweak: two different inputs of the
same shape never give the same output. That is what lets a unique column stay unique by
construction. They are pure functions of (key, tweak, value), so they give the same answer
on every thread, process and machine.

>>> p = Permuter(b"k" * 32)
>>> p.permute(12345, 1000, 1000, b"t") == p.permute(12345, 1000, 1000, b"t")
True
>>> p.unpermute(p.permute(12345, 1000, 1000, b"t"), 1000, 1000, b"t")
12345
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

ROUNDS = 8
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DIGITS = "0123456789"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
_HEX = "0123456789abcdef"


class UnmaskableValue(ValueError):
    """A value that a method cannot mask safely (it is never passed through)."""


class Permuter:
    """Keyed pseudorandom permutations of ``range(a * b)``, and derangements built on them."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _round(self, i: int, value: int, modulus: int, tweak: bytes) -> int:
        width = max(16, min(64, (modulus.bit_length() + 7) // 8 + 16))
        data = tweak + b"\x1f" + bytes([i]) + value.to_bytes((value.bit_length() + 8) // 8, "big")
        digest = hashlib.blake2b(data, key=self._key, digest_size=width).digest()
        return int.from_bytes(digest, "big") % modulus

    def permute(self, x: int, a: int, b: int, tweak: bytes) -> int:
        """Map ``x`` in ``[0, a*b)`` to another value of that range."""
        left, right = divmod(x, b)
        size_l, size_r = a, b
        for i in range(ROUNDS):
            new = (left + self._round(i, right, size_l, tweak)) % size_l
            left, right = right, new
            size_l, size_r = size_r, size_l
        return left * size_r + right

    def unpermute(self, y: int, a: int, b: int, tweak: bytes) -> int:
        """Inverse of :meth:`permute` (used by tests; masking never needs it)."""
        size_l, size_r = (a, b) if ROUNDS % 2 == 0 else (b, a)
        left, right = divmod(y, size_r)
        for i in reversed(range(ROUNDS)):
            size_l, size_r = size_r, size_l
            old_left = (right - self._round(i, left, size_l, tweak)) % size_l
            left, right = old_left, left
        return left * size_r + right

    def derange(self, x: int, a: int, b: int, tweak: bytes) -> int:
        """A permutation of ``range(a * b)`` with no fixed point: the output never equals x.

        It maps x to the element that follows it in the keyed pseudorandom order,
        ``p^-1((p(x) + 1) mod n)``, so no value is ever masked to itself. (A domain of one
        element has nothing else to map to and is returned as it is.)
        """
        n = a * b
        if n < 2:
            return x
        return self.unpermute((self.permute(x, a, b, tweak) + 1) % n, a, b, tweak)

    def underange(self, y: int, a: int, b: int, tweak: bytes) -> int:
        """The inverse of :meth:`derange`."""
        n = a * b
        if n < 2:
            return y
        return self.unpermute((self.permute(y, a, b, tweak) - 1) % n, a, b, tweak)

    # -- integers ---------------------------------------------------------------------------

    def integer(self, x: int, bits: int, tweak: bytes) -> int:
        """Permute a signed integer of ``bits`` width, keeping its sign."""
        half = 1 << (bits - 1)
        if not -half <= x < half:
            raise UnmaskableValue(f"a value does not fit in {bits} bits")
        lo = (bits - 1) // 2
        a, b = 1 << (bits - 1 - lo), 1 << lo
        if x >= 0:
            return self.derange(x, a, b, tweak + b"+")
        return -self.derange(-x - 1, a, b, tweak + b"-") - 1

    def uuid_int(self, x: int, tweak: bytes) -> int:
        """Permute a 128-bit value (a UUID)."""
        return self.derange(x, 1 << 64, 1 << 64, tweak + b"uuid")

    # -- strings ----------------------------------------------------------------------------

    def chars(self, value: str, tweak: bytes, *, letters: bool = True, inverse: bool = False) -> str:
        """Permute the digits (and, if ``letters``, the letters) of ``value`` in place.

        Separators, spaces and every other character stay where they are, so the output has
        the input's length and shape. Each character is permuted within its own alphabet:
        ASCII digits, the ten digits of any other script, ASCII lower and upper case, and
        accented Latin lower and upper case. A letter of another script cannot be permuted
        and stops the masking (it is never copied through). A UUID-shaped value in one case
        stays a UUID (hex digits to hex digits). The permutation depends only on the
        sequence of maskable characters, so ``'+1 (555) 010-0199'`` and ``'1-555-010-0199'``
        get the same digits.
        """
        if _UUID_RE.match(value) and (value == value.lower() or value == value.upper()):
            hex_alphabet = _HEX if value == value.lower() else _HEX.upper()
            alphabets = ["" if c == "-" else hex_alphabet for c in value]
        else:
            alphabets = [_alphabet(c, letters) for c in value]
        positions = [i for i, alpha in enumerate(alphabets) if alpha]
        if not positions:
            return value
        radices = [len(alphabets[i]) for i in positions]
        digits = [alphabets[i].index(value[i]) for i in positions]
        out_digits = self.mixed_radix(digits, radices, tweak, inverse=inverse)
        chars = list(value)
        for pos, d in zip(positions, out_digits):
            chars[pos] = alphabets[pos][d]
        return "".join(chars)

    def mixed_radix(self, digits: list[int], radices: list[int], tweak: bytes, *, inverse: bool = False) -> list[int]:
        """Permute a digit vector within its own radix vector (one digit per position)."""
        signature = ",".join(map(str, radices)).encode()
        k = len(radices) // 2
        a = _product(radices[:k])
        b = _product(radices[k:])
        x = _to_int(digits, radices)
        step = self.underange if inverse else self.derange
        y = step(x, a, b, tweak + b"|" + signature)
        return _from_int(y, radices)

    def digits_int(self, x: int, tweak: bytes, max_value: int | None = None) -> int:
        """Permute the decimal digits of an integer, keeping its sign and digit count.

        With ``max_value`` (the largest value the column type holds), outputs above it are
        walked along the permutation's cycle until one fits, which keeps the mapping one to
        one on the values that fit.
        """
        if x < 0:
            return -self.digits_int(-x, tweak + b"-", None if max_value is None else max_value + 1)
        if max_value is not None and x > max_value:
            raise UnmaskableValue("a value is larger than its column type allows")
        text = str(x)
        if len(text) == 1:
            return self.mixed_radix([x], [10], tweak)[0]
        radices = [9] + [10] * (len(text) - 1)
        digits = [int(text[0]) - 1] + [int(c) for c in text[1:]]
        while True:
            digits = self.mixed_radix(digits, radices, tweak)
            y = int(str(digits[0] + 1) + "".join(map(str, digits[1:])))
            if max_value is None or y <= max_value:
                return y


_LATIN_LOWER = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
_LATIN_UPPER = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸ"


def _alphabet(c: str, letters: bool) -> str:
    """The alphabet a character is permuted within ('' when it is kept as it is)."""
    if c in _DIGITS:
        return _DIGITS
    if c.isdecimal():
        zero = ord(c) - unicodedata.decimal(c)
        return "".join(chr(zero + i) for i in range(10))
    if not letters or not c.isalpha():
        return ""
    for alphabet in (_LOWER, _UPPER, _LATIN_LOWER, _LATIN_UPPER):
        if c in alphabet:
            return alphabet
    raise UnmaskableValue(f"a value has a letter ({unicodedata.name(c, 'unnamed')}) this method cannot permute")


def luhn_check_digit(payload: str) -> str:
    """The Luhn check digit that makes ``payload + digit`` valid.

    >>> luhn_check_digit("400012345678901")
    '7'
    """
    total = 0
    for i, c in enumerate(reversed(payload)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """True when ``number`` (digits only) passes the Luhn check."""
    return len(number) > 1 and luhn_check_digit(number[:-1]) == number[-1]


def _product(values: list[int]) -> int:
    out = 1
    for v in values:
        out *= v
    return out


def _to_int(digits: list[int], radices: list[int]) -> int:
    x = 0
    for d, r in zip(digits, radices):
        x = x * r + d
    return x


def _from_int(x: int, radices: list[int]) -> list[int]:
    out = []
    for r in reversed(radices):
        x, d = divmod(x, r)
        out.append(d)
    return out[::-1]
