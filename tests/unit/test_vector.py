"""The vectorized engine: permutations are bijections with no fixed point, keep the shape,
and give a value the same output whatever batch it arrives in; fakes equal the scalar ones;
values that would land on a raw value of their class are re-masked, one to one."""

import hashlib
import itertools

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from understudy import fakes, udfs
from understudy.keys import MaskingKey
from understudy.vector import Prf, TextPermuter, luhn_digits

KEY = MaskingKey(raw=b"unit-test-key-0123456789abcdef", source="test")


@pytest.fixture(scope="module")
def text():
    return TextPermuter(Prf(KEY.subkey("permutation")))


def _mask(text, values, tweak=b"t", letters=True, inverse=False):
    out, handled = text.chars(pa.array(values, pa.string()), tweak, letters, inverse)
    return out.to_pylist(), handled


def test_three_digit_codes_are_permuted_with_no_fixed_point(text):
    codes = [f"{i:03d}" for i in range(1000)]
    out, handled = _mask(text, codes)
    assert handled.all()
    assert sorted(out) == codes  # a permutation of the same set: one to one
    assert all(a != b for a, b in zip(codes, out))  # no value keeps itself


def test_shape_is_kept_and_inverse_undoes_it(text):
    values = ["900-55-0001", "+1 (555) 010-0199", "AB12cd", "K1A 0B1", "x", "---", "", None, "Zz-99"]
    out, _ = _mask(text, values)
    for v, m in zip(values, out):
        if v is None:
            assert m is None
            continue
        assert len(m) == len(v)
        for a, b in zip(v, m):
            kind = lambda c: "d" if c.isdigit() else "l" if c.islower() else "u" if c.isupper() else c  # noqa: E731
            assert kind(a) == kind(b)
    back, _ = _mask(text, out, inverse=True)
    assert back == values


def test_a_value_gets_the_same_output_in_any_batch(text):
    alone, _ = _mask(text, ["555-0142"])
    mixed, _ = _mask(text, ["AB-1", None, "555-0142", "x9", "555-0142", "000000000000000000000"])
    assert mixed[2] == mixed[4] == alone[0]


def test_separators_do_not_change_the_digits(text):
    out, _ = _mask(text, ["555-0142", "555 0142", "(555)0142"])
    digits = ["".join(c for c in v if c.isdigit()) for v in out]
    assert digits[0] == digits[1] == digits[2]


def test_long_and_non_ascii_values_are_left_to_the_scalar_path(text):
    _, handled = _mask(text, ["Ibáñez 12", "9" * 40, "12"])
    assert handled.tolist() == [False, False, True]


def test_integers_are_permuted_within_their_width_keeping_the_sign():
    prf = Prf(KEY.subkey("integer"))
    values = pa.array(list(range(-128, 128)), pa.int64())
    out = prf.integer(values, 8, b"d").to_pylist()
    assert sorted(out) == list(range(-128, 128))
    assert all((a < 0) == (b < 0) and a != b for a, b in zip(range(-128, 128), out))
    with_null = prf.integer(pa.array([5, None, -5], pa.int64()), 8, b"d").to_pylist()
    assert with_null[1] is None and with_null[0] == out[5 + 128] and with_null[2] == out[-5 + 128]


def test_luhn_digits():
    payload = np.array([[int(c) for c in "400012345678901"]], np.uint8)
    assert luhn_digits(payload).tolist() == [7]


@pytest.mark.parametrize("maxlen", [255, 60, 30, 12, 6])
def test_vectorized_fakes_equal_the_scalar_ones(maxlen):
    digests = [hashlib.sha256(str(i).encode()).hexdigest()[:32] for i in range(3000)]
    # Some originals equal to what the first pick gives, so that the retry path runs too.
    originals = [fakes.first_name(d, 255) if i % 7 == 0 else f"Orig{i}" for i, d in enumerate(digests)]
    originals[3] = None
    for kind in fakes.GENERATORS:
        try:
            want = fakes.generate(kind, digests, originals, maxlen)
        except fakes.DoesNotFit:
            with pytest.raises(fakes.DoesNotFit):
                fakes.generate_batch(kind, pa.array(digests), pa.array(originals), maxlen)
            continue
        got = fakes.generate_batch(kind, pa.array(digests), pa.array(originals), maxlen).to_pylist()
        assert got == want, kind


def test_fingerprints_match_duckdb():
    values = ["Ana@Example.com ", "  x", "ÉCOLE", "", "a b"]
    con = duckdb.connect()
    want = [con.execute("select md5_number_lower(lower(trim(?)))", [v]).fetchone()[0] for v in values]
    assert udfs._fingerprints(values).tolist() == want


def test_fingerprint_set_membership():
    rng = np.random.default_rng(1)
    members = rng.integers(0, 2**63, 50_000, dtype=np.uint64)
    others = rng.integers(0, 2**63, 50_000, dtype=np.uint64)
    fp = udfs.Fingerprints(members)
    assert fp.contains(members).all()
    assert fp.contains(others).sum() == len(np.intersect1d(members, others))


@pytest.fixture()
def dense_prod(tmp_path):
    """300 three-digit codes: without re-masking, a permutation of the 1,000 codes sends
    about 90 of them onto another raw code."""
    path = tmp_path / "prod.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema s")
    con.execute("create table s.t as select lpad(((i * 7) % 1000)::varchar, 3, '0') as code, "
                "'999999' || lpad(((i * 13) % 1000)::varchar, 3, '0') || '0000' || (i % 10) as card "
                "from range(300) r(i)")
    con.close()
    return path


def _avoid_sql(kind, expr, column, params):
    raw = f"select lower(trim({column})) as v from prod.s.t"
    return (f"us_avoid('{kind}', m, md5_number_lower(lower(trim(m))), {column}, 'dom', '{params}', "
            f"'{raw}', 'shop.t.{column}')", expr)


def test_masked_codes_never_equal_a_raw_code_and_stay_one_to_one(dense_prod):
    con = duckdb.connect()
    con.execute(f"attach '{dense_prod}' as prod (read_only)")
    udfs.register_functions(con, KEY, None, str(dense_prod))
    udfs.configure_cursor(con)
    first = con.execute("select count(*) from prod.s.t where us_fpe_text(code, 'dom', true, 'l') in "
                        "(select code from prod.s.t)").fetchone()[0]
    assert first > 50  # the fault: a plain permutation lands on other rows' raw codes
    avoid, _ = _avoid_sql("fpe", None, "code", '{"letters": true}')
    rows = con.execute(f"select code, {avoid} from (select code, us_fpe_text(code, 'dom', true, 'l') as m "
                       "from prod.s.t)").fetchall()
    raw = {r[0] for r in rows}
    out = [r[1] for r in rows]
    assert len(set(out)) == len(out) == 300
    assert not raw & set(out)
    assert all(len(o) == 3 and o.isdigit() for o in out)
    # Deterministic: the same again, in another order.
    again = dict(con.execute(f"select code, {avoid} from (select code, us_fpe_text(code, 'dom', true, 'l') as m "
                             "from prod.s.t order by code desc)").fetchall())
    assert again == dict(rows)


def test_masked_cards_never_equal_a_raw_card(dense_prod):
    con = duckdb.connect()
    con.execute(f"attach '{dense_prod}' as prod (read_only)")
    udfs.register_functions(con, KEY, None, str(dense_prod))
    udfs.configure_cursor(con)
    avoid, _ = _avoid_sql("card", None, "card", '{"iin": "999999"}')
    rows = con.execute(f"select card, {avoid} from (select card, us_card(card, 'dom', '999999', 'l') as m "
                       "from prod.s.t)").fetchall()
    raw = {r[0] for r in rows}
    assert not raw & {r[1] for r in rows}


def test_a_full_output_space_stops_with_the_column_name(tmp_path):
    path = tmp_path / "p.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema s")
    con.execute("create table s.t as select i::varchar as code from range(10) r(i)")  # every 1-digit code
    con.close()
    con = duckdb.connect()
    con.execute(f"attach '{path}' as prod (read_only)")
    udfs.register_functions(con, KEY, None, str(path))
    udfs.configure_cursor(con)
    avoid, _ = _avoid_sql("fpe", None, "code", '{"letters": true}')
    with pytest.raises(duckdb.Error, match="shop.t.code: could not find a masked value"):
        con.execute(f"select {avoid} from (select code, us_fpe_text(code, 'dom', true, 'l') as m from prod.s.t)").fetchall()


def test_every_batch_boundary_gives_the_same_answer(text):
    """Values spread over DuckDB's 2,048-row batches get the outputs they get alone."""
    values = [f"{i:09d}" for i in itertools.islice(range(0, 10**9, 99991), 5000)]
    con = duckdb.connect(config={"threads": 4})
    udfs.register_functions(con, KEY)
    udfs.configure_cursor(con)
    con.execute("create table v as select unnest(?) as x", [values])
    got = dict(con.execute("select x, us_fpe_text(x, 'd', true, 'l') from v").fetchall())
    alone = {v: con.execute("select us_fpe_text(?, 'd', true, 'l')", [v]).fetchone()[0] for v in values[:50]}
    assert all(got[v] == alone[v] for v in alone)
