"""The masked demo, built once per session: every claim of the main job, checked on the output
with queries written independently of the masking macros."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import ROOT, Workspace, failures
from understudy.fpe import luhn_valid

HIGH_ENTROPY = {"email", "phone", "national_id", "card_number", "street_address", "full_name", "ip_address"}


def load_sources() -> list[dict]:
    """The demo's declared tables (the benchmark source is enabled only for benchmarks)."""
    tables = []
    for path in sorted((ROOT / "models" / "masked").glob("*/_*__sources.yml")):
        if path.parent.name == "bench":
            continue
        for source in yaml.safe_load(path.read_text())["sources"]:
            for table in source["tables"]:
                tables.append({"source": source["name"], "schema": source["schema"], **table})
    return tables


SOURCES = load_sources()


def tag(column: dict) -> dict:
    return column["config"]["meta"]["understudy"]


def qi(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def test_every_declared_table_is_published_with_its_row_count(demo: Workspace):
    for t in SOURCES:
        ident = t.get("identifier", t["name"])
        prod_rows, test_rows = demo.query(
            f"select (select count(*) from prod.{qi(t['schema'])}.{qi(ident)}), "
            f"(select count(*) from {qi(t['source'])}.{qi(ident)})"
        )[0]
        assert prod_rows == test_rows, f"{t['source']}.{ident}"


def test_the_test_database_holds_only_masked_tables_and_audited_marts(demo: Workspace):
    published = {(s, n) for s, n in demo.query("select schema_name, table_name from duckdb_tables() where database_name = 'test'")}
    expected = {(t["source"], t.get("identifier", t["name"])) for t in SOURCES} | {("main", "customer_invoices")}
    assert published == expected


def test_column_types_are_kept(demo: Workspace):
    rows = demo.query(
        "select p.schema_name, p.table_name, p.column_name, p.data_type, t.data_type "
        "from duckdb_columns() p join duckdb_columns() t using (schema_name, table_name, column_name) "
        "where p.database_name = 'prod' and t.database_name = 'test'"
    )
    assert len(rows) == sum(len(t["columns"]) for t in SOURCES)
    assert [r for r in rows if r[3] != r[4]] == []


def test_declared_lengths_hold(demo: Workspace):
    """F13: every masked text value fits its declared length."""
    checked = 0
    for t in SOURCES:
        for c in t["columns"]:
            m = re.fullmatch(r"(?:var)?char\((\d+)\)", c["data_type"])
            if m:
                longest = demo.query(f"select max(length({qi(c['name'])})) from {qi(t['source'])}.{qi(t.get('identifier', t['name']))}")[0][0]
                assert longest is None or longest <= int(m.group(1)), f"{t['source']}.{t['name']}.{c['name']}"
                checked += 1
    assert checked > 50


def _raw_values(demo: Workspace) -> set[str]:
    values: set[str] = set()
    with duckdb.connect(str(demo.prod), read_only=True) as con:
        for t in SOURCES:
            rel = f"{qi(t['schema'])}.{qi(t.get('identifier', t['name']))}"
            names = {tag(c)["class"]: c["name"] for c in t["columns"]}
            for c in t["columns"]:
                if tag(c)["class"] in HIGH_ENTROPY:
                    for (v,) in con.execute(f"select distinct lower(trim(cast({qi(c['name'])} as varchar))) from {rel}").fetchall():
                        if v and len(v) >= 6:
                            values.add(v)
            if "first_name" in names and "last_name" in names:
                for (v,) in con.execute(
                    f"select distinct lower(trim({qi(names['first_name'])} || ' ' || {qi(names['last_name'])})) from {rel}"
                ).fetchall():
                    if v and len(v) >= 6:
                        values.add(v)
    return values


def test_independent_scan_finds_no_raw_high_entropy_value(demo: Workspace):
    """No raw email, phone, SSN, passport, licence, card, street address or full name of prod
    appears in any text cell of the test database, whole or inside a longer text."""
    raw = _raw_values(demo)
    assert len(raw) > 1000
    with duckdb.connect(str(demo.test_db), read_only=True) as con:
        con.execute("create temp table raw(v varchar)")
        con.executemany("insert into raw values (?)", [(v,) for v in raw])
        cells = []
        for schema, table, column in con.execute(
            "select schema_name, table_name, column_name from duckdb_columns() where database_name = 'test'"
        ).fetchall():
            cells.append(f"select distinct lower(cast({qi(column)} as varchar)) as v from {qi(schema)}.{qi(table)}")
        con.execute("create temp table cells as " + " union ".join(cells))
        exact = con.execute("select count(*) from cells join raw using (v)").fetchone()[0]
        inside = con.execute(
            "select count(*) from cells c join raw r on length(c.v) > length(r.v) and contains(c.v, r.v) "
            "where length(r.v) >= 9"
        ).fetchone()[0]
    assert (exact, inside) == (0, 0)


def _foreign_keys() -> list[tuple[str, str, list[str], str, str, list[str]]]:
    groups: dict[tuple, list] = defaultdict(list)
    for t in SOURCES:
        for c in t["columns"]:
            ref = tag(c).get("references")
            if ref:
                src, tbl, col = ref.split(".")
                groups[(t["source"], t["name"], tag(c).get("fk") or c["name"], src, tbl)].append((c["name"], col))
    return [(s, t, [a for a, _ in cols], ps, pt, [b for _, b in cols]) for (s, t, _, ps, pt), cols in groups.items()]


def test_foreign_key_joins_return_the_same_pair_counts(demo: Workspace):
    by_name = {(t["source"], t["name"]): t for t in SOURCES}
    fks = _foreign_keys()
    assert len(fks) > 40
    assert any(len(f[2]) > 1 for f in fks), "a composite key is covered"
    for src, tbl, cols, psrc, ptbl, pcols in fks:
        child, parent = by_name[(src, tbl)], by_name[(psrc, ptbl)]
        on = " and ".join(f"c.{qi(a)} = p.{qi(b)}" for a, b in zip(cols, pcols))
        counts = []
        for db, schema_of in (("prod", lambda t: t["schema"]), ("test", lambda t: t["source"])):
            counts.append(demo.query(
                f"select count(*) from {db}.{qi(schema_of(child))}.{qi(child.get('identifier', child['name']))} c "
                f"join {db}.{qi(schema_of(parent))}.{qi(parent.get('identifier', parent['name']))} p on {on}"
            )[0][0])
        assert counts[0] == counts[1] and counts[0] > 0, f"{src}.{tbl}{cols} -> {psrc}.{ptbl}{pcols}: {counts}"


def test_keys_and_unique_columns_stay_unique(demo: Workspace):
    checked = 0
    for t in SOURCES:
        keys = [t["config"]["meta"]["understudy"].get("primary_key") or []]
        keys += [[c["name"]] for c in t["columns"] if tag(c).get("unique")]
        for key in filter(None, keys):
            cols = ", ".join(qi(k) for k in key)
            not_null = " and ".join(f"{qi(k)} is not null" for k in key)
            dups = demo.query(f"select count(*) from (select {cols} from {qi(t['source'])}.{qi(t.get('identifier', t['name']))} "
                              f"where {not_null} group by all having count(*) > 1)")[0][0]
            assert dups == 0, f"{t['source']}.{t['name']}{key}"
            checked += 1
    assert checked > 40


def test_null_and_empty_counts_match(demo: Workspace):
    """F01, F02 on every column of every table."""
    for t in SOURCES:
        ident = t.get("identifier", t["name"])
        for c in t["columns"]:
            if tag(c).get("method") == "null":
                continue
            col = qi(c["name"])
            q = (f"select count(*) filter (where {col} is null), count(*) filter (where cast({col} as varchar) = '') from "
                 "{rel}")
            got = demo.query(q.format(rel=f"{qi(t['source'])}.{qi(ident)}"))[0]
            want = demo.query(q.format(rel=f"prod.{qi(t['schema'])}.{qi(ident)}"))[0]
            assert got == want, f"{t['source']}.{t['name']}.{c['name']}"


# -- the fault cases, value by value ----------------------------------------------------------

def test_f03_short_punctuation_and_unicode_names_are_masked(demo: Workspace):
    rows = demo.query("select last_name from fault_cases.people")
    raw = {"O", "Ng", "Ibáñez-Cruz", "---", "Łukasiewicz"}
    assert len(rows) == 5 and all(r[0] for r in rows) and not raw & {r[0] for r in rows}


def test_f07_f21_one_pseudonym_per_email_across_tables_and_cases(demo: Workspace):
    people = dict(demo.query("select person_id, email from fault_cases.people"))
    orders = demo.query("select person_id, billing_email from fault_cases.orders where person_id is not null")
    assert len(orders) == 3
    for person_id, billing in orders:
        assert billing == people[person_id]
    raw_pairs = demo.query("select count(*) from prod.fault_cases.orders o join prod.fault_cases.people p "
                           "on lower(o.billing_email) = lower(p.email)")[0][0]
    masked_pairs = demo.query("select count(*) from fault_cases.orders o join fault_cases.people p on o.billing_email = p.email")[0][0]
    assert raw_pairs == masked_pairs == 3


def test_f10_natural_key_uses_the_emails_pseudonym(demo: Workspace):
    rows = demo.query("select c.holder_key, p.email from fault_cases.cards c join fault_cases.people p using (person_id)")
    assert len(rows) == 3
    companies = set()
    for holder_key, email in rows:
        company, masked_email = holder_key.split("#")
        companies.add(company)
        assert masked_email.endswith(("@example.com", "@example.net", "@example.org"))
    assert companies == {"ACME", "INITECH"}
    # Person 2's email is 'Ana.Ruiz@Example.TEST' but the key holds bo.ng: only person 1... the
    # key's email part and people.email are equal exactly when the raw emails are equal.
    raw = demo.query("select count(*) from prod.fault_cases.cards c join prod.fault_cases.people p "
                     "on lower(split_part(c.holder_key, '#', 2)) = lower(p.email)")[0][0]
    masked = demo.query("select count(*) from fault_cases.cards c join fault_cases.people p "
                        "on split_part(c.holder_key, '#', 2) = p.email")[0][0]
    assert raw == masked


def test_f23_dates_keep_order_and_bounds(demo: Workspace):
    rows = demo.query("select birth_date, death_date from fault_cases.people")
    raw = demo.query("select birth_date, death_date from prod.fault_cases.people")
    today = dt.date.today()
    assert {r[0] for r in rows} & {r[0] for r in raw} - {None} == set()
    for birth, death in rows:
        assert birth is None or birth <= today
        assert birth is None or death is None or birth <= death
    births = demo.query('select "BIRTHDATE", "DEATHDATE" from synthea.patients')
    assert all(b <= today and (d is None or b <= d) for b, d in births)


def test_f24_cards_keep_length_luhn_and_test_range(demo: Workspace):
    rows = demo.query("select p.card_number, q.card_number from fault_cases.people p, prod.fault_cases.people q "
                      "where p.card_number <> '' and length(p.card_number) = length(q.card_number)")
    cards = {r[0] for r in rows}
    assert len(cards) == 3
    for card in cards:
        digits = re.sub(r"\D", "", card)
        assert digits.startswith("999999") and luhn_valid(digits)
    int_cards = demo.query('select card_number from neosync.transformers where card_number is not null')
    assert int_cards and all(str(v).startswith("999999") and luhn_valid(str(v)) for (v,) in int_cards)


def test_f04_fifty_thousand_unique_emails_stay_unique(demo: Workspace):
    assert demo.query("select count(distinct email), count(*) from fault_cases.subscribers")[0] == (50000, 50000)


def test_partial_free_text_and_json_are_redacted_whole(demo: Workspace):
    notes = {r[0] for r in demo.query("select notes from fault_cases.people")}
    assert notes == {None, "", "[redacted]"}
    docs = {r[0] for r in demo.query("select cast(message as varchar) from pg_anonymizer.website_comment")}
    assert docs == {"{}"}


def test_key_never_reaches_artifacts_or_output(demo: Workspace):
    """F31: grep the compiled SQL, manifest, logs, docs and the output database for the key."""
    needle = demo.key.encode()
    scanned = 0
    for folder in (demo.dir / "target", demo.dir / "logs"):
        for path in folder.rglob("*"):
            if path.is_file():
                assert needle not in path.read_bytes(), path
                scanned += 1
    assert scanned > 50
    assert needle not in demo.test_db.read_bytes()
    for path in ROOT.rglob("*"):
        if path.is_file() and ".venv" not in path.parts and ".git" not in path.parts and path.stat().st_size < 50_000_000:
            assert needle not in path.read_bytes(), path


@pytest.fixture(scope="module")
def rebuilds(demo: Workspace, tmp_path_factory):
    """The same prod masked again: same key with 1 thread, and another key."""
    same = Workspace(tmp_path_factory.mktemp("same_key"), key=demo.key)
    other = Workspace(tmp_path_factory.mktemp("other_key"))
    for ws, threads in ((same, "1"), (other, "4")):
        run = ws.dbt("build", "--target", "test", UNDERSTUDY_PROD_PATH=str(demo.prod), UNDERSTUDY_THREADS=threads)
        assert run.returncode == 0, failures(run)
    return same, other


def _checksums(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables()").fetchall()
        return {f"{s}.{t}": con.execute(
            f"select md5(coalesce(string_agg(cast(x as varchar), '|' order by cast(x as varchar)), '')) from {qi(s)}.{qi(t)} as x"
        ).fetchone()[0] for s, t in tables}


def test_same_key_rebuild_is_identical_whatever_the_threads(demo: Workspace, rebuilds):
    same, _ = rebuilds
    first, second = _checksums(demo.test_db), _checksums(same.test_db)
    assert len(first) > 40 and first == second


def test_another_key_changes_every_token(demo: Workspace, rebuilds):
    """F06: every keyed output changes with the key. Row by row (tables keep the source's row
    order), no token is the same under both keys; and wide tokens (UUIDs, long ids, SSNs,
    phones: 9+ digits or letters) share no value at all across the two builds. Narrow integer
    keys can meet by chance across rows (50,000 ids in 2^31 values meet about a thousand
    times), and so can a row's short code under two keys (a three-digit badge code has 700
    possible outputs: one row in 700 meets), which says nothing about the key."""
    _, other = rebuilds
    compared = 0
    with duckdb.connect(str(demo.test_db), read_only=True) as con:
        con.execute(f"attach '{other.test_db}' as other (read_only)")
        for t in SOURCES:
            rel = f"{qi(t['source'])}.{qi(t.get('identifier', t['name']))}"
            for c in t["columns"]:
                if tag(c)["class"] not in ("identifier", "natural_key", "national_id", "phone", "email", "postcode"):
                    continue
                col = f"cast({qi(c['name'])} as varchar)"
                alnum = f"length(regexp_replace({{v}}, '[^0-9A-Za-z]', '', 'g'))"
                same_row = con.execute(
                    f"select count(*) from (select {col} as v from {rel}) a positional join "
                    f"(select {col} as v from other.{rel}) b where a.v = b.v and {alnum.format(v='a.v')} >= 4"
                ).fetchone()[0]
                assert same_row == 0, f"{t['source']}.{t['name']}.{c['name']}"
                compared += 1
                if c["data_type"] in ("integer", "bigint", "smallint"):
                    continue
                shared = con.execute(
                    f"select count(*) from (select {col} as v from {rel} intersect select {col} from other.{rel}) "
                    f"where {alnum.format(v='v')} >= 9"
                ).fetchone()[0]
                assert shared == 0, f"{t['source']}.{t['name']}.{c['name']}"
    assert compared > 60


def test_noise_stays_within_the_column_type(demo: Workspace):
    """999.99 in a DECIMAL(5,2) with ±10% noise must not overflow the type (nor lose NULLs)."""
    rows = [r[0] for r in demo.query("select salary from fault_cases.people")]
    assert rows.count(None) == 1
    assert all(-999.99 <= float(v) <= 999.99 for v in rows if v is not None)


def test_dense_codes_never_land_on_another_rows_real_code(demo: Workspace):
    """300 of the 1,000 three-digit codes in use: a permutation alone would give about 90 rows
    another row's real code. None may, and the column stays unique."""
    masked = {r[0] for r in demo.query("select badge_code from fault_cases.badges")}
    raw = {r[0] for r in demo.query("select badge_code from prod.fault_cases.badges")}
    assert len(masked) == 300 and not masked & raw
    assert all(len(c) == 3 and c.isdigit() for c in masked)
