"""Regression tests for faults found in `understudy scan`: personal data hidden behind
meaningless column names, names that the values contradict, production values echoed in
error messages, ragged CSV files, unchecked label files, tags that keep personal values as
they are, odd table and folder names, and inferred keys described as declared ones.

Each test builds what it needs in tmp_path (a tiny DuckDB file, a folder of CSV files or a
labels file). The command-line tests run `understudy.cli.main` against a throw-away copy of the
project named by UNDERSTUDY_PROJECT_DIR, so that `--write` never touches the repository. No dbt
is run.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from understudy.cli import main
from understudy.project import project_root
from understudy.scan import command, profile
from understudy.scan.profile import ScanError
from understudy.scan.project_sources import DeclaredSource
from understudy.scan.scanner import ColumnResult, ScanResult, Scanner, load_catalog
from conftest import cli  # noqa: E402

ROOT = project_root()
CATALOG = load_catalog(ROOT)
CLASSES = set(CATALOG["classes"])
PERSON_NAMES = {"full_name", "first_name", "last_name"}


# --------------------------------------------------------------------------- helpers


def build(path: Path, sql: str) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(sql)
    return path


def scan(path: Path, **kwargs) -> dict[tuple[str, str], ColumnResult]:
    """Scan `path`; results by (table, column)."""
    result = Scanner(ROOT).scan(path, **kwargs)
    return {(c.profile.table, c.profile.name): c for c in result.columns()}


# --------------------------------------------------------------------------- 1. shapes behind meaningless names

ROWS = 200
LAST_FIRST_LAST = ["SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
                   "MARTINEZ", "WILSON"]
LAST_FIRST_FIRST = ["JAMES", "MARY", "JOHN", "PATRICIA", "ROBERT", "JENNIFER", "MICHAEL", "LINDA",
                    "WILLIAM", "ELIZABETH"]
STREETS = ["Main Ave", "Oak Street", "Elm Road", "Pine Lane", "Maple Drive", "Cedar Court"]
# Valid first two letters of a UK National Insurance number.
NINO_PREFIXES = ["AB", "CE", "JG", "KL", "MR", "PW", "SX", "TY", "WE", "HR"]

# column -> (DuckDB type, what the column holds)
SHAPE_COLUMNS = {
    "col1": ("VARCHAR", "emails (this makes the table one about people)"),
    "col2": ("VARCHAR", "'SMITH, JAMES' names, last name first, upper case"),
    "col3": ("VARCHAR", "9-digit SSNs without dashes, leading zeros kept"),
    "col4": ("VARCHAR", "'186 Main Ave' street addresses"),
    "col5": ("VARCHAR", "dates written yyyymmdd"),
    "col6": ("BIGINT", "dates written yyyymmdd, as numbers"),
    "col7": ("VARCHAR", "'48.85660,2.35220' latitude,longitude pairs"),
    "col8": ("VARCHAR", "'@handle' user names"),
    "col9": ("VARCHAR", "dates written dd/mm/yyyy"),
    "col10": ("VARCHAR", "10 to 15 digit mobile numbers"),
    "col11": ("VARCHAR", "UK National Insurance numbers"),
    "col12": ("MAP(VARCHAR, INTEGER)", "a map"),
    "col13": ("VARCHAR[]", "a list"),
}


def _shape_rows() -> list[tuple]:
    rnd = random.Random(20240312)
    ssns: list[str] = []
    while len(ssns) < ROWS:
        # Every other number starts with a zero; all are distinct and valid (no 000/666 area,
        # no 00 group, no 0000 serial).
        area = rnd.randint(1, 99) if len(ssns) % 2 == 0 else rnd.randint(100, 665)
        ssn = f"{area:03d}{rnd.randint(1, 99):02d}{rnd.randint(1, 9999):04d}"
        if ssn not in ssns:
            ssns.append(ssn)
    phones: list[str] = []
    while len(phones) < ROWS:
        digits = str(rnd.randint(1, 9)) + "".join(str(rnd.randint(0, 9)) for _ in range(rnd.randint(9, 14)))
        if digits not in phones:
            phones.append(digits)
    rows = []
    for i in range(ROWS):
        year, month, day = rnd.randint(1940, 2005), rnd.randint(1, 12), rnd.randint(1, 28)
        ymd = f"{year}{month:02d}{day:02d}"
        rows.append((
            f"person{i}@example.test",
            f"{rnd.choice(LAST_FIRST_LAST)}, {rnd.choice(LAST_FIRST_FIRST)}",
            ssns[i],
            f"{rnd.randint(1, 9999)} {rnd.choice(STREETS)}",
            ymd,
            int(ymd),
            f"{rnd.uniform(-60, 60):.5f},{rnd.uniform(-170, 170):.5f}",
            f"@{rnd.choice(LAST_FIRST_FIRST).lower()}_{i}",
            f"{day:02d}/{month:02d}/{year}",
            phones[i],
            f"{rnd.choice(NINO_PREFIXES)}{rnd.randint(0, 999999):06d}{rnd.choice('ABCD')}",
            {"visits": i % 7},
            ["a", "b"] if i % 2 else ["c"],
        ))
    return rows


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> dict[str, ColumnResult]:
    """One 200-row table whose columns say nothing by their names; results by column."""
    path = tmp_path_factory.mktemp("shapes") / "prod.duckdb"
    ddl = ", ".join(f"{name} {dtype}" for name, (dtype, _) in SHAPE_COLUMNS.items())
    with duckdb.connect(str(path)) as con:
        con.execute(f"CREATE SCHEMA s; CREATE TABLE s.t1 ({ddl})")
        marks = ", ".join("?" for _ in SHAPE_COLUMNS)
        con.executemany(f"INSERT INTO s.t1 VALUES ({marks})", _shape_rows())
    found = scan(path)
    return {column: result for (_, column), result in found.items()}


@pytest.mark.parametrize("column,expected", [
    ("col1", {"email"}),
    ("col2", PERSON_NAMES),
    ("col3", {"national_id"}),
    ("col4", {"street_address"}),
    ("col5", {"event_date"}),
    ("col6", {"event_date"}),
    ("col7", {"geo_coordinate"}),
    ("col8", {"username"}),
    ("col9", {"event_date"}),
    ("col10", {"phone"}),
    ("col11", {"national_id"}),
])
def test_personal_data_is_found_by_its_shape_whatever_the_column_is_called(shapes, column, expected):
    col = shapes[column]
    assert col.cls in expected, (f"{column} ({SHAPE_COLUMNS[column][1]}): scanned {col.cls} "
                                 f"({col.confidence}: {col.evidence}), expected one of {sorted(expected)}")
    assert col.cls in CLASSES
    assert col.method != "keep"


def test_dashless_ssns_keep_their_leading_zeros_in_the_sample(shapes):
    """The SSNs are text: the scan must see '078051120', not the number 78051120."""
    sample = shapes["col3"].profile.sample
    assert all(len(v) == 9 for v in sample)
    assert sum(1 for v in sample if v.startswith("0")) >= ROWS // 3
    assert shapes["col3"].profile.distinct == ROWS


@pytest.mark.parametrize("column", ["col12", "col13"])
def test_nested_types_are_flagged_never_public(shapes, column):
    col = shapes[column]
    assert col.cls == "json", (col.cls, col.evidence)
    assert col.confidence < 0.7, "a nested column must be listed as unsure, for a human to review"
    assert "nested types" in "; ".join(col.evidence)


# --------------------------------------------------------------------------- 2. names the values contradict


def test_a_name_that_says_card_number_does_not_win_over_peoples_names(tmp_path):
    """`c_c` reads as a card-number abbreviation; its values are people's full names."""
    first = ["Michael", "Sarah", "Kathleen", "Jimmy", "Olivia", "Thomas", "Henry", "Jennifer"]
    last = ["Garcia", "Miller", "Dubois", "Smith", "Rossi", "Fernandez", "Schmidt", "Lopez"]
    values = ", ".join(f"({i}, '{first[i % 8]} {last[(i * 3) % 8]}')" for i in range(40))
    db = build(tmp_path / "prod.duckdb",
               f"CREATE SCHEMA s; CREATE TABLE s.accounts (id INTEGER, c_c VARCHAR); "
               f"INSERT INTO s.accounts VALUES {values};")
    col = scan(db)["accounts", "c_c"]
    assert col.cls != "card_number", col.evidence
    assert col.cls in PERSON_NAMES, (col.cls, col.evidence)


# --------------------------------------------------------------------------- 3. no production value in engine errors


def test_engine_error_removes_quoted_literals():
    con = duckdb.connect()
    with pytest.raises(duckdb.ConversionException) as caught:
        con.execute("SELECT CAST('ana@example.test' AS INTEGER)")
    assert "ana@example.test" in str(caught.value)    # DuckDB's own message has it
    text = profile.engine_error(caught.value)
    assert "ana@example.test" not in text and "example" not in text
    assert "Could not convert" in text                  # what went wrong is still said
    assert "\n" not in text


def test_engine_error_removes_the_echoed_csv_line(tmp_path):
    """A CSV reader's error prints the offending line ("Original Line: ...") and the value."""
    file = tmp_path / "people.csv"
    file.write_text("name,age\nAna Lima,41\nBo Ng,bo.ng@example.test\n")
    con = duckdb.connect()
    with pytest.raises(duckdb.Error) as caught:
        con.execute(f"SELECT * FROM read_csv('{file}', header = true, auto_detect = false, "
                    "columns = {'name': 'VARCHAR', 'age': 'INTEGER'})").fetchall()
    assert "bo.ng@example.test" in str(caught.value)
    text = profile.engine_error(caught.value)
    for value in ("bo.ng@example.test", "Bo Ng", "Ana Lima", "Original Line"):
        assert value not in text, text
    # The marker on the first line of a message is cut too.
    one_line = duckdb.InvalidInputException("CSV Error on Line: 3 Original Line: Bo Ng,bo.ng@example.test")
    assert profile.engine_error(one_line) == "CSV Error on Line: 3"


def test_a_view_that_fails_to_read_is_named_without_its_values(tmp_path):
    db = build(tmp_path / "prod.duckdb", """
        CREATE SCHEMA s;
        CREATE TABLE s.t (id INTEGER, email VARCHAR);
        INSERT INTO s.t VALUES (1, 'ana.lima@example.test'), (2, 'bo.ng@example.test');
        CREATE VIEW s.broken AS SELECT CAST(email AS INTEGER) AS e FROM s.t;
    """)
    with pytest.raises(ScanError) as caught:
        Scanner(ROOT).scan(db)
    message = str(caught.value)
    assert "s.broken" in message
    assert "@" not in message and "ana.lima" not in message and "bo.ng" not in message


# --------------------------------------------------------------------------- 4. ragged CSV files


def test_a_ragged_csv_is_refused_by_name_without_its_values(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    rows = [("Ana Lima", "ana.lima@example.test", "+351 912 345 678"),
            ("Bo Ng", "bo.ng@example.test"),                                  # short row
            ("Cy Doe", "cy.doe@example.test", "+47 1234 5678", "spare", "more")]  # long row
    (folder / "people.csv").write_text("name,email,phone\n" + "".join(",".join(r) + "\n" for r in rows))
    with pytest.raises(ScanError) as caught:
        Scanner(ROOT).scan(folder)
    message = str(caught.value)
    assert "people.csv" in message
    for row in rows:
        for value in row:
            assert value not in message, f"{value!r} from the file is in the error: {message}"


# --------------------------------------------------------------------------- 5. the labels file


LABEL_HEADER = "schema,table,column,class\n"


@pytest.mark.parametrize("text,classes,expected", [
    ("schema,table,col,class\ns,t,a,email\n", None, "the first line must be the header"),
    ("# labels\n" + LABEL_HEADER + "s,t,a,email\n\ns,t,b\n", None, ":5: expected 4 non-empty fields"),
    (LABEL_HEADER + "s,t,a,email\ns,t,b,emial\n", CLASSES, ":3: unknown class 'emial'"),
    (LABEL_HEADER + "s,t,a,email\ns,t,b,phone\nS,T,A,email\n", None, ":4: s.t.a is labelled twice"),
], ids=["wrong header", "three fields", "unknown class", "duplicate"])
def test_a_bad_labels_file_is_refused_with_its_line(tmp_path, text, classes, expected):
    labels = tmp_path / "labels.csv"
    labels.write_text(text)
    with pytest.raises(command.LabelError) as caught:
        command.read_labels(labels, classes)
    assert expected in str(caught.value)
    assert str(labels) in str(caught.value)


def test_a_good_labels_file_is_read(tmp_path):
    labels = tmp_path / "labels.csv"
    labels.write_text("# hand labels\n" + LABEL_HEADER + "S,People,Email,email\n\n s , t , b , phone \n")
    assert command.read_labels(labels, CLASSES) == {("s", "people", "email"): "email", ("s", "t", "b"): "phone"}


def test_scan_eval_exits_2_on_a_bad_labels_file(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb",
               "CREATE SCHEMA s; CREATE TABLE s.t (a VARCHAR, b VARCHAR); "
               "INSERT INTO s.t VALUES ('ana@example.test', 'x'), ('bo@example.test', 'y');")
    labels = tmp_path / "labels.csv"
    labels.write_text(LABEL_HEADER + "s,t,a,email\ns,t,b\n")
    rc, _, err = cli(capsys, "scan-eval", db, "--labels", labels)
    assert rc == 2, err
    assert "labels.csv:3:" in err


# --------------------------------------------------------------------------- 6. tags that keep personal values


def _declared(tags: dict[str, dict]) -> dict[str, DeclaredSource]:
    return {"s": DeclaredSource("s", "s", Path("models/masked/s/_s__sources.yml"), {"t": tags}, {"t": "t"})}


@pytest.fixture(scope="module")
def contacts(tmp_path_factory) -> Path:
    """Emails and German IBANs, under telling names."""
    rows = []
    for i in range(30):
        bban = f"37040044{1000000 + i * 7919:010d}"
        check = 98 - int(bban + "131400") % 97
        rows.append(f"('person{i}@example.test', 'DE{check:02d}{bban}')")
    return build(tmp_path_factory.mktemp("contacts") / "prod.duckdb",
                 "CREATE SCHEMA s; CREATE TABLE s.t (email VARCHAR, iban VARCHAR); "
                 f"INSERT INTO s.t VALUES {', '.join(rows)};")


def _statuses(db: Path, tags: dict[str, dict]) -> dict[str, ColumnResult]:
    result: ScanResult = Scanner(ROOT).scan(db)
    command.compare(result, _declared(tags), CATALOG)
    return {c.profile.name: c for c in result.columns()}


def test_a_keep_method_on_emails_is_a_possible_leak(contacts):
    cols = _statuses(contacts, {"email": {"class": "email", "method": "keep"},
                                "iban": {"class": "bank_account"}})
    assert cols["email"].cls == "email" and cols["email"].confidence >= 0.9
    assert cols["email"].status == "possible_leak"
    assert cols["iban"].status == "declared"


def test_a_keep_method_under_another_class_is_a_possible_leak(contacts):
    cols = _statuses(contacts, {"email": {"class": "email"},
                                "iban": {"class": "postcode", "method": "keep"}})
    assert cols["iban"].cls == "bank_account"
    assert cols["iban"].status == "possible_leak"


def test_a_masked_email_tag_is_declared(contacts):
    cols = _statuses(contacts, {"email": {"class": "email"}, "iban": {"class": "bank_account"}})
    assert cols["email"].status == "declared"
    assert cols["iban"].status == "declared"


# --------------------------------------------------------------------------- 7. odd table names


def test_a_table_name_with_spaces_gets_a_clean_dbt_name_and_an_identifier(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb", """
        CREATE SCHEMA "Weird Schema";
        CREATE TABLE "Weird Schema"."Order Items" (order_id INTEGER PRIMARY KEY, sku VARCHAR, qty INTEGER);
        INSERT INTO "Weird Schema"."Order Items" SELECT i, 'SKU-' || i, i % 5 + 1 FROM range(1, 21) t(i);
    """)
    rc, out, err = cli(capsys, "scan", db, "--json")
    assert rc == 1, err
    report = json.loads(out)
    assert len(report["changes"]) == 1
    diff = report["changes"][0]["diff"]
    assert "name: order_items" in diff
    assert 'identifier: "Order Items"' in diff
    assert "name: Order Items" not in diff and 'name: "Order Items"' not in diff

    rc, out, err = cli(capsys, "scan", db, "--json", "--write")
    assert rc == 1, err
    report = json.loads(out)
    assert report["written"] is True
    written = project / report["changes"][0]["file"]
    doc = yaml.safe_load(written.read_text())
    [source] = doc["sources"]
    assert source["schema"] == "Weird Schema"
    [table] = source["tables"]
    assert table["name"] == "order_items"
    assert table["identifier"] == "Order Items"
    assert [c["name"] for c in table["columns"]] == ["order_id", "sku", "qty"]

    # Scanned again, the table is known by its identifier: nothing new is proposed.
    rc, out, err = cli(capsys, "scan", db, "--json")
    report = json.loads(out)
    assert report["changes"] == [], report["changes"]
    assert report["counts"]["new"] == 0


def test_the_proposal_for_an_enum_column_does_not_hold_its_labels(project, tmp_path, capsys):
    """An ENUM's labels are production values (the drift guard shows 'ENUM (labels not shown)'):
    the proposed sources YAML, which is committed with the project, must not carry them."""
    db = build(tmp_path / "prod.duckdb", """
        CREATE TYPE level_t AS ENUM ('platinumtier', 'bronzetier');
        CREATE SCHEMA loyalty;
        CREATE TABLE loyalty.cards (id INTEGER PRIMARY KEY, level level_t);
        INSERT INTO loyalty.cards SELECT i, (['platinumtier', 'bronzetier'])[i % 2 + 1] FROM range(1, 21) t(i);
    """)
    rc, out, err = cli(capsys, "scan", db, "--json")
    assert rc == 1, err
    report = json.loads(out)
    [change] = report["changes"]
    assert "- name: level" in change["diff"]
    for label in ("platinumtier", "bronzetier"):
        assert label not in change["diff"], f"the ENUM label {label!r} is in the proposed YAML"


# --------------------------------------------------------------------------- 8. folder names with accents


def test_folder_names_with_accents_give_folded_schema_names(tmp_path):
    root = tmp_path / "exports"
    for folder in ("ünï", "Société Générale"):
        (root / folder).mkdir(parents=True)
        (root / folder / "people.csv").write_text(
            "id,email\n" + "".join(f"{i},p{i}@example.test\n" for i in range(1, 11)))
    result = Scanner(ROOT).scan(root)
    assert sorted({t.context.schema for t in result.tables}) == ["societe_generale", "uni"]


def test_a_folder_with_accents_scanned_directly_gives_a_folded_schema_name(tmp_path):
    folder = tmp_path / "ünï"
    folder.mkdir()
    (folder / "people.csv").write_text("id,email\n" + "".join(f"{i},p{i}@example.test\n" for i in range(1, 11)))
    result = Scanner(ROOT).scan(folder)
    assert [t.context.schema for t in result.tables] == ["uni"]


# --------------------------------------------------------------------------- 9. inferred keys


def test_an_inferred_key_is_not_called_a_primary_key(tmp_path):
    db = build(tmp_path / "prod.duckdb", """
        CREATE SCHEMA s;
        CREATE TABLE s.visits (id INTEGER, note VARCHAR);
        INSERT INTO s.visits SELECT i, 'visit ' || i FROM range(1, 31) t(i);
        CREATE TABLE s.rooms (id INTEGER PRIMARY KEY, label VARCHAR);
        INSERT INTO s.rooms SELECT i, 'room ' || i FROM range(1, 31) t(i);
    """)
    found = scan(db)
    inferred = found["visits", "id"]
    evidence = "; ".join(inferred.evidence)
    assert "taken as the key" in evidence, evidence
    assert "primary key" not in evidence
    assert inferred.profile.primary_key and inferred.profile.key_inferred
    declared = found["rooms", "id"]
    assert "primary key" in "; ".join(declared.evidence)
    assert "taken as the key" not in "; ".join(declared.evidence)
    assert not declared.profile.key_inferred
