"""The DuckDB side: keyed digests, NULL/empty handling, determinism across threads, registration."""

import hashlib
import hmac

import duckdb
import pytest

from understudy import udfs
from understudy.keys import MaskingKey

KEY = MaskingKey(raw=b"unit-test-key-0123456789abcdef", source="test")


@pytest.fixture()
def con():
    c = duckdb.connect()
    udfs.register_functions(c, KEY)
    udfs.configure_cursor(c)
    yield c
    c.close()


def test_sql_digest_is_aes_of_sha256_under_the_domain_key(con):
    """The keyed digest is AES-128 (key: HMAC of the token subkey and the domain) of the
    value's SHA-256, computed in Python: no key material is needed in SQL."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    got = con.execute("select us_digest('email', 'a@b.test')").fetchone()[0]
    sub = hmac.new(KEY.subkey("token"), b"aes|email", hashlib.sha256).digest()[:16]
    enc = Cipher(algorithms.AES(sub), modes.ECB()).encryptor()
    want = (enc.update(hashlib.sha256(b"a@b.test").digest()[:16]) + enc.finalize()).hex()
    assert got == want
    assert con.execute("select us_h64('email', 'a@b.test')").fetchone()[0] == int(want[:16], 16)


def test_no_unkeyed_hash_is_offered(con):
    """F30: the digest is not an unkeyed hash of the value (a dictionary would reverse it)."""
    got = con.execute("select us_digest('ssn', '900-55-0001')").fetchone()[0]
    plain = hashlib.sha256(b"900-55-0001").hexdigest()
    assert got not in {plain, plain[:32], hashlib.md5(b"900-55-0001").hexdigest()}
    other = udfs.Masker(MaskingKey(raw=b"another-unit-test-key-0123456789", source="t"))
    import pyarrow as pa
    sha = pa.array([plain])
    assert other.digest_hex(pa.array(["ssn"]), sha)[0].as_py() != got


@pytest.mark.parametrize("expr", [
    "us_fake('email', NULL, 'email', 60, 'l')",
    "us_fake('last_name', NULL, 'last_name', 20, 'l')",
    "us_fpe_text(NULL, 'phone', false, 'l')",
    "us_token_int(NULL, 32, 'd', 'l')",
    "us_card(NULL, 'card', '999999', 'l')",
    "us_fpe_digits_int(NULL, 64, 'd', 'l')",
])
def test_null_in_null_out(con, expr):
    """F01."""
    assert con.execute(f"select {expr}").fetchone()[0] is None


def test_empty_string_stays_empty_and_blanks_share_nothing(con):
    """F02: '' stays ''; a real value next to blanks gets its own output."""
    rows = con.execute(
        "select us_fpe_text(v, 'phone', false, 'l'), us_fake('last_name', v, 'last_name', 20, 'l') "
        "from (values (''), (''), ('555-0142')) t(v)"
    ).fetchall()
    assert rows[0] == ("", "") and rows[1] == ("", "")
    assert rows[2][0] not in ("", "555-0142") and rows[2][1] != ""


@pytest.mark.parametrize("value", ["O", "Ng", "Ibáñez-Cruz", "---", "Łukasiewicz", "李"])
def test_non_null_in_non_null_out(con, value):
    """F03: one-character, punctuation-only and non-ASCII names are masked, not nulled."""
    fake = con.execute("select us_fake('last_name', ?, 'last_name', 20, 'l')", [value]).fetchone()[0]
    assert fake and fake != value


def test_email_case_variants_share_one_pseudonym(con):
    """F21 and F07: normalized before keying, and keyed by domain, not by table."""
    a, b = con.execute(
        "select us_fake('email', 'Ana.Ruiz@Example.TEST', 'email', 60, 't1.c'), "
        "us_fake('email', ' ana.ruiz@example.test', 'email', 60, 't2.c')"
    ).fetchone()
    assert a == b


def test_card_numbers_keep_length_separators_luhn_and_test_range(con):
    """F24."""
    from understudy.fpe import luhn_valid

    for raw in ["4000123456789017", "4000 1234 5678 9025", "5500-0000-0000-0004"]:
        out = con.execute("select us_card(?, 'card', '999999', 'l')", [raw]).fetchone()[0]
        digits = "".join(c for c in out if c.isdigit())
        assert len(out) == len(raw) and [c for c in out if not c.isdigit()] == [c for c in raw if not c.isdigit()]
        assert digits.startswith("999999") and luhn_valid(digits)


def test_unparseable_card_stops_with_the_column_name(con):
    with pytest.raises(duckdb.Error, match="shop.people.card"):
        con.execute("select us_card('12-34', 'card', '999999', 'shop.people.card')").fetchall()


def test_date_shift_offsets_are_never_zero_and_bounded(con):
    lo, hi, zeros = con.execute(
        "select min(o), max(o), count(*) filter (where o = 0) from "
        "(select us_shift_days('d', i, 5) as o from range(20000) t(i))"
    ).fetchone()
    assert (lo, hi, zeros) == (-5, 5, 0)


def test_outputs_do_not_depend_on_threads():
    """Same input, same output, with 1 or 4 DuckDB threads (no shared random state)."""
    query = (
        "select sum(hash(us_fake('full_name', 'p' || i, 'full_name', 40, 'l'), "
        "us_fpe_text('555-' || i, 'phone', false, 'l'), us_token_int(i, 32, 'd', 'l'))) "
        "from range(60000) t(i)"
    )
    results = []
    for threads in (1, 4):
        c = duckdb.connect(config={"threads": threads})
        udfs.register_functions(c, KEY)
        udfs.configure_cursor(c)
        results.append(c.execute(query).fetchone()[0])
        c.close()
    assert results[0] == results[1]


def test_registering_twice_is_harmless(con):
    udfs.register_functions(con, KEY)
    udfs.configure_cursor(con.cursor())
    assert con.execute("select us_token_int(1, 32, 'd', 'l')").fetchone()[0] is not None


def test_no_sql_can_read_key_material(con):
    """The key and its subkeys live in UDF closures only: no variable, setting or macro text
    holds them."""
    assert con.execute("select count(*) from duckdb_variables()").fetchone()[0] == 0
    texts = " ".join(str(r) for r in con.execute("select * from duckdb_functions() where function_name like 'us_%'").fetchall())
    for secret in (KEY.raw, KEY.subkey("token"), KEY.subkey("permutation"), KEY.subkey("integer")):
        assert secret.hex() not in texts and secret.decode("latin-1") not in texts


def test_other_scripts_digits_and_letters_are_masked(con):
    """Phone letters and non-ASCII digits are permuted, not kept."""
    out = con.execute("select us_fpe_text('+33 ٦١٢ ٣٤٥ 678', 'phone', true, 'l'), us_fpe_text('555-CALL-ANA', 'phone', true, 'l')").fetchone()
    assert out[0][4:7] != "٦١٢" and len(out[0]) == len("+33 ٦١٢ ٣٤٥ 678")
    assert "CALL" not in out[1] and "ANA" not in out[1]


def test_unpermutable_letter_stops_with_the_column_name_not_the_value(con):
    with pytest.raises(duckdb.Error, match="shop.p.code: a value has a letter") as err:
        con.execute("select us_fpe_text('李四', 'd', true, 'shop.p.code')").fetchall()
    assert "李四" not in str(err.value)


def test_blank_values_stay_blank(con):
    """F02: blank-only values carry nothing and share no fake."""
    rows = con.execute("select us_fake('first_name', v, 'first_name', 20, 'l') from (values (' '), ('   '), ('\t')) t(v)").fetchall()
    assert [r[0] for r in rows] == [" ", "   ", "\t"]
