"""Keyed permutations: bijective, fixed-point free, shape-preserving, key-dependent."""

import itertools
import re

import pytest

from understudy.fpe import Permuter, UnmaskableValue, luhn_check_digit, luhn_valid

KEY = b"k" * 32


@pytest.mark.parametrize("a,b", [(1, 2), (3, 7), (16, 8), (9, 1000), (10, 10)])
def test_permute_is_a_bijection_with_inverse(a, b):
    p = Permuter(KEY)
    out = [p.permute(x, a, b, b"t") for x in range(a * b)]
    assert sorted(out) == list(range(a * b))
    assert [p.unpermute(y, a, b, b"t") for y in out] == list(range(a * b))


@pytest.mark.parametrize("a,b", [(1, 2), (3, 7), (16, 8), (9, 1000)])
def test_derange_never_maps_a_value_to_itself(a, b):
    p = Permuter(KEY)
    out = [p.derange(x, a, b, b"t") for x in range(a * b)]
    assert sorted(out) == list(range(a * b))
    assert all(x != y for x, y in zip(range(a * b), out))


def test_integer_keeps_sign_width_and_uniqueness():
    p = Permuter(KEY)
    values = list(range(-500, 500)) + [2**31 - 1, -(2**31)]
    out = [p.integer(v, 32, b"id") for v in values]
    assert len(set(out)) == len(values)
    assert all((v >= 0) == (o >= 0) for v, o in zip(values, out))
    assert all(-(2**31) <= o < 2**31 for o in out)
    assert all(v != o for v, o in zip(values, out))


def test_integer_out_of_range_is_refused():
    with pytest.raises(UnmaskableValue):
        Permuter(KEY).integer(2**31, 32, b"id")


def test_uuid_stays_a_lowercase_uuid():
    out = Permuter(KEY).chars("3EDAC2E3-D223-6FAE-D515-DAF96EF6BC76", b"d")
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", out)
    assert out != "3edac2e3-d223-6fae-d515-daf96ef6bc76"


@pytest.mark.parametrize("value", ["02155", "+1 (780) 428-9482", "T5K 2N1", "X12345678X", "a", "Ng", "éclair-42"])
def test_chars_keep_length_separators_and_classes(value):
    out = Permuter(KEY).chars(value, b"d")
    assert len(out) == len(value)
    for before, after in zip(value, out):
        if before.isascii() and before.isdigit():
            assert after.isdigit()
        elif before.isascii() and before.isalpha():
            assert after.isalpha() and after.isupper() == before.isupper()
        else:
            assert after == before
    assert out != value


def test_chars_with_nothing_to_mask_is_unchanged():
    assert Permuter(KEY).chars("---", b"d") == "---"
    assert Permuter(KEY).chars("", b"d") == ""


def test_phone_variants_share_their_digits():
    """F21: normalization before keying: separators do not change the pseudonym."""
    p = Permuter(KEY)
    a = p.chars("+1 (555) 010-0199", b"phone", letters=False)
    b = p.chars("1-555-010-0199", b"phone", letters=False)
    assert re.sub(r"\D", "", a) == re.sub(r"\D", "", b)


def test_chars_is_unique_over_a_whole_small_domain():
    """F04 by construction: every 3-digit code maps to a distinct code."""
    p = Permuter(KEY)
    codes = ["".join(d) for d in itertools.product("0123456789", repeat=3)]
    assert len({p.chars(c, b"zip") for c in codes}) == 1000


def test_digits_int_keeps_digit_count():
    p = Permuter(KEY)
    for v in [7, 10, 12345, 12345678901, 99999]:
        out = p.digits_int(v, b"phone")
        assert len(str(out)) == len(str(v)) and out != v


def test_another_key_gives_another_mapping():
    """F06: the key is used: two keys share (almost) no outputs."""
    a = [Permuter(b"a" * 32).integer(v, 32, b"id") for v in range(1000)]
    b = [Permuter(b"b" * 32).integer(v, 32, b"id") for v in range(1000)]
    assert len(set(a) & set(b)) == 0


def test_luhn():
    assert luhn_check_digit("400012345678901") == "7"
    assert luhn_valid("4000123456789017") and not luhn_valid("4000123456789018")
