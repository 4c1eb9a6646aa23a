"""Deterministic fakes: fit the declared length, never equal their input, unique on demand."""

import hashlib

import pytest

from understudy import fakes


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@pytest.mark.parametrize("kind", sorted(fakes.GENERATORS))
def test_same_digest_same_fake(kind):
    d = digest("x")
    assert fakes.generate(kind, [d, d], [None, None], 60) == [fakes.GENERATORS[kind](d, 60)] * 2


@pytest.mark.parametrize("kind,maxlen", [("first_name", 3), ("first_name", 10), ("last_name", 4),
                                         ("full_name", 9), ("street_address", 14), ("city", 7),
                                         ("company", 8), ("email", 36), ("username", 24)])
def test_fakes_fit_tight_lengths_without_truncating(kind, maxlen):
    """F13: a fake fits the declared length; names are picked to fit, not cut."""
    outs = fakes.generate(kind, [digest(str(i)) for i in range(300)], [None] * 300, maxlen)
    assert all(0 < len(o) <= maxlen for o in outs)
    if kind in ("first_name", "last_name"):
        assert set(outs) <= set(fakes.pool(kind))


def test_fake_that_cannot_fit_is_an_error():
    with pytest.raises(fakes.DoesNotFit):
        fakes.generate("email", [digest("a")], [None], 10)


def test_fake_never_equals_its_input():
    """No row keeps its own value, even when the pick collides with the input."""
    d = digest("seed")
    first = fakes.first_name(d, 40)
    out = fakes.generate("first_name", [d, d], [first, first.upper()], 40)
    assert out[0] != first and out[1].lower() != first.lower()
    assert out[0] == out[1]


def test_unique_emails_do_not_collide():
    """F04: 50,000 distinct inputs give 50,000 distinct fake emails, at reserved domains."""
    outs = fakes.generate("email", [digest(f"user{i}@corp.test") for i in range(50_000)],
                          [None] * 50_000, 80)
    assert len(set(outs)) == 50_000
    assert all(o.rsplit("@", 1)[1] in fakes.SAFE_EMAIL_DOMAINS for o in outs)


def test_none_stays_none():
    assert fakes.generate("city", [None, digest("a")], [None, "Paris"], 40)[0] is None


def test_pools_are_sorted_and_deduplicated():
    for name in ("first_name", "last_name", "street_suffix"):
        words = fakes.pool(name)
        assert list(words) == sorted(set(words)) and len(words) > 20
