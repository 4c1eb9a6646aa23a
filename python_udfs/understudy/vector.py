"""Vectorized keyed functions: the hot path of masking.

Everything here works on whole Arrow batches with NumPy and one AES call per Feistel round,
never a Python loop per value. The keyed pseudorandom function is AES-128 (a per-purpose key
derived from the masking key with HMAC-SHA256), applied to many 16-byte blocks at once in ECB
mode, which is what makes a permutation of ten million values cost seconds rather than
minutes. Each block is independent of the others, so ECB here is exactly "AES as a PRF on each
input", not encryption of a message.

The functions are pure functions of (key, purpose, value): the same input gives the same output
whatever the batch it arrives in, the thread, the process or the machine.

Values a vectorized path cannot take (non-ASCII letters, very long digit runs, UUIDs) are
returned as "not handled", and the caller masks them with the scalar code in :mod:`fpe`;
which path a value takes depends only on its shape, so a value is always masked the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import threading

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

ROUNDS = 8
_LIMIT = 1 << 31  # each Feistel half stays below this, so sums never overflow 64 bits


class Prf:
    """AES-128 under per-purpose keys, over batches of 16-byte blocks."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._ciphers: dict[bytes, Cipher] = {}
        self._lock = threading.Lock()

    def _cipher(self, purpose: bytes) -> Cipher:
        cipher = self._ciphers.get(purpose)
        if cipher is None:
            sub = hmac.new(self._key, b"aes|" + purpose, hashlib.sha256).digest()[:16]
            cipher = Cipher(algorithms.AES(sub), modes.ECB())
            with self._lock:
                self._ciphers.setdefault(purpose, cipher)
        return cipher

    def blocks(self, purpose: bytes, data: bytes | np.ndarray) -> bytes:
        """Encrypt ``len(data) // 16`` independent blocks (a fresh context per call)."""
        enc = self._cipher(purpose).encryptor()
        return enc.update(memoryview(data).cast("B")) + enc.finalize()

    def digest_hex(self, purpose: bytes, sha256_hex: pa.Array) -> pa.Array:
        """128-bit keyed digests, as 32 hex characters, of SHA-256 digests (64 hex characters).

        SQL computes the unkeyed SHA-256 of the value natively; this keys it. The result is a
        PRF of the value: AES under a secret key of a collision-resistant digest.
        """
        valid, raw = fixed_hex(sha256_hex, 64)
        n = len(sha256_hex)
        out = np.frombuffer(self.blocks(purpose, raw[:, :16].tobytes()), np.uint8).reshape(-1, 16)
        text = out.tobytes().hex().encode()
        return _fixed_strings(np.frombuffer(text, np.uint8).reshape(-1, 32), n, valid)

    def u64(self, purpose: bytes, sha256_hex: pa.Array) -> pa.Array:
        """The first 64 bits of :meth:`digest_hex`, as unsigned integers."""
        valid, raw = fixed_hex(sha256_hex, 64)
        n = len(sha256_hex)
        out = np.frombuffer(self.blocks(purpose, raw[:, :16].tobytes()), np.uint8).reshape(-1, 16)
        values = np.zeros(n, np.uint64)
        values[valid] = out[:, :8].copy().view(">u8").ravel().astype(np.uint64)
        return pa.array(values, pa.uint64(), mask=~valid)

    # -- Feistel permutations of [0, a*b), a and b below 2^31 --------------------------------

    def _round(self, purpose: bytes, i: int, values: np.ndarray, modulus: int) -> np.ndarray:
        # One block per value: (value, round) as two little-endian 64-bit words.
        block = np.empty((len(values), 2), "<u8")
        block[:, 0] = values
        block[:, 1] = i
        out = np.frombuffer(self.blocks(purpose, block), "<u8")[::2]
        return out % np.uint64(modulus)

    def permute(self, left: np.ndarray, right: np.ndarray, a: int, b: int, purpose: bytes) -> tuple[np.ndarray, np.ndarray]:
        size_l, size_r = a, b
        for i in range(ROUNDS):
            new = (left + self._round(purpose, i, right, size_l)) % np.uint64(size_l)
            left, right = right, new
            size_l, size_r = size_r, size_l
        return left, right

    def unpermute(self, left: np.ndarray, right: np.ndarray, a: int, b: int, purpose: bytes) -> tuple[np.ndarray, np.ndarray]:
        size_l, size_r = (a, b) if ROUNDS % 2 == 0 else (b, a)
        for i in reversed(range(ROUNDS)):
            size_l, size_r = size_r, size_l
            old = (right + np.uint64(size_l) - self._round(purpose, i, left, size_l)) % np.uint64(size_l)
            left, right = old, left
        return left, right

    def derange(self, left: np.ndarray, right: np.ndarray, a: int, b: int, purpose: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The successor of each value in a keyed pseudorandom cyclic order of [0, a*b): a
        permutation with no fixed point (``p^-1(p(x) + 1)``), on (high, low) digit pairs."""
        if a * b < 2:
            return left, right
        pl, pr = self.permute(left, right, a, b, purpose)
        pr = pr + np.uint64(1)
        carry = pr == np.uint64(b)
        pr[carry] = 0
        pl = pl + carry.astype(np.uint64)
        pl[pl == np.uint64(a)] = 0
        return self.unpermute(pl, pr, a, b, purpose)

    def underange(self, left: np.ndarray, right: np.ndarray, a: int, b: int, purpose: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The inverse of :meth:`derange` (the predecessor in the same cyclic order)."""
        if a * b < 2:
            return left, right
        pl, pr = self.permute(left, right, a, b, purpose)
        borrow = pr == np.uint64(0)
        pr = np.where(borrow, np.uint64(b - 1), pr - np.uint64(1)).astype(np.uint64)
        pl = np.where(borrow, np.where(pl == np.uint64(0), np.uint64(a - 1), pl - np.uint64(1)), pl).astype(np.uint64)
        return self.unpermute(pl, pr, a, b, purpose)

    def derange_int(self, x: np.ndarray, a: int, b: int, purpose: bytes) -> np.ndarray:
        left, right = np.divmod(x.astype(np.uint64), np.uint64(b))
        left, right = self.derange(left, right, a, b, purpose)
        return left * np.uint64(b) + right

    # -- integers -------------------------------------------------------------------------

    def integer(self, values: pa.Array, bits: int, purpose: bytes) -> pa.Array:
        """Permute signed integers of ``bits`` width, keeping the sign (no fixed point)."""
        if not 2 <= bits <= 64:
            raise ValueError(f"integer width {bits} is not supported")
        lo = (bits - 1) // 2
        a, b = 1 << (bits - 1 - lo), 1 << lo
        arr = values.to_numpy(zero_copy_only=False) if values.null_count == 0 else \
            pc.fill_null(values, 0).to_numpy(zero_copy_only=False)
        x = arr.astype(np.int64)
        out = np.empty_like(x)
        neg = x < 0
        pos = ~neg
        if pos.any():
            out[pos] = self.derange_int(x[pos].astype(np.uint64), a, b, purpose + b"+").astype(np.int64)
        if neg.any():
            flipped = (-(x[neg] + 1)).astype(np.uint64)
            out[neg] = -self.derange_int(flipped, a, b, purpose + b"-").astype(np.int64) - 1
        mask = None if values.null_count == 0 else pc.is_null(values).to_numpy(zero_copy_only=False)
        return pa.array(out, pa.int64(), mask=mask)


# -- strings ------------------------------------------------------------------------------

_ZERO, _LOWER_A, _UPPER_A = 48, 97, 65


def _plain(array: pa.Array) -> pa.Array:
    """A string array with 32-bit offsets, as one contiguous array."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if array.type != pa.string():
        array = array.cast(pa.string())
    return array


def _offsets_and_data(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    bufs = array.buffers()
    offsets = np.frombuffer(bufs[1], np.int32)[array.offset: array.offset + len(array) + 1].astype(np.int64)
    data = np.frombuffer(bufs[2], np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    return offsets, data


def fixed_hex(array: pa.Array, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(valid mask, bytes of the valid values) for an array of fixed-width hex strings."""
    array = _plain(array)
    valid = ~pc.is_null(array).to_numpy(zero_copy_only=False)
    offsets, data = _offsets_and_data(array)
    lengths = np.diff(offsets)
    if not np.all(lengths[valid] == width):
        raise ValueError("expected fixed-width hex digests")
    starts = offsets[:-1][valid]
    if valid.all() and offsets[-1] - offsets[0] == width * len(starts):
        text = data[offsets[0]: offsets[-1]].tobytes()  # contiguous: no gather
    else:
        text = data[starts[:, None] + np.arange(width)].tobytes()
    raw = np.frombuffer(bytes.fromhex(text.decode("ascii")), np.uint8).reshape(-1, width // 2)
    return valid, raw


def _fixed_strings(chars: np.ndarray, n: int, valid: np.ndarray) -> pa.Array:
    """An Arrow string array from an (m, w) byte matrix placed at the valid positions."""
    w = chars.shape[1] if chars.ndim == 2 else 0
    lengths = np.where(valid, w, 0).astype(np.int32)
    offsets = np.zeros(n + 1, np.int32)
    np.cumsum(lengths, out=offsets[1:])
    data = pa.py_buffer(np.ascontiguousarray(chars).tobytes())
    # A boolean array's bit-packed values, used as the validity bitmap (1 = valid).
    mask = None if valid.all() else pa.array(valid).buffers()[1]
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets.tobytes()), data, mask, int((~valid).sum()))


def _replace_bytes(array: pa.Array, data: np.ndarray) -> pa.Array:
    """The same strings with the same offsets and nulls, and new bytes."""
    bufs = array.buffers()
    return pa.StringArray.from_buffers(len(array), bufs[1], pa.py_buffer(data.tobytes()), bufs[0],
                                       array.null_count, array.offset)


def _classes(data: np.ndarray, letters: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per byte: radix (0 = kept as it is) and the code of its alphabet's first character."""
    radix = np.zeros(len(data), np.uint8)
    base = np.zeros(len(data), np.uint8)
    digit = (data >= _ZERO) & (data <= _ZERO + 9)
    radix[digit], base[digit] = 10, _ZERO
    if letters:
        lower = (data >= _LOWER_A) & (data <= _LOWER_A + 25)
        upper = (data >= _UPPER_A) & (data <= _UPPER_A + 25)
        radix[lower], base[lower] = 26, _LOWER_A
        radix[upper], base[upper] = 26, _UPPER_A
    return radix, base


def _per_value_sum(flags: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """How many flagged bytes each value has (values are offsets[i]:offsets[i+1])."""
    running = np.concatenate([[0], np.cumsum(flags, dtype=np.int64)])
    return running[offsets[1:]] - running[offsets[:-1]]


def _split(radices: list[int]) -> tuple[int, int, int]:
    k = len(radices) // 2
    a = int(np.prod(radices[:k], dtype=object)) if k else 1
    b = int(np.prod(radices[k:], dtype=object))
    return k, a, b


def _horner(digits: np.ndarray, radices: list[int]) -> np.ndarray:
    x = np.zeros(digits.shape[0], np.uint64)
    for j, r in enumerate(radices):
        x = x * np.uint64(r) + digits[:, j].astype(np.uint64)
    return x


def _unhorner(x: np.ndarray, radices: list[int]) -> np.ndarray:
    out = np.zeros((len(x), len(radices)), np.uint8)
    for j in range(len(radices) - 1, -1, -1):
        x, d = np.divmod(x, np.uint64(radices[j]))
        out[:, j] = d
    return out


class TextPermuter:
    """Format-preserving permutation of ASCII strings: digits to digits, lower case to lower
    case, upper case to upper case, every other character kept in place."""

    def __init__(self, prf: Prf) -> None:
        self._prf = prf

    def chars(self, values: pa.Array, tweak: bytes, letters: bool, inverse: bool = False) -> tuple[pa.Array, np.ndarray]:
        """Returns (masked strings, handled mask); ``inverse`` undoes the masking. Rows not handled (non-ASCII, too many
        maskable characters, NULL) hold their input and must be masked by the scalar path."""
        values = _plain(values)
        n = len(values)
        handled = np.zeros(n, bool)
        if n == 0:
            return values, handled
        ascii_ok = pc.fill_null(pc.string_is_ascii(values), False).to_numpy(zero_copy_only=False)
        offsets, data = _offsets_and_data(values)
        out = data.copy()
        radix, base = _classes(data, letters)
        maskable = radix > 0
        counts = _per_value_sum(maskable, offsets)
        firsts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        positions = np.flatnonzero(maskable)
        valid = ~pc.is_null(values).to_numpy(zero_copy_only=False)
        # Rows are grouped by signature: the sequence of alphabets of their maskable
        # characters. A row's signature key is its length and a polynomial hash of its
        # alphabet codes; each group is then checked to be one signature exactly.
        code = np.where(base[positions] == _ZERO, 1, np.where(base[positions] == _LOWER_A, 2, 3)).astype(np.uint64)
        ordinal = np.arange(len(positions)) - np.repeat(firsts, counts)
        weights = np.power(np.uint64(1_000_003), ordinal.astype(np.uint64))
        running = np.concatenate([[np.uint64(0)], np.cumsum(code * weights, dtype=np.uint64)])
        sig_hash = running[firsts + counts] - running[firsts]
        eligible = valid & ascii_ok
        keys = (sig_hash * np.uint64(64) + counts.astype(np.uint64))[eligible]
        rows_of = np.flatnonzero(eligible)
        uniq, first_of, group_of = np.unique(keys, return_index=True, return_inverse=True)
        for g in range(len(uniq)):
            rows = rows_of[group_of == g] if len(uniq) > 1 else rows_of
            length = int(counts[rows_of[first_of[g]]])
            if not (counts[rows] == length).all():
                continue  # a key collision between two lengths: left to the scalar path
            if length == 0:
                handled[rows] = True
                continue
            pos = positions[firsts[rows][:, None] + np.arange(length)]
            bases = base[pos]
            if not (bases == bases[0]).all():
                continue  # a hash collision between two signatures: left to the scalar path
            radices = [10 if x == _ZERO else 26 for x in bases[0]]
            k, a, b = _split(radices)
            if a >= _LIMIT or b >= _LIMIT:
                continue
            digits = (data[pos] - bases).astype(np.uint8)
            left = _horner(digits[:, :k], radices[:k])
            right = _horner(digits[:, k:], radices[k:])
            signature = "".join("#" if x == _ZERO else ("%" if x == _LOWER_A else "&") for x in bases[0])
            purpose = tweak + b"|" + signature.encode()
            step = self._prf.underange if inverse else self._prf.derange
            left, right = step(left, right, a, b, purpose)
            new = np.concatenate([_unhorner(left, radices[:k]), _unhorner(right, radices[k:])], axis=1)
            out[pos] = bases + new
            handled[rows] = True
        handled &= ~pc.is_null(values).to_numpy(zero_copy_only=False)
        return _replace_bytes(values, out), handled

    def card(self, values: pa.Array, tweak: bytes, iin: str) -> tuple[pa.Array, np.ndarray, np.ndarray]:
        """Card numbers: same separators, ``iin`` in front, the account digits permuted, a
        valid Luhn digit. Returns (masked, handled, digit counts) so that the caller can name
        values with a bad number of digits."""
        values = _plain(values)
        n = len(values)
        offsets, data = _offsets_and_data(values)
        out = data.copy()
        digit = (data >= _ZERO) & (data <= _ZERO + 9)
        counts = _per_value_sum(digit, offsets)
        firsts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        positions = np.flatnonzero(digit)
        valid = ~pc.is_null(values).to_numpy(zero_copy_only=False)
        ascii_ok = pc.fill_null(pc.string_is_ascii(values), False).to_numpy(zero_copy_only=False)
        handled = np.zeros(n, bool)
        prefix = np.frombuffer(iin.encode(), np.uint8) - _ZERO
        for length in np.unique(counts[valid & ascii_ok]):
            length = int(length)
            rows = np.flatnonzero(valid & ascii_ok & (counts == length))
            if not 12 <= length <= 19 or length <= len(iin) + 1:
                continue
            pos = positions[firsts[rows][:, None] + np.arange(length)]
            digits = (data[pos] - _ZERO).astype(np.uint8)
            middle_len = length - len(iin) - 1
            radices = [10] * middle_len
            k, a, b = _split(radices)
            middle = digits[:, len(iin):-1]
            left, right = self._prf.derange(_horner(middle[:, :k], radices[:k]), _horner(middle[:, k:], radices[k:]),
                                            a, b, tweak + b"|card" + str(middle_len).encode())
            new = np.concatenate([_unhorner(left, radices[:k]), _unhorner(right, radices[k:])], axis=1)
            payload = np.concatenate([np.broadcast_to(prefix, (len(rows), len(iin))), new], axis=1)
            check = luhn_digits(payload)
            full = np.concatenate([payload, check[:, None]], axis=1)
            out[pos] = full + _ZERO
            handled[rows] = True
        empty = valid & (np.diff(offsets) == 0)
        handled |= empty
        return _replace_bytes(values, out), handled, counts


def luhn_digits(payload: np.ndarray) -> np.ndarray:
    """The Luhn check digit of each row of a digit matrix."""
    rev = payload[:, ::-1].astype(np.int64)
    doubled = rev[:, 0::2] * 2
    doubled = np.where(doubled > 9, doubled - 9, doubled)
    total = doubled.sum(axis=1) + rev[:, 1::2].sum(axis=1)
    return ((10 - total % 10) % 10).astype(np.uint8)
