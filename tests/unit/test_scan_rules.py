"""The scanner's rules end to end on small DuckDB files: names, values, keys and plug-ins.

Each test builds a tiny database in tmp_path and scans it with `Scanner(ROOT).scan(path)`, or
asks the name dictionary and the rules directly. No dbt is involved.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb
import pytest

from understudy.project import project_root
from understudy.scan import classify, names
from understudy.scan.plugins import load_classifiers
from understudy.scan.scanner import QUASI_CLASSES, ColumnResult, Scanner, load_catalog
from understudy.scan.types import ColumnProfile, Finding, TableContext, shape

ROOT = project_root()
CATALOG = load_catalog(ROOT)
CLASSES = set(CATALOG["classes"])
METHODS = CATALOG["methods"]


# --------------------------------------------------------------------------- helpers


def build(tmp_path: Path, ddl: str, rows: dict[str, list[tuple]] | None = None,
          name: str = "prod.duckdb") -> Path:
    """A DuckDB file made of `ddl`, then `rows` inserted per `schema.table`."""
    path = tmp_path / name
    with duckdb.connect(str(path)) as con:
        con.execute(ddl)
        for table, data in (rows or {}).items():
            if data:
                marks = ", ".join("?" for _ in data[0])
                con.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
    return path


def scan(path: Path, scanner: Scanner | None = None, **kwargs) -> dict[tuple[str, str], ColumnResult]:
    """Scan `path`; results by (table, column)."""
    result = (scanner or Scanner(ROOT)).scan(path, **kwargs)
    out = {(c.profile.table, c.profile.name): c for c in result.columns()}
    for c in out.values():
        assert c.cls in CLASSES, f"{c.label}: class {c.cls!r} is not in the catalog"
        assert c.tag["class"] == c.cls
    return out


def luhn_complete(body: str) -> str:
    """`body` followed by its Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def card_numbers(n: int, seed: int = 7) -> list[str]:
    """`n` distinct Luhn-valid 16-digit Visa numbers."""
    rnd = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        number = luhn_complete("4539" + "".join(str(rnd.randint(0, 9)) for _ in range(11)))
        if number not in out:
            out.append(number)
    return out


def german_iban(account: int) -> str:
    bban = f"37040044{account:010d}"
    check = 98 - int(bban + "131400") % 97      # D=13, E=14, then "00"
    return f"DE{check:02d}{bban}"


def profile(name: str, sample: list[str], data_type: str = "VARCHAR", *, table: str = "records",
            rows: int | None = None, nulls: int = 0, unique: bool | None = None,
            primary_key: bool = False) -> ColumnProfile:
    non_null = [v for v in sample if v is not None]
    rows = len(sample) if rows is None else rows
    distinct = len(set(non_null))
    shapes: dict[str, int] = {}
    for v in non_null:
        shapes[shape(v)] = shapes.get(shape(v), 0) + 1
    return ColumnProfile(
        schema="s", table=table, name=name, data_type=data_type, position=1, rows=rows,
        nulls=nulls, distinct=distinct,
        unique=(distinct == len(non_null) and len(non_null) > 1) if unique is None else unique,
        sample=non_null, shapes=sorted(shapes.items(), key=lambda kv: -kv[1])[:5],
        primary_key=primary_key,
    )


def decide(col: ColumnProfile, *others: ColumnProfile) -> classify.Verdict:
    ctx = TableContext(col.schema, col.table, col.rows, [col, *others])
    return classify.classify_column(col, ctx, person_table=classify.person_signal(ctx),
                                    company_table=classify.company_signal(ctx))


FIRST = ["Michael", "Shawn", "Kathleen", "Jimmy", "Katherine", "Sarah", "Martin", "Frank",
         "Jennifer", "Henry", "Olivia", "Thomas"]
LAST = ["Garcia", "Miller", "Dubois", "Smith", "Rossi", "Fernandez", "Schmidt", "Martin",
        "Lopez", "Bernard", "Jones", "Weber"]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("name,tokens", [
    ("firstName", ("first", "name")),
    ("HomePhoneNumber", ("home", "phone", "number")),
    ("EMAIL_ADDRESS", ("email", "address")),
    ('"E-Mail Address"', ("e", "mail", "address")),
    ("Date of Birth!", ("date", "of", "birth")),
    ("Prénom", ("prenom",)),
    ("Straße", ("strasse",)),
    ("Teléfono", ("telefono",)),
    ("Código_Postal", ("codigo", "postal")),
    ("  `zip.code`  ", ("zip", "code")),
])
def test_names_are_normalized_before_matching(name, tokens):
    assert names.tokens(name) == tokens


@pytest.mark.parametrize("name,cls", [
    # camelCase, quoting, punctuation, capitals
    ("firstName", "first_name"),
    ("LastName", "last_name"),
    ("customerEmail", "email"),
    ("HomePhoneNumber", "phone"),
    ('"E-Mail Address"', "email"),
    ("Date of Birth!", "date_of_birth"),
    ("EMAIL", "email"),
    ("LAST_NAME", "last_name"),
    ("POSTAL CODE", "postcode"),
    # accents
    ("Prénom", "first_name"),
    ("Straße", "street_address"),
    ("Teléfono", "phone"),
    ("Código_Postal", "postcode"),
    ("Correo electrónico", "email"),
    # French, German, Spanish
    ("courriel", "email"),
    ("nom_de_famille", "last_name"),
    ("ville", "city"),
    ("code_postal", "postcode"),
    ("date_de_naissance", "date_of_birth"),
    ("vorname", "first_name"),
    ("nachname", "last_name"),
    ("geburtsdatum", "date_of_birth"),
    ("PLZ", "postcode"),
    ("Stadt", "city"),
    ("fecha_nacimiento", "date_of_birth"),
    ("telefono", "phone"),
    ("ciudad", "city"),
    ("apellido", "last_name"),
    # abbreviations
    ("fname", "first_name"),
    ("lname", "last_name"),
    ("dob", "date_of_birth"),
    ("ssn", "national_id"),
    ("msisdn", "phone"),
    ("tel", "phone"),
])
def test_name_points_to_its_class(name, cls):
    found = names.match(name)
    assert found, f"{name!r} matched nothing"
    best = found[0]
    assert best.cls == cls, f"{name!r}: best match {best}"
    assert not best.modified
    assert best.score >= 0.9


@pytest.mark.parametrize("name,cls", [
    ("email_verified", "email"),
    ("phone_type", "phone"),
    ("zip_count", "postcode"),
    ("emailVerified", "email"),
])
def test_a_modifier_turns_the_name_into_a_weak_hint(name, cls):
    found = {m.cls: m for m in names.match(name)}
    assert found[cls].modified
    assert found[cls].score < 0.75


def test_modified_names_are_not_classified_as_the_value(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA app;
        CREATE TABLE app.signups (signup_id INTEGER, email_verified BOOLEAN, "emailVerified" BOOLEAN,
                                  phone_type VARCHAR, zip_count INTEGER);
    """, {"app.signups": [(i, i % 2 == 0, i % 3 == 0, ["mobile", "home", "work"][i % 3], i % 4)
                          for i in range(30)]})
    got = scan(path)
    for column in ("email_verified", "emailVerified"):
        c = got["signups", column]
        assert (c.cls, c.method) == ("public", "keep"), c.as_dict()
        assert c.tag == {"class": "public"}
    assert got["signups", "phone_type"].cls != "phone"
    assert got["signups", "phone_type"].method == "keep"
    assert got["signups", "zip_count"].cls != "postcode"


def test_accented_and_foreign_column_names_in_a_database(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA eu;
        CREATE TABLE eu.kunden ("Prénom" VARCHAR, nachname VARCHAR, "Straße" VARCHAR, "Teléfono" VARCHAR,
                                "Código_Postal" VARCHAR, "E-Mail Address" VARCHAR, "Date of Birth!" DATE,
                                ciudad VARCHAR, PLZ VARCHAR, courriel VARCHAR);
    """, {"eu.kunden": [(
        ["Chloé", "Émile", "Inès", "Jürgen", "Lucía", "Zoé"][i % 6],
        ["Müller", "García", "Lefèvre", "Schmidt", "Fernández", "Weber"][i % 6],
        f"Hauptstraße {i + 1}",
        f"+34 612 345 {i:03d}",
        f"{28000 + i:05d}",
        f"k{i}@example.test",
        f"19{60 + i}-0{1 + i % 9}-1{i % 9}",
        ["Sevilla", "Málaga", "Córdoba"][i % 3],
        f"{10115 + i:05d}",
        f"c{i}@example.test",
    ) for i in range(30)]})
    got = scan(path)
    expected = {
        "Prénom": ("first_name", "fake_first_name"),
        "nachname": ("last_name", "fake_last_name"),
        "Straße": ("street_address", "fake_street_address"),
        "Teléfono": ("phone", "format_preserving"),
        "Código_Postal": ("postcode", "format_preserving"),
        "E-Mail Address": ("email", "fake_email"),
        "Date of Birth!": ("date_of_birth", "date_shift"),
        "ciudad": ("city", "fake_city"),
        "PLZ": ("postcode", "format_preserving"),
        "courriel": ("email", "fake_email"),
    }
    for column, (cls, method) in expected.items():
        c = got["kunden", column]
        assert (c.cls, c.method) == (cls, method), c.as_dict()
        assert c.confidence >= 0.7, c.as_dict()
    # Values confirmed the names: higher confidence than the name alone.
    assert got["kunden", "Teléfono"].confidence >= 0.9
    assert got["kunden", "Prénom"].confidence >= 0.9
    assert got["kunden", "E-Mail Address"].tag == {"class": "email", "unique": True}


# --------------------------------------------------------------------------- values without a name


def test_values_decide_when_the_name_says_nothing(tmp_path):
    cards = card_numbers(40)
    rnd = random.Random(3)
    uuids = ["%08x-%04x-4%03x-a%03x-%012x" % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(12),
                                              rnd.getrandbits(12), rnd.getrandbits(48)) for _ in range(40)]
    data = [(
        f"person.{i}@example.test",
        cards[i],
        german_iban(532013000 + i),
        f"10.{i}.{(i * 7) % 256}.{(i * 13) % 250 + 1}",
        uuids[i],
        json.dumps({"order": i, "items": [{"sku": "A1", "qty": i % 3 + 1}], "gift": i % 2 == 0}),
        f"Customer asked us to write to reply{i}@example.test about the late delivery",
    ) for i in range(40)]
    path = build(tmp_path, """
        CREATE SCHEMA misc;
        CREATE TABLE misc.blob (c1 VARCHAR, attr_7 VARCHAR, c3 VARCHAR, c4 VARCHAR, c5 VARCHAR,
                                c6 VARCHAR, c7 VARCHAR);
    """, {"misc.blob": data})
    got = scan(path)
    expected = {
        "c1": ("email", "fake_email"),
        "c3": ("bank_account", "format_preserving"),
        "c4": ("ip_address", None),
        "c5": ("identifier", "tokenize"),
        "c6": ("json", "redact"),
        "c7": ("free_text", "redact"),
    }
    for column, (cls, method) in expected.items():
        c = got["blob", column]
        assert c.cls == cls, c.as_dict()
        if method:
            assert c.method == method, c.as_dict()
        assert c.confidence >= 0.8, c.as_dict()
    card = got["blob", "attr_7"]
    assert card.cls == "card_number", card.as_dict()
    assert card.confidence >= 0.8
    assert "card numbers" in "; ".join(card.evidence)
    # Every card number differs, so the method must keep distinct values distinct.
    assert METHODS[card.method]["unique"] and METHODS[card.method]["masks"]
    # Unique personal columns say so in their tag.
    assert got["blob", "c1"].tag.get("unique") is True
    assert got["blob", "c6"].tag == {"class": "json"}


def test_uuid_and_json_typed_columns(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA ev;
        CREATE TABLE ev.events (c_1 UUID, payload JSON, kind VARCHAR);
        INSERT INTO ev.events SELECT uuid(), ('{"k": ' || i || ', "tags": ["a", "b"]}')::JSON, 'click'
        FROM range(20) t(i);
    """)
    got = scan(path)
    assert (got["events", "c_1"].cls, got["events", "c_1"].method) == ("identifier", "tokenize")
    assert (got["events", "payload"].cls, got["events", "payload"].method) == ("json", "redact")
    assert got["events", "kind"].cls == "public"


def test_luhn_invalid_digits_are_not_card_numbers(tmp_path):
    valid = card_numbers(30)
    broken = [v[:-1] + str((int(v[-1]) + 1) % 10) for v in valid]
    path = build(tmp_path, "CREATE SCHEMA m; CREATE TABLE m.t (attr_1 VARCHAR, attr_2 VARCHAR);",
                 {"m.t": list(zip(valid, broken))})
    got = scan(path)
    assert got["t", "attr_1"].cls == "card_number"
    assert got["t", "attr_2"].cls != "card_number"


# --------------------------------------------------------------------------- tricky columns


def test_all_caps_and_accented_person_names(tmp_path):
    full = ["CHLOÉ LEFÈVRE", "JÜRGEN MÜLLER", "LUCÍA GARCÍA", "ÉMILE DUBOIS", "INÈS MARTIN",
            "ZOÉ BERNARD", "THOMAS WEBER"]
    path = build(tmp_path, "CREATE SCHEMA crm; CREATE TABLE crm.t (c1 VARCHAR, c2 VARCHAR, c3 VARCHAR, c4 VARCHAR);",
                 {"crm.t": [(full[i % 7], full[i % 7].title(), FIRST[i % 12].upper(),
                             ["Chloé", "Émile", "Inès", "Jürgen", "Lucía", "Zoé", "Agnès"][i % 7])
                            for i in range(35)]})
    got = scan(path)
    assert got["t", "c1"].cls == "full_name", got["t", "c1"].as_dict()
    assert got["t", "c2"].cls == "full_name", got["t", "c2"].as_dict()
    assert got["t", "c3"].cls == "first_name", got["t", "c3"].as_dict()
    assert got["t", "c4"].cls == "first_name", got["t", "c4"].as_dict()
    for column in ("c1", "c2", "c3", "c4"):
        assert got["t", column].method == CATALOG["classes"][got["t", column].cls]["method"]


def test_personal_data_stored_as_numbers(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA telco;
        CREATE TABLE telco.lines (line_id INTEGER, ssn BIGINT, msisdn BIGINT, phone BIGINT, ssn_int INTEGER);
    """, {"telco.lines": [(i, 100_000_007 + i * 12_345, 33_612_345_000 + i * 97, 4_915_123_456_000 + i * 7,
                           200_000_000 + i * 31) for i in range(30)]})
    got = scan(path)
    for column in ("ssn", "ssn_int"):
        c = got["lines", column]
        assert c.cls == "national_id", c.as_dict()
        assert c.method == "format_preserving"
        assert c.confidence >= 0.7
    for column in ("msisdn", "phone"):
        c = got["lines", column]
        assert c.cls == "phone", c.as_dict()
        assert c.method == "format_preserving"
        assert c.confidence >= 0.9       # the digits confirm the name
        assert "stored as numbers" in "; ".join(c.evidence)


def test_phone_numbers_written_in_scientific_notation(tmp_path):
    # What a spreadsheet export does to a phone number held in a float.
    numbers = [4_915_123_456_000 + i * 7 for i in range(30)]
    path = build(tmp_path, "CREATE SCHEMA crm; CREATE TABLE crm.imports (phone VARCHAR);",
                 {"crm.imports": [(f"{n:.12E}",) for n in numbers]})
    assert "E+12" in f"{numbers[0]:.12E}"
    c = scan(path)["imports", "phone"]
    assert c.cls == "phone", c.as_dict()
    assert c.method == "format_preserving"
    assert c.confidence >= 0.9, "the digits behind the notation should confirm the name"


def test_empty_strings_and_nulls_leave_only_the_name(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA crm;
        CREATE TABLE crm.leads (lead_id INTEGER, email VARCHAR, fax VARCHAR);
    """, {"crm.leads": [(i, "", None) for i in range(20)]})
    got = scan(path)
    email = got["leads", "email"]
    assert (email.cls, email.method) == ("email", "fake_email")
    assert email.confidence < 0.7, "with no values to confirm it the name alone must stay unsure"
    fax = got["leads", "fax"]
    assert (fax.cls, fax.method) == ("phone", "format_preserving")
    assert fax.confidence < 0.7
    assert "NULL" in "; ".join(fax.evidence)
    assert fax.profile.nulls == fax.profile.rows == 20


def test_dates_by_name_and_by_table(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA ops;
        CREATE TABLE ops.members_raw (member_ref INTEGER, birth_date DATE);
        INSERT INTO ops.members_raw SELECT i, DATE '1950-01-01' + (i * 613)::INTEGER FROM range(30) t(i);
        CREATE TABLE ops.deliveries (delivery_id INTEGER, customer_id INTEGER, shipped_on DATE);
        INSERT INTO ops.deliveries SELECT i, i % 7, DATE '2023-01-01' + i::INTEGER FROM range(30) t(i);
        CREATE TABLE ops.sensor_log (reading_id INTEGER, taken_on DATE, reading DOUBLE);
        INSERT INTO ops.sensor_log SELECT i, DATE '2023-01-01' + i::INTEGER, i * 1.5 FROM range(30) t(i);
    """)
    got = scan(path)
    dob = got["members_raw", "birth_date"]
    assert (dob.cls, dob.method) == ("date_of_birth", "date_shift")
    assert dob.confidence >= 0.9
    event = got["deliveries", "shipped_on"]
    assert (event.cls, event.method) == ("event_date", "date_shift")
    plain = got["sensor_log", "taken_on"]
    assert (plain.cls, plain.method) == ("public", "keep")


def test_a_column_with_no_evidence_is_unsure():
    """classify.py: 'A column with no evidence is `public` with a low confidence: it is listed
    as unsure, the optional plug-ins are asked about it, and a human reviews it.'"""
    codes = ["QX-4821-Z", "BR-1177-K", "ZT-9034-A", "MP-5512-Q"]
    col = profile("ref_code", [codes[i % 4] for i in range(40)], table="tickets")
    verdict = decide(col, profile("ticket_id", [str(i) for i in range(40)], "INTEGER", table="tickets"))
    assert verdict.cls == "public"
    assert not verdict.confident, f"no evidence, yet confidence {verdict.confidence} counts as confident"


# --------------------------------------------------------------------------- structure


def test_declared_primary_key_is_a_tokenized_identifier(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA cat;
        CREATE TABLE cat.widgets (sku VARCHAR PRIMARY KEY, label VARCHAR);
        INSERT INTO cat.widgets SELECT 'W' || lpad(i::VARCHAR, 5, '0'), 'widget' FROM range(20) t(i);
        CREATE TABLE cat.bins (n INTEGER PRIMARY KEY, colour VARCHAR);
        INSERT INTO cat.bins SELECT i, 'red' FROM range(20) t(i);
    """)
    got = scan(path)
    for key in (("widgets", "sku"), ("bins", "n")):
        c = got[key]
        assert c.profile.primary_key
        assert (c.cls, c.method) == ("identifier", "tokenize"), c.as_dict()
        assert c.tag == {"class": "identifier"}
        assert "primary key" in "; ".join(c.evidence)


def test_unique_email_is_tagged_unique_and_a_repeating_one_is_not(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA crm;
        CREATE TABLE crm.accounts (account_id INTEGER, email VARCHAR);
        INSERT INTO crm.accounts SELECT i, 'user' || i || '@example.test' FROM range(20) t(i);
        CREATE TABLE crm.logins (login_id INTEGER, email VARCHAR);
        INSERT INTO crm.logins SELECT i, 'user' || (i % 5) || '@example.test' FROM range(20) t(i);
    """)
    got = scan(path)
    unique = got["accounts", "email"]
    assert unique.cls == "email" and unique.profile.unique
    assert unique.tag == {"class": "email", "unique": True}
    assert METHODS[unique.method]["unique"]
    repeated = got["logins", "email"]
    assert repeated.cls == "email" and not repeated.profile.unique
    assert "unique" not in repeated.tag


def test_composite_primary_key_parts_keep_uniqueness(tmp_path):
    cards = card_numbers(3)
    path = build(tmp_path, """
        CREATE SCHEMA school;
        CREATE TABLE school.enrolments (student_code VARCHAR, course_code VARCHAR, grade VARCHAR,
                                        PRIMARY KEY (student_code, course_code));
        INSERT INTO school.enrolments SELECT 'S' || (i // 4), 'C' || (i % 4), 'A' FROM range(40) t(i);
        CREATE TABLE school.wallet (card_number VARCHAR, seq INTEGER, PRIMARY KEY (card_number, seq));
        CREATE TABLE school.staff (first_name VARCHAR, last_name VARCHAR, PRIMARY KEY (first_name, last_name));
    """, {
        "school.wallet": [(cards[i % 3], i) for i in range(30)],
        "school.staff": [(FIRST[i % 12], LAST[(i // 12) % 12]) for i in range(36)],
    })
    got = scan(path)
    for table, key in (("enrolments", ("student_code", "course_code")),
                       ("wallet", ("card_number", "seq")),
                       ("staff", ("first_name", "last_name"))):
        for column in key:
            c = got[table, column]
            assert c.profile.primary_key, c.as_dict()
            assert c.method in METHODS, c.as_dict()
            assert METHODS[c.method]["unique"], f"{c.label}: {c.method} does not keep the key unique"
            if c.cls not in ("public", "quasi_identifier"):
                assert METHODS[c.method]["masks"]
            assert "composite key" in "; ".join(c.evidence)
    card = got["wallet", "card_number"]
    assert card.cls == "card_number"
    assert card.method != CATALOG["classes"]["card_number"]["method"]   # fake_card_number is not unique
    assert card.tag["method"] == card.method


def test_numeric_national_id_inside_a_composite_key_is_masked(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA ins;
        CREATE TABLE ins.policies (ssn BIGINT, policy_year INTEGER, premium DECIMAL(10, 2),
                                   PRIMARY KEY (ssn, policy_year));
        INSERT INTO ins.policies SELECT 100000007 + (i // 3) * 7919, 2020 + i % 3, 10.5 FROM range(30) t(i);
    """)
    c = scan(path)["policies", "ssn"]
    assert c.cls == "national_id", c.as_dict()
    assert METHODS[c.method]["masks"] and METHODS[c.method]["unique"], c.as_dict()


def test_declared_and_inferred_foreign_keys(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA shop;
        CREATE TABLE shop.customers (customer_id INTEGER PRIMARY KEY, email VARCHAR);
        INSERT INTO shop.customers SELECT i, 'c' || i || '@example.test' FROM range(1, 31) t(i);
        CREATE TABLE shop.invoices (invoice_id INTEGER PRIMARY KEY,
                                    buyer INTEGER REFERENCES shop.customers (customer_id));
        INSERT INTO shop.invoices SELECT i, (i % 30) + 1 FROM range(1, 41) t(i);
        CREATE TABLE shop.orders (order_id INTEGER, customer_id INTEGER, total DECIMAL(8, 2));
        INSERT INTO shop.orders SELECT i, (i % 30) + 1, i * 2.5 FROM range(1, 61) t(i);
        CREATE TABLE shop.returns (return_id INTEGER, customer_id INTEGER);
        INSERT INTO shop.returns SELECT i, i + 1000 FROM range(1, 21) t(i);
    """)
    got = scan(path)
    parent = got["customers", "customer_id"]
    assert parent.cls == "identifier"
    for key in (("invoices", "buyer"), ("orders", "customer_id")):
        c = got[key]
        assert c.profile.references == "shop.customers.customer_id", c.as_dict()
        assert c.tag["references"] == "shop.customers.customer_id"
        assert c.cls == parent.cls
        assert "method" not in c.tag
    assert sorted(parent.profile.referenced_by) == ["shop.invoices.buyer", "shop.orders.customer_id"]
    # Named like the parent's key, but its values are not the parent's.
    stray = got["returns", "customer_id"]
    assert stray.profile.references is None
    assert "references" not in stray.tag


def test_foreign_key_takes_the_class_of_a_personal_parent(tmp_path):
    cards = card_numbers(20)
    path = build(tmp_path, """
        CREATE SCHEMA pay;
        CREATE TABLE pay.cards (card_number VARCHAR PRIMARY KEY, holder VARCHAR);
        CREATE TABLE pay.charges (charge_id INTEGER PRIMARY KEY,
                                  card VARCHAR REFERENCES pay.cards (card_number), amount INTEGER);
    """, {
        "pay.cards": [(cards[i], f"{FIRST[i % 12]} {LAST[i % 12]}") for i in range(20)],
        "pay.charges": [(i, cards[i % 20], 100 * i) for i in range(40)],
    })
    got = scan(path)
    parent = got["cards", "card_number"]
    child = got["charges", "card"]
    assert child.tag["references"] == "pay.cards.card_number"
    assert child.cls == parent.cls == "card_number"


# --------------------------------------------------------------------------- quasi-identifiers


def test_quasi_identifiers_are_flagged(tmp_path):
    path = build(tmp_path, """
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (customer_id INTEGER PRIMARY KEY, email VARCHAR, gender VARCHAR,
                                    postcode VARCHAR, city VARCHAR, date_of_birth DATE, status VARCHAR);
        INSERT INTO crm.customers SELECT i, 'p' || i || '@example.test', CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
            lpad(((i * 7919) % 90000 + 10000)::VARCHAR, 5, '0'), (['Paris', 'Lyon', 'Berlin', 'Madrid', 'Porto'])[i % 5 + 1],
            DATE '1960-01-01' + (i * 411)::INTEGER, 'active'
        FROM range(1, 31) t(i);
    """)
    got = scan(path)
    expected = {"gender": "quasi_identifier", "postcode": "postcode", "city": "city",
                "date_of_birth": "date_of_birth"}
    for column, cls in expected.items():
        c = got["customers", column]
        assert c.cls == cls, c.as_dict()
        assert c.as_dict()["quasi_identifier"] is True, c.as_dict()
    for column in ("customer_id", "email", "status"):
        assert got["customers", column].as_dict()["quasi_identifier"] is False
    assert QUASI_CLASSES == {"quasi_identifier", "postcode", "date_of_birth", "city"}
    assert got["customers", "gender"].method == "keep"


# --------------------------------------------------------------------------- files


def _write_files(folder: Path, fmt: str) -> None:
    folder.mkdir(parents=True)
    options = "(HEADER)" if fmt == "csv" else "(FORMAT PARQUET)"
    with duckdb.connect() as con:
        con.execute("CREATE TABLE c AS SELECT i AS customer_id, 'p' || i || '@example.test' AS email, "
                    "(['Michael', 'Shawn', 'Kathleen', 'Jimmy', 'Sarah'])[i % 5 + 1] AS first_name "
                    "FROM range(1, 21) t(i)")
        con.execute("CREATE TABLE o AS SELECT i AS order_id, (i % 20) + 1 AS customer_id, "
                    "(['placed', 'shipped'])[i % 2 + 1] AS status FROM range(1, 41) t(i)")
        con.execute(f"COPY c TO '{folder / ('customers.' + fmt)}' {options}")
        con.execute(f"COPY o TO '{folder / ('orders.' + fmt)}' {options}")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_folder_of_files(tmp_path, fmt):
    _write_files(tmp_path / "exports" / "web-shop", fmt)
    for target in (tmp_path / "exports", tmp_path / "exports" / "web-shop"):
        result = Scanner(ROOT).scan(target)
        assert {t.context.schema for t in result.tables} == {"web_shop"}
        assert sorted(t.context.table for t in result.tables) == ["customers", "orders"]
        got = {(c.profile.table, c.profile.name): c for c in result.columns()}
        assert got["customers", "email"].cls == "email"
        assert got["customers", "email"].tag.get("unique") is True
        assert got["customers", "first_name"].cls == "first_name"
        assert (got["customers", "customer_id"].cls, got["customers", "customer_id"].method) == ("identifier", "tokenize")
        assert got["orders", "customer_id"].tag.get("references") == "web_shop.customers.customer_id"
        assert got["orders", "status"].cls == "public"


# --------------------------------------------------------------------------- plug-ins


class _SureOfEverything:
    """Says national_id with 0.99 about every column, but only when the rules are unsure."""

    name = "sure_of_everything"
    unsure_only = True

    def __init__(self) -> None:
        self.asked: list[str] = []

    def classify(self, column: ColumnProfile, table: TableContext) -> Finding | None:
        self.asked.append(column.label)
        return Finding("national_id", 0.99, "it is always sure", self.name)


class _Timid:
    """Asked about every column, and always less sure than the rules."""

    name = "timid"
    unsure_only = False

    def classify(self, column: ColumnProfile, table: TableContext) -> Finding | None:
        return Finding("street_address", 0.5, "a guess", self.name)


def _plugin_db(tmp_path: Path) -> Path:
    return build(tmp_path, """
        CREATE SCHEMA hr;
        CREATE TABLE hr.staff_list (employee_badge VARCHAR, work_mail VARCHAR, c9 VARCHAR);
        CREATE TABLE hr.old_badges (employee_badge VARCHAR);
    """, {
        "hr.staff_list": [(f"B-{1000 + i}", f"w{i}@corp.test",
                           f"the quarterly inventory count finished late on shelf {i}") for i in range(30)],
        "hr.old_badges": [(f"w{i}@corp.test",) for i in range(30)],
    })


def test_example_plugin_is_adopted_only_when_more_confident(tmp_path):
    path = _plugin_db(tmp_path)
    rules = scan(path)
    badge_rules = rules["staff_list", "employee_badge"]
    assert badge_rules.confidence < 0.9 and badge_rules.cls != "identifier"
    assert rules["old_badges", "employee_badge"].cls == "email"
    assert rules["old_badges", "employee_badge"].confidence >= 0.9

    scanner = Scanner(ROOT, classifiers=load_classifiers(["scan_plugin_example:BadgeClassifier"]))
    got = scan(path, scanner)
    badge = got["staff_list", "employee_badge"]
    assert (badge.cls, badge.confidence) == ("identifier", 0.9)
    assert badge.evidence[0] == "column named employee_badge"
    assert f"rules said {badge_rules.cls} ({badge_rules.confidence:.2f})" in badge.evidence
    # Just as sure as the rules (0.9 against 0.9): the rules' answer stays.
    old = got["old_badges", "employee_badge"]
    assert (old.cls, old.confidence) == ("email", rules["old_badges", "employee_badge"].confidence)
    # Columns the plug-in has no opinion about are untouched.
    for key in (("staff_list", "work_mail"), ("staff_list", "c9")):
        assert (got[key].cls, got[key].confidence, got[key].evidence) == \
               (rules[key].cls, rules[key].confidence, rules[key].evidence)


def test_unsure_only_plugin_never_overrides_a_confident_rule(tmp_path):
    path = _plugin_db(tmp_path)
    rules = scan(path)
    sure = _SureOfEverything()
    got = scan(path, Scanner(ROOT, classifiers=[sure, _Timid()]))
    for key, r in rules.items():
        c = got[key]
        if r.confidence >= classify.CONFIDENT:
            assert (c.cls, c.confidence, c.evidence) == (r.cls, r.confidence, r.evidence), key
            assert r.label not in sure.asked, key
        else:
            assert (c.cls, c.confidence) == ("national_id", 0.99), key
            assert c.evidence[0] == "it is always sure"
    unsure = [r.label for r in rules.values() if r.confidence < classify.CONFIDENT]
    assert unsure, "the fixture needs a column the rules are unsure of"
    assert sorted(sure.asked) == sorted(unsure)
    # The timid plug-in (0.5) never wins against the rules.
    assert all(c.cls != "street_address" for c in got.values())
