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


def test_uuid_stays_a_uuid_in_its_case():
    p = Permuter(KEY)
    lower = p.chars("3edac2e3-d223-6fae-d515-daf96ef6bc76", b"d")
    upper = p.chars("3EDAC2E3-D223-6FAE-D515-DAF96EF6BC76", b"d")
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", lower)
    assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", upper)
    assert lower != "3edac2e3-d223-6fae-d515-daf96ef6bc76"


def test_mixed_case_uuids_stay_distinct():
    """Values that differ only in case are different values: they must not merge."""
    p = Permuter(KEY)
    a = p.chars("6F1C2D3E-aaaa-BBBB-CCCC-000000000001", b"d")
    b = p.chars("6f1c2d3e-aaaa-bbbb-cccc-000000000001", b"d")
    assert a != b


@pytest.mark.parametrize("value", ["02155", "+1 (780) 428-9482", "T5K 2N1", "X12345678X", "a", "Ng", "José-42"])
def test_chars_keep_length_separators_and_classes(value):
    out = Permuter(KEY).chars(value, b"d")
    assert len(out) == len(value)
    for before, after in zip(value, out):
        if before.isdigit():
            assert after.isdigit()
        elif before.isalpha():
            assert after.isalpha() and after.isupper() == before.isupper() and after.isascii() == before.isascii()
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


def test_digits_int_stays_within_the_column_type():
    """An INTEGER holding 10 digits stays an INTEGER (walking the cycle), one to one."""
    p = Permuter(KEY)
    top = 2**31 - 1
    values = list(range(top - 2000, top + 1))
    out = [p.digits_int(v, b"ssn", top) for v in values]
    assert all(1_000_000_000 <= o <= top for o in out) and len(set(out)) == len(values)
    assert -(2**63) <= p.digits_int(-(2**63), b"n", 2**63 - 1) < 0


def test_another_key_gives_another_mapping():
    """F06: the key is used: two keys share (almost) no outputs."""
    a = [Permuter(b"a" * 32).integer(v, 32, b"id") for v in range(1000)]
    b = [Permuter(b"b" * 32).integer(v, 32, b"id") for v in range(1000)]
    assert len(set(a) & set(b)) == 0


def test_luhn():
    assert luhn_check_digit("400012345678901") == "7"
    assert luhn_valid("4000123456789017") and not luhn_valid("4000123456789018")
