"""`understudy scan` and `understudy scan-eval` end to end, in-process, on small DuckDB files.

Every test builds its own database and runs the command line against a throw-away copy of the
project (dbt_project.yml and models/), named by UNDERSTUDY_PROJECT_DIR, so that `--write` never
touches the repository. No dbt is run.
"""

from __future__ import annotations

import difflib
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
import yaml

from understudy.cli import main

from conftest import cli, ROOT

CATALOG = yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"]["understudy"]
CLASSES = set(CATALOG["classes"])


# --------------------------------------------------------------------------- helpers


def build(path: Path, sql: str) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(sql)
    return path


def scan_json(capsys, *args: str) -> tuple[int, dict]:
    rc, out, err = cli(capsys, "scan", *args, "--json")
    assert rc in (0, 1), err
    return rc, json.loads(out)


def columns_by_key(report: dict) -> dict[tuple[str, str], dict]:
    return {(c["table"], c["column"]): c for c in report["columns"]}


def tags_of(yaml_file: Path) -> dict[tuple[str, str], dict]:
    """(table, column) -> understudy tag, for every column of every source in the file."""
    doc = yaml.safe_load(yaml_file.read_text())
    out = {}
    for source in doc["sources"]:
        for table in source["tables"]:
            for column in table.get("columns") or []:
                out[table["name"], column["name"]] = column["config"]["meta"]["understudy"]
    return out


CRM_SQL = """
CREATE SCHEMA crm;
CREATE TABLE crm.customers (customer_id INTEGER PRIMARY KEY, email VARCHAR, first_name VARCHAR,
                            phone VARCHAR, signed_up DATE, tier VARCHAR);
INSERT INTO crm.customers SELECT i, 'person' || i || '@example.test',
    (['Michael', 'Shawn', 'Kathleen', 'Jimmy', 'Sarah'])[i % 5 + 1],
    '+33 6 12 34 ' || lpad((i * 3)::VARCHAR, 2, '0') || ' ' || lpad(i::VARCHAR, 2, '0'),
    DATE '2021-01-01' + (i * 5)::INTEGER, (['gold', 'silver'])[i % 2 + 1]
FROM range(1, 31) t(i);
CREATE TABLE crm.orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount DECIMAL(10, 2));
INSERT INTO crm.orders SELECT i, (i % 30) + 1, i * 1.25 FROM range(1, 61) t(i);
"""


# --------------------------------------------------------------------------- a new source


def test_new_schema_is_proposed_as_a_new_file_and_written(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb", CRM_SQL)
    rc, report = scan_json(capsys, db)
    assert rc == 1
    assert [c["file"] for c in report["changes"]] == ["models/masked/crm/_crm__sources.yml"]
    assert report["changes"][0]["new_file"] is True
    assert report["written"] is False
    assert report["counts"]["new"] == 9
    target = project / "models" / "masked" / "crm" / "_crm__sources.yml"
    assert not target.exists()

    rc, report = scan_json(capsys, db, "--write")
    assert rc == 1 and report["written"] is True
    assert target.exists()
    doc = yaml.safe_load(target.read_text())
    assert [s["name"] for s in doc["sources"]] == ["crm"]
    assert doc["sources"][0]["schema"] == "crm"
    tags = tags_of(target)
    assert set(tags) == {("customers", c) for c in ("customer_id", "email", "first_name", "phone", "signed_up", "tier")} \
        | {("orders", c) for c in ("order_id", "customer_id", "amount")}
    for key, tag in tags.items():
        assert tag["class"] in CLASSES, (key, tag)
        if "method" in tag:
            assert tag["method"] in CATALOG["methods"], (key, tag)
    assert tags["customers", "email"] == {"class": "email", "unique": True}
    assert tags["customers", "first_name"]["class"] == "first_name"
    assert tags["customers", "phone"]["class"] == "phone"
    assert tags["orders", "customer_id"]["references"] == "crm.customers.customer_id"
    # The scanned classes are what was written.
    scanned = columns_by_key(report)
    for (table, column), tag in tags.items():
        assert tag == scanned[table, column]["tag"]

    rc, report = scan_json(capsys, db)
    assert rc == 0
    assert report["changes"] == []
    assert report["counts"] == {"new": 0, "declared": 9, "differs": 0, "possible_leak": 0}


# --------------------------------------------------------------------------- a declared source


JAFFLE_SQL = """
CREATE SCHEMA jaffle_shop;
CREATE TABLE jaffle_shop.customers (id INTEGER, first_name VARCHAR, last_name VARCHAR, email VARCHAR);
INSERT INTO jaffle_shop.customers SELECT i,
    (['Michael', 'Shawn', 'Kathleen', 'Jimmy', 'Katherine', 'Sarah', 'Martin', 'Frank', 'Jennifer', 'Henry'])[i % 10 + 1],
    (['P.', 'M.', 'C.', 'R.', 'H.', 'W.'])[i % 6 + 1], 'customer' || i || '@example.test'
FROM range(1, 31) t(i);
CREATE TABLE jaffle_shop.orders (id INTEGER, user_id INTEGER, order_date DATE, status VARCHAR);
INSERT INTO jaffle_shop.orders SELECT i, (i * 7) % 30 + 1, DATE '2018-01-01' + i::INTEGER,
    (['placed', 'shipped', 'completed', 'return_pending', 'returned'])[i % 5 + 1]
FROM range(1, 61) t(i);
CREATE TABLE jaffle_shop.payments (id INTEGER, order_id INTEGER, payment_method VARCHAR, amount INTEGER);
INSERT INTO jaffle_shop.payments SELECT i, (i % 60) + 1,
    (['credit_card', 'coupon', 'bank_transfer', 'gift_card'])[i % 4 + 1], (i * 100) % 3000
FROM range(1, 81) t(i);
CREATE TABLE jaffle_shop.reviews (review_id INTEGER, reviewer_email VARCHAR, stars INTEGER);
INSERT INTO jaffle_shop.reviews SELECT i, 'customer' || (i % 30 + 1) || '@example.test', i % 5 + 1
FROM range(1, 21) t(i);
"""


def test_declared_source_gets_only_added_lines(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb", JAFFLE_SQL)
    sources = project / "models" / "masked" / "jaffle_shop" / "_jaffle_shop__sources.yml"
    before = sources.read_text()
    old_tags = tags_of(sources)

    rc, report = scan_json(capsys, db)
    assert rc == 1
    assert [c["file"] for c in report["changes"]] == ["models/masked/jaffle_shop/_jaffle_shop__sources.yml"]
    assert report["changes"][0]["new_file"] is False
    got = columns_by_key(report)
    assert got["customers", "email"]["status"] == "new"
    assert got["customers", "email"]["class"] == "email"
    assert got["customers", "first_name"]["status"] == "declared"
    assert {got["reviews", c]["status"] for c in ("review_id", "reviewer_email", "stars")} == {"new"}

    rc, _ = scan_json(capsys, db, "--write")
    assert rc == 1
    after = sources.read_text()
    assert after != before
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    changed = [line for line in diff[2:] if not line.startswith("@@")]
    assert changed and all(line.startswith("+") for line in changed), "\n".join(diff)
    # Every original line is still there, in order, comments and descriptions included.
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    assert sum(block.size for block in matcher.get_matching_blocks()) == len(before.splitlines())

    new_tags = tags_of(sources)
    for key, tag in old_tags.items():
        assert new_tags[key] == tag, key
    assert new_tags["customers", "email"]["class"] == "email"
    assert new_tags["reviews", "reviewer_email"]["class"] == "email"
    doc = yaml.safe_load(after)
    (source,) = doc["sources"]
    customers = next(t for t in source["tables"] if t["name"] == "customers")
    assert [c["name"] for c in customers["columns"]] == ["id", "first_name", "last_name", "email"]
    assert [t["name"] for t in source["tables"]] == ["customers", "orders", "payments", "reviews"]

    rc, report = scan_json(capsys, db)
    assert rc == 0
    assert report["changes"] == []
    assert report["counts"]["new"] == 0 and report["counts"]["possible_leak"] == 0


# --------------------------------------------------------------------------- a public tag that looks personal


def _luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


BILLING_SOURCES = """version: 2

sources:
  - name: billing
    database: prod
    schema: billing
    tables:
      - name: charges
        config:
          meta:
            understudy:
              primary_key: [charge_id]
        columns:
          # reviewed by the payments team
          - name: charge_id
            data_type: integer
            config:
              meta:
                understudy: {class: identifier}
          - name: reference
            data_type: varchar
            config:
              meta:
                understudy: {class: public}
"""


def test_public_tag_on_card_numbers_is_a_possible_leak(project, tmp_path, capsys):
    folder = project / "models" / "masked" / "billing"
    folder.mkdir()
    sources = folder / "_billing__sources.yml"
    sources.write_text(BILLING_SOURCES)
    cards = [_luhn(f"453957876362{i:03d}") for i in range(30)]
    values = ", ".join(f"({i}, '{card}', {i * 100})" for i, card in enumerate(cards))
    db = build(tmp_path / "prod.duckdb", f"""
        CREATE SCHEMA billing;
        CREATE TABLE billing.charges (charge_id INTEGER, reference VARCHAR, amount INTEGER);
        INSERT INTO billing.charges VALUES {values};
    """)

    rc, report = scan_json(capsys, db)
    assert rc == 1
    ref = columns_by_key(report)["charges", "reference"]
    assert ref["status"] == "possible_leak", ref
    assert ref["class"] == "card_number"
    assert ref["declared"] == {"class": "public"}
    assert report["counts"]["possible_leak"] == 1

    rc, report = scan_json(capsys, db, "--write")
    assert rc == 1
    after = sources.read_text()
    # The new column is added; the human's tag on the leaking column is left for a human.
    assert tags_of(sources)["charges", "reference"] == {"class": "public"}
    assert after.startswith(BILLING_SOURCES.split("          - name: reference")[0])
    assert "          - name: reference\n            data_type: varchar\n            config:\n" \
           "              meta:\n                understudy: {class: public}\n" in after
    assert tags_of(sources)["charges", "amount"]["class"] in CLASSES

    # Nothing is new any more, but the leak still fails the scan.
    rc, report = scan_json(capsys, db)
    assert rc == 1
    assert report["changes"] == []
    assert columns_by_key(report)["charges", "reference"]["status"] == "possible_leak"
    assert sources.read_text() == after


# --------------------------------------------------------------------------- errors


def test_bad_path_exits_2_naming_it(project, tmp_path, capsys):
    missing = tmp_path / "nowhere" / "prod.duckdb"
    rc, out, err = cli(capsys, "scan", missing)
    assert rc == 2
    assert str(missing) in err
    not_a_db = tmp_path / "notes.duckdb"
    not_a_db.write_text("this is not a database")
    rc, out, err = cli(capsys, "scan", not_a_db, "--json")
    assert rc == 2
    assert str(not_a_db) in err


def test_unknown_schema_exits_2_naming_it(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb", CRM_SQL)
    rc, out, err = cli(capsys, "scan", db, "--schema", "warehouse_x")
    assert rc == 2
    assert "warehouse_x" in err
    assert "crm" in err           # and says what there is
    assert not (project / "models" / "masked" / "crm").exists()


def test_llm_classifier_without_its_url_exits_2(project, tmp_path, capsys):
    db = build(tmp_path / "prod.duckdb", CRM_SQL)
    rc, out, err = cli(capsys, "scan", db, "--classifier", "llm")
    assert rc == 2
    assert "UNDERSTUDY_LLM_URL" in err


# --------------------------------------------------------------------------- the language model


@pytest.fixture
def llm_stub(monkeypatch):
    """A local OpenAI-compatible server that always answers national_id; records request bodies."""
    bodies: list[str] = []
    answer = {"class": "national_id", "confidence": 0.9, "reason": "looks like a government reference"}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length", 0))
            bodies.append(self.rfile.read(length).decode("utf-8"))
            payload = json.dumps({"choices": [{"message": {"role": "assistant",
                                                           "content": json.dumps(answer)}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("UNDERSTUDY_LLM_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("UNDERSTUDY_LLM_TIMEOUT", "5")
    try:
        yield bodies
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


REF_CODES = ["QX-4821-Z", "BR-1177-K", "ZT-9034-A", "MP-5512-Q"]


def _assert_no_values_sent(bodies: list[str], secrets: list[str]) -> None:
    assert bodies, "the language model was never asked"
    for body in bodies:
        json.loads(body)
        for value in secrets:
            assert value not in body, f"sampled value {value!r} was sent"


def test_llm_classifies_a_column_the_rules_are_unsure_of(project, tmp_path, capsys, llm_stub):
    values = ", ".join(f"({i}, '{REF_CODES[i % 4]}', 'open')" for i in range(40))
    db = build(tmp_path / "prod.duckdb", f"""
        CREATE SCHEMA support;
        CREATE TABLE support.tickets (ticket_id INTEGER, ref_code VARCHAR, state VARCHAR);
        INSERT INTO support.tickets VALUES {values};
    """)
    rc, report = scan_json(capsys, db, "--classifier", "llm")
    assert rc == 1
    ref = columns_by_key(report)["tickets", "ref_code"]
    assert ref["class"] == "national_id", ref
    assert ref["evidence"].startswith("language model:")
    assert ref["confidence"] == 0.7
    assert report["warnings"] == []
    _assert_no_values_sent(llm_stub, REF_CODES)
    # The confidently classified key was not sent at all.
    assert all('"column": "ticket_id"' not in body.replace("\\", "") for body in llm_stub)


def test_llm_answer_is_capped_and_no_sampled_value_leaves(project, tmp_path, capsys, llm_stub):
    notes = [f"the quarterly inventory count on shelf {i} finished late again" for i in range(30)]
    values = ", ".join(f"({i}, '{note}', 'person{i}@example.test')" for i, note in enumerate(notes))
    db = build(tmp_path / "prod.duckdb", f"""
        CREATE SCHEMA wh;
        CREATE TABLE wh.shelf_log (shelf_log_id INTEGER, c9 VARCHAR, owner_mail VARCHAR);
        INSERT INTO wh.shelf_log VALUES {values};
    """)
    rc, rules = scan_json(capsys, db)
    unsure = columns_by_key(rules)["shelf_log", "c9"]
    assert unsure["confidence"] < 0.7
    rc, report = scan_json(capsys, db, "--classifier", "llm")
    got = columns_by_key(report)
    c9 = got["shelf_log", "c9"]
    assert (c9["class"], c9["confidence"]) == ("national_id", 0.7)
    assert c9["evidence"].startswith("language model: looks like a government reference")
    assert f"rules said {unsure['class']} ({unsure['confidence']:.2f})" in c9["evidence"]
    # Confident rule results are not asked about and not changed.
    assert got["shelf_log", "owner_mail"]["class"] == "email"
    assert len(llm_stub) == 1
    _assert_no_values_sent(llm_stub, notes + [f"person{i}@example.test" for i in range(30)])
    sent = json.loads(json.loads(llm_stub[0])["messages"][1]["content"])
    assert sent["column"] == "c9" and sent["table"] == "shelf_log"


# --------------------------------------------------------------------------- scan-eval


def test_scan_eval_precision_and_recall(project, tmp_path, capsys):
    values = ", ".join(
        f"({i}, 'member{i}@example.test', 'noreply{i % 2}@shop.test', '{REF_CODES[i % 4]}', "
        f"'{['placed', 'shipped'][i % 2]}')" for i in range(1, 31))
    db = build(tmp_path / "prod.duckdb", f"""
        CREATE SCHEMA club;
        CREATE TABLE club.members (member_id INTEGER PRIMARY KEY, email VARCHAR, sender VARCHAR,
                                   ref_code VARCHAR, status VARCHAR);
        INSERT INTO club.members VALUES {values};
    """)
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "# hand-made labels\n"
        "schema,table,column,class\n"
        "club,members,member_id,identifier\n"
        "club,members,email,email\n"
        "club,members,sender,public\n"          # the shop's own address: scanned email, a false alarm
        "club,members,ref_code,national_id\n"   # scanned public: a miss
        "club,members,status,public\n"
    )
    rc, out, err = cli(capsys, "scan-eval", db, "--labels", labels, "--json")
    report = json.loads(out)
    assert rc == 0, err
    assert report["columns"] == 5
    # Personal data: true positives member_id and email; false alarm sender; miss ref_code.
    pd = report["personal_data"]
    assert pd["precision"] == pytest.approx(2 / 3)
    assert pd["recall"] == pytest.approx(2 / 3)
    assert pd["missed"] == ["club.members.ref_code"]
    assert pd["false_alarms"] == ["club.members.sender"]
    # Exact class over non-public columns: right on member_id and email; 3 predicted, 3 labelled.
    ex = report["exact_class"]
    assert ex["precision"] == pytest.approx(2 / 3)
    assert ex["recall"] == pytest.approx(2 / 3)
    assert sorted(ex["wrong"]) == ["club.members.ref_code: labelled national_id, scanned public",
                                   "club.members.sender: labelled public, scanned email"]
    email = report["per_class"]["email"]
    assert (email["support"], email["predicted"], email["precision"], email["recall"]) == (1, 2, 0.5, 1.0)
    public = report["per_class"]["public"]
    assert (public["support"], public["predicted"], public["precision"], public["recall"]) == (2, 2, 0.5, 0.5)
    assert report["per_class"]["national_id"]["recall"] == 0.0
    assert report["unlabelled"] == [] and report["labelled_but_not_found"] == []

    rc, out, err = cli(capsys, "scan-eval", db, "--labels", labels, "--min-recall", "0.99", "--json")
    assert rc == 1
    assert "recall" in err and "0.99" in err
    rc, out, err = cli(capsys, "scan-eval", db, "--labels", labels, "--min-precision", "0.6", "--min-recall", "0.6")
    assert rc == 0, err
