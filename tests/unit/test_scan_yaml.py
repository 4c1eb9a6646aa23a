"""Writing a scan proposal as a sources file, and adding it to an existing one by added lines only."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from understudy.scan.proposal_yaml import (
    ColumnProposal,
    Edit,
    SourceProposal,
    TableProposal,
    apply_to_existing,
    find_source_file,
    render_new_source,
)

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models" / "masked"
SOURCE_FILES = sorted(MODELS.glob("*/_*__sources.yml"))
CHINOOK = MODELS / "chinook" / "_chinook__sources.yml"
FAULT_CASES = MODELS / "fault_cases" / "_fault_cases__sources.yml"
NEOSYNC = MODELS / "neosync" / "_neosync__sources.yml"


# ---------------------------------------------------------------------------------------------
# helpers


def _diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if not line.startswith(("---", "+++", "@@"))
    ]


def _assert_only_added(before: str, after: str) -> list[str]:
    """The lines added; fails if any line of ``before`` was removed or changed."""
    diff = _diff(before, after)
    assert diff, "expected some added lines"
    removed = [line for line in diff if line.startswith("-")]
    assert removed == [], removed
    added = [line[1:] for line in diff]
    # Stronger: the lines of the input are matched, in order, by equal lines of the output, and
    # the only other operations are insertions.
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    ops = {op for op, *_ in matcher.get_opcodes()}
    assert ops <= {"equal", "insert"}, ops
    return added
    return added


def _proposal_from_text(text: str) -> list[SourceProposal]:
    """One proposal per source of a file, holding exactly what the file declares."""
    data = yaml.safe_load(text)
    proposals = []
    for src in data["sources"]:
        tables = []
        for t in src.get("tables") or []:
            columns = []
            for c in t.get("columns") or []:
                tag = ((c.get("config") or {}).get("meta") or {}).get("understudy") or {}
                columns.append(ColumnProposal(c["name"], c.get("data_type", "varchar"), dict(tag)))
            pk = (((t.get("config") or {}).get("meta") or {}).get("understudy") or {}).get("primary_key")
            tables.append(TableProposal(t["name"], columns, primary_key=pk))
        proposals.append(SourceProposal(src["name"], src.get("schema", src["name"]), tables))
    return proposals


def _proposal_from_file(path: Path) -> list[SourceProposal]:
    return _proposal_from_text(path.read_text(encoding="utf-8"))


def _columns(loaded: dict, table: str, source: int = 0) -> list[dict]:
    tables = {t["name"]: t for t in loaded["sources"][source]["tables"]}
    return tables[table]["columns"]


def _chinook_customer(text: str) -> TableProposal:
    """chinook.customer as the scan would propose it: the file's columns, in the file's order."""
    return next(t for t in _proposal_from_text(text)[0].tables if t.name == "customer")


# ---------------------------------------------------------------------------------------------
# render_new_source


def _rich_source() -> SourceProposal:
    return SourceProposal(
        name="shop",
        schema="shop_prod",
        description='The shop: orders and "lines", as sold',
        tables=[
            TableProposal(
                name="order_lines",
                primary_key=["order_id", "line_no"],
                description="One row per line: item and price.",
                columns=[
                    ColumnProposal(
                        "order_id", "integer",
                        {"references": "shop.orders.order_id", "class": "identifier"},
                        evidence="declared foreign key → orders.order_id", confidence=0.97,
                    ),
                    ColumnProposal("line_no", "integer", {"class": "identifier"}, evidence="part of the primary key"),
                    ColumnProposal(
                        "buyer_email", "varchar(60)", {"class": "email", "unique": True},
                        evidence="4,812 of 5,000 sampled values are emails (e.g. Ibáñez-Cruz)", confidence=0.9649,
                        description='Buyer\'s email: the "login" one',
                    ),
                    ColumnProposal(
                        "holder_key", "varchar(80)",
                        {"class": "natural_key", "method": "compose", "params": {"separator": "#", "parts": ["public", "email"]}},
                        evidence="values look like COMPANY#email", confidence=0.5,
                    ),
                    ColumnProposal("price", "numeric(10,2)", {"class": "public"}, evidence="amounts"),
                ],
            ),
            TableProposal(
                name="notes",
                columns=[ColumnProposal("body", "varchar", {"class": "free_text", "method": "null"}, evidence="free text\nover two lines")],
            ),
        ],
    )


def test_new_source_loads_into_the_structure_dbt_expects():
    out = render_new_source(_rich_source())
    assert yaml.safe_load(out) == {
        "version": 2,
        "sources": [
            {
                "name": "shop",
                "description": 'The shop: orders and "lines", as sold',
                "database": "prod",
                "schema": "shop_prod",
                "tables": [
                    {
                        "name": "order_lines",
                        "description": "One row per line: item and price.",
                        "config": {"meta": {"understudy": {"primary_key": ["order_id", "line_no"]}}},
                        "columns": [
                            {"name": "order_id", "data_type": "integer",
                             "config": {"meta": {"understudy": {"class": "identifier", "references": "shop.orders.order_id"}}}},
                            {"name": "line_no", "data_type": "integer",
                             "config": {"meta": {"understudy": {"class": "identifier"}}}},
                            {"name": "buyer_email", "description": 'Buyer\'s email: the "login" one', "data_type": "varchar(60)",
                             "config": {"meta": {"understudy": {"class": "email", "unique": True}}}},
                            {"name": "holder_key", "data_type": "varchar(80)",
                             "config": {"meta": {"understudy": {"class": "natural_key", "method": "compose",
                                                                "params": {"separator": "#", "parts": ["public", "email"]}}}}},
                            {"name": "price", "data_type": "numeric(10,2)",
                             "config": {"meta": {"understudy": {"class": "public"}}}},
                        ],
                    },
                    {
                        "name": "notes",
                        "columns": [
                            {"name": "body", "data_type": "varchar",
                             "config": {"meta": {"understudy": {"class": "free_text", "method": "null"}}}},
                        ],
                    },
                ],
            }
        ],
    }


def test_new_source_has_the_layout_of_the_existing_files():
    lines = render_new_source(_rich_source()).splitlines()
    assert lines[:8] == [
        "version: 2",
        "",
        "sources:",
        "  - name: shop",
        '    description: "The shop: orders and \\"lines\\", as sold"',
        "    database: prod",
        "    schema: shop_prod",
        "    tables:",
    ]
    assert lines[8:24] == [
        "      - name: order_lines",
        '        description: "One row per line: item and price."',
        "        config:",
        "          meta:",
        "            understudy:",
        "              primary_key: [order_id, line_no]",
        "        columns:",
        "          # scan: identifier (confidence 0.97): declared foreign key → orders.order_id",
        "          - name: order_id",
        "            data_type: integer",
        "            config:",
        "              meta:",
        # tag keys in the fixed order (class first) although the proposal gave references first
        "                understudy: {class: identifier, references: shop.orders.order_id}",
        "          # scan: identifier (confidence 1.00): part of the primary key",
        "          - name: line_no",
        "            data_type: integer",
    ]
    assert "                understudy: {class: email, unique: true}" in lines
    assert '            description: "Buyer\'s email: the \\"login\\" one"' in lines
    assert '                understudy: {class: natural_key, method: compose, params: {separator: "#", parts: [public, email]}}' in lines
    # "null" as a method must stay a string: unquoted it would read as no value
    assert '                understudy: {class: free_text, method: "null"}' in lines
    # a table without a primary key has no config block
    notes = lines.index("      - name: notes")
    assert lines[notes + 1] == "        columns:"


def test_every_column_has_its_scan_comment_right_above_it():
    lines = render_new_source(_rich_source()).splitlines()
    names = [i for i, line in enumerate(lines) if line.lstrip().startswith("- name:") and line.startswith(" " * 10 + "-")]
    assert len(names) == 6
    for i in names:
        assert lines[i - 1].startswith("          # scan: "), lines[i - 1]
    assert "          # scan: email (confidence 0.96): 4,812 of 5,000 sampled values are emails (e.g. Ibáñez-Cruz)" in lines
    # evidence over several lines is written on one comment line
    assert "          # scan: free_text (confidence 1.00): free text over two lines" in lines


def test_names_and_types_yaml_would_misread_are_quoted():
    source = SourceProposal("s", "s", [TableProposal("yes", [
        ColumnProposal("on", "varchar", {"class": "public"}),
        ColumnProposal("null", "integer", {"class": "public"}),
        ColumnProposal("0171", "varchar", {"class": "public", "domain": "2024-01-01"}),
        ColumnProposal("Bad Name #1", "timestamp with time zone", {"class": "public", "params": {"x": 1.5e-7}}),
    ])])
    out = render_new_source(source)
    loaded = yaml.safe_load(out)
    table = loaded["sources"][0]["tables"][0]
    assert table["name"] == "yes"
    assert [c["name"] for c in table["columns"]] == ["on", "null", "0171", "Bad Name #1"]
    assert table["columns"][2]["config"]["meta"]["understudy"]["domain"] == "2024-01-01"
    assert table["columns"][3]["data_type"] == "timestamp with time zone"
    assert table["columns"][3]["config"]["meta"]["understudy"]["params"] == {"x": 1.5e-7}


# ---------------------------------------------------------------------------------------------
# apply_to_existing


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.parent.name)
def test_real_files_are_left_byte_identical_when_nothing_is_missing(path, tmp_path):
    assert len(SOURCE_FILES) >= 7
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    text = copy.read_bytes().decode("utf-8")
    for proposal in _proposal_from_file(copy):
        out, edits = apply_to_existing(text, proposal)
        assert edits == []
        assert out is text or out.encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.parent.name)
def test_real_files_take_a_column_in_every_table_and_a_new_table(path):
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    for i, proposal in enumerate(_proposal_from_text(text)):
        for table, declared in zip(proposal.tables, expected["sources"][i]["tables"]):
            at = len(table.columns) // 2
            column = ColumnProposal(f"scan_new_{table.name}", "varchar", {"class": "public"}, evidence="new")
            table.columns.insert(at, column)
            declared.setdefault("columns", []).insert(at, {
                "name": column.name, "data_type": "varchar", "config": {"meta": {"understudy": {"class": "public"}}},
            })
        proposal.tables.append(TableProposal("scan_new_table", [ColumnProposal("id", "integer", {"class": "identifier"})]))
        expected["sources"][i]["tables"].append({
            "name": "scan_new_table",
            "columns": [{"name": "id", "data_type": "integer", "config": {"meta": {"understudy": {"class": "identifier"}}}}],
        })
        out, edits = apply_to_existing(text, proposal)
        assert len(edits) == len(proposal.tables)
        _assert_only_added(text, out)
        text = out
    assert yaml.safe_load(text) == expected


def test_new_column_and_new_table_in_chinook_are_only_added_lines():
    original = CHINOOK.read_text(encoding="utf-8")
    # Comments in a few places, to see that they survive.
    text = original.replace("sources:\n", "# header comment\nsources:\n", 1)
    text = text.replace(
        "          - name: support_rep_id\n",
        "          # support_rep_id: reviewed\n          - name: support_rep_id\n", 1,
    )
    text = text.replace(
        '            description: "Customer\'s email address; unique in the data."\n',
        '            description: "Customer\'s email address; unique in the data."  # trailing note\n', 1,
    )
    assert text.count("#") - original.count("#") == 3

    customer = _chinook_customer(text)
    at = [c.name for c in customer.columns].index("email") + 1
    customer.columns.insert(at, ColumnProposal(
        "loyalty_code", "varchar(12)", {"class": "national_id", "unique": True},
        evidence="12-character codes, unique", confidence=0.81, description="Loyalty card: 'LC-' prefix",
    ))
    new_table = TableProposal("gift_card", primary_key=["card_id"], columns=[
        ColumnProposal("card_id", "integer", {"class": "identifier"}, evidence="primary key"),
        ColumnProposal("customer_id", "integer", {"class": "identifier", "references": "chinook.customer.customer_id"},
                       evidence="declared foreign key", confidence=0.99),
    ])
    proposal = SourceProposal("chinook", "chinook", [customer, new_table])

    out, edits = apply_to_existing(text, proposal)

    assert edits == [
        Edit("add_column", "customer", "loyalty_code",
             "new column customer.loyalty_code (national_id, confidence 0.81) after email"),
        Edit("add_table", "gift_card", None, "new table gift_card with 2 columns"),
    ]
    added = _assert_only_added(text, out)
    assert added[:3] == [
        "          # scan: national_id (confidence 0.81): 12-character codes, unique",
        "          - name: loyalty_code",
        '            description: "Loyalty card: \'LC-\' prefix"',
    ]
    assert "      - name: gift_card" in added
    # every comment of the input is still there
    for comment in ("# header comment", "# support_rep_id: reviewed", "  # trailing note"):
        assert comment in out

    lines = out.splitlines()
    email = lines.index("          - name: email")
    new = lines.index("          - name: loyalty_code")
    rep = lines.index("          - name: support_rep_id")
    assert email < new < rep
    # the new column sits before the comment that heads support_rep_id
    assert lines[rep - 1] == "          # support_rep_id: reviewed"
    assert lines[new - 1].startswith("          # scan: national_id")
    # the new table is the last table of the source, at the end of the file
    assert lines[-1] == "                understudy: {class: identifier, references: chinook.customer.customer_id}"

    loaded = yaml.safe_load(out)
    names = [c["name"] for c in _columns(loaded, "customer")]
    assert names[names.index("email") + 1] == "loyalty_code"
    assert names[names.index("loyalty_code") + 1] == "support_rep_id"
    col = _columns(loaded, "customer")[names.index("loyalty_code")]
    assert col["config"]["meta"]["understudy"] == {"class": "national_id", "unique": True}
    assert col["data_type"] == "varchar(12)"
    tables = {t["name"]: t for t in loaded["sources"][0]["tables"]}
    assert tables["gift_card"]["config"] == {"meta": {"understudy": {"primary_key": ["card_id"]}}}
    assert [t["name"] for t in loaded["sources"][0]["tables"]][-1] == "gift_card"
    # everything else loads as before
    for t in loaded["sources"][0]["tables"]:
        if t["name"] == "customer":
            t["columns"] = [c for c in t["columns"] if c["name"] != "loyalty_code"]
    loaded["sources"][0]["tables"] = [t for t in loaded["sources"][0]["tables"] if t["name"] != "gift_card"]
    assert loaded == yaml.safe_load(text)


def test_a_differing_tag_for_an_existing_column_changes_nothing():
    text = CHINOOK.read_text(encoding="utf-8")
    customer = _chinook_customer(text)
    for c in customer.columns:
        if c.name == "email":
            c.tag = {"class": "free_text", "method": "redact"}
            c.data_type = "text"
            c.description = "something else"
    customer.primary_key = ["email"]
    out, edits = apply_to_existing(text, SourceProposal("chinook", "chinook", [customer]))
    assert out == text
    assert edits == []


def test_a_column_missing_at_the_start_goes_first():
    text = CHINOOK.read_text(encoding="utf-8")
    customer = _chinook_customer(text)
    customer.columns.insert(0, ColumnProposal("tenant", "varchar", {"class": "public"}, evidence="one value"))
    customer.columns.insert(1, ColumnProposal("region", "varchar", {"class": "quasi_identifier"}, evidence="few values"))
    out, edits = apply_to_existing(text, SourceProposal("chinook", "chinook", [customer]))
    assert [(e.column, e.detail) for e in edits] == [
        ("tenant", "new column customer.tenant (public, confidence 1.00) as the first column"),
        ("region", "new column customer.region (quasi_identifier, confidence 1.00) after tenant"),
    ]
    _assert_only_added(text, out)
    names = [c["name"] for c in _columns(yaml.safe_load(out), "customer")]
    assert names[:3] == ["tenant", "region", "customer_id"]
    lines = out.splitlines()
    start = lines.index("      - name: customer")
    at = lines.index("        columns:", start)
    assert lines[at + 1] == "          # scan: public (confidence 1.00): one value"
    assert lines[at + 2] == "          - name: tenant"


FILE_WITH_COMMENTS = """\
version: 2
sources:
  - name: crm
    database: prod
    schema: crm_live
    tables:
      - name: contacts
        columns:
          # the key
          - name: contact_id
            data_type: integer
            config: {meta: {understudy: {class: identifier}}}  # do not touch
            # kept with contact_id

          # the address block starts here
          - name: email
            data_type: varchar
            config: {meta: {understudy: {class: email}}}
      - name: calls
        columns:
          - name: call_id
            data_type: integer
            config:
              meta:
                understudy: {class: identifier}
          # last column, no newline after it
          - name: note
            data_type: varchar
            config:
              meta:
                understudy: {class: free_text}"""


def test_comments_between_columns_and_a_file_without_final_newline():
    text = FILE_WITH_COMMENTS
    assert not text.endswith("\n")
    contacts = TableProposal("contacts", [
        ColumnProposal("contact_id", "integer", {"class": "identifier"}),
        ColumnProposal("name", "varchar", {"class": "first_name"}, evidence="first names", confidence=0.8),
        ColumnProposal("email", "varchar", {"class": "email"}),
        ColumnProposal("phone", "varchar", {"class": "phone"}, evidence="phones"),
    ])
    calls = TableProposal("calls", [
        ColumnProposal("call_id", "integer", {"class": "identifier"}),
        ColumnProposal("note", "varchar", {"class": "free_text"}),
        ColumnProposal("duration", "integer", {"class": "public"}, evidence="seconds"),
    ])
    out, edits = apply_to_existing(text, SourceProposal("crm", "crm_live", [contacts, calls]))
    assert [(e.table, e.column) for e in edits] == [("contacts", "name"), ("contacts", "phone"), ("calls", "duration")]
    _assert_only_added(text, out)
    assert not out.endswith("\n")
    assert "understudy: {class: free_text}\n          # scan: public (confidence 1.00): seconds\n" in out

    lines = out.splitlines()
    # the comment indented under contact_id stays with it; the heading of email stays above email
    kept = lines.index("            # kept with contact_id")
    assert lines[kept + 1] == "          # scan: first_name (confidence 0.80): first names"
    assert lines[kept + 2] == "          - name: name"
    assert lines.index("          # the address block starts here") < lines.index("          - name: email")
    assert lines.index("          - name: name") < lines.index("          # the address block starts here")
    # the table writes its config on one line, and so does the new column
    assert "            config: {meta: {understudy: {class: first_name}}}" in lines
    assert "            config: {meta: {understudy: {class: phone}}}" in lines
    # the other table writes it as a block, and so does its new column
    assert lines[-5:] == [
        "          - name: duration",
        "            data_type: integer",
        "            config:",
        "              meta:",
        "                understudy: {class: public}",
    ]
    assert "  # do not touch" in out

    loaded = yaml.safe_load(out)
    assert [c["name"] for c in _columns(loaded, "contacts")] == ["contact_id", "name", "email", "phone"]
    assert [c["name"] for c in _columns(loaded, "calls")] == ["call_id", "note", "duration"]
    assert _columns(loaded, "calls")[2]["config"]["meta"]["understudy"] == {"class": "public"}


def test_a_new_column_in_a_one_line_config_file_follows_that_form():
    text = FAULT_CASES.read_text(encoding="utf-8")
    proposal = _proposal_from_file(FAULT_CASES)[0]
    badges = next(t for t in proposal.tables if t.name == "badges")
    badges.columns.append(ColumnProposal("issued_on", "date", {"class": "event_date"}, evidence="dates"))
    out, edits = apply_to_existing(text, proposal)
    assert len(edits) == 1
    added = _assert_only_added(text, out)
    assert added == [
        "          # scan: event_date (confidence 1.00): dates",
        "          - name: issued_on",
        "            data_type: date",
        "            config: {meta: {understudy: {class: event_date}}}",
    ]
    assert out.endswith("\n") and out.startswith(text)


def test_tables_are_matched_by_identifier_and_ignoring_case():
    text = NEOSYNC.read_text(encoding="utf-8")
    proposal = _proposal_from_file(NEOSYNC)[0]
    for table in proposal.tables:
        if table.name == "bad_name_123":
            table.name = "Bad Name 123!@#"     # the production name, as a scan of the database sees it
        if table.name == "BadName":
            table.name = "badname"
            for c in table.columns:
                c.name = c.name.lower()
    out, edits = apply_to_existing(text, proposal)
    assert edits == []
    assert out == text


def test_crlf_files_get_crlf_lines():
    text = FILE_WITH_COMMENTS.replace("\n", "\r\n") + "\r\n"
    calls = TableProposal("calls", [ColumnProposal("call_id", "integer", {}),
                                    ColumnProposal("note", "varchar", {}),
                                    ColumnProposal("caller", "varchar", {"class": "first_name"})])
    out, edits = apply_to_existing(text, SourceProposal("crm", "crm_live", [calls]))
    assert len(edits) == 1
    assert out.startswith(text) and out.endswith("\r\n")
    assert "\n" not in out.replace("\r\n", "")
    assert yaml.safe_load(out)["sources"][0]["tables"][1]["columns"][-1]["name"] == "caller"


def test_a_table_without_columns_gets_a_columns_list():
    text = "version: 2\nsources:\n  - name: a\n    tables:\n      - name: t\n        description: \"x\"\n      - name: u\n"
    out, edits = apply_to_existing(text, SourceProposal("a", "a", [
        TableProposal("t", [ColumnProposal("id", "integer", {"class": "identifier"})]),
    ]))
    assert edits == [Edit("add_column", "t", "id", "new column t.id (identifier, confidence 1.00) in a new columns list")]
    _assert_only_added(text, out)
    tables = yaml.safe_load(out)["sources"][0]["tables"]
    assert tables[0]["columns"][0]["name"] == "id"
    assert tables[1] == {"name": "u"}


def test_source_matched_by_name_when_no_schema_matches():
    text = CHINOOK.read_text(encoding="utf-8")
    out, edits = apply_to_existing(text, SourceProposal("chinook", "renamed_schema", [
        TableProposal("extra", [ColumnProposal("id", "integer", {"class": "identifier"})]),
    ]))
    assert edits[0].kind == "add_table"
    _assert_only_added(text, out)


def test_unknown_schema_is_an_error_naming_it_and_the_file_sources():
    text = CHINOOK.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="no_such_schema") as raised:
        apply_to_existing(text, SourceProposal("other", "no_such_schema", []))
    assert "chinook" in str(raised.value)


def test_flow_style_columns_are_refused_rather_than_rewritten():
    text = "version: 2\nsources:\n  - name: a\n    tables:\n      - name: t\n        columns: [{name: id}]\n"
    with pytest.raises(ValueError, match="flow style"):
        apply_to_existing(text, SourceProposal("a", "a", [TableProposal("t", [ColumnProposal("x", "integer", {})])]))
    # nothing missing: no complaint
    assert apply_to_existing(text, SourceProposal("a", "a", [TableProposal("t", [ColumnProposal("id", "integer", {})])])) == (text, [])


# ---------------------------------------------------------------------------------------------
# find_source_file


def test_find_source_file():
    assert find_source_file(ROOT / "models", "chinook") == CHINOOK
    assert find_source_file(ROOT / "models", "fault_cases") == FAULT_CASES
    assert find_source_file(ROOT / "models", "no_such_schema") is None


def test_find_source_file_uses_the_name_when_schema_is_absent(tmp_path):
    (tmp_path / "crm").mkdir()
    (tmp_path / "crm" / "_crm__sources.yml").write_text("version: 2\nsources:\n  - name: crm\n    tables: []\n")
    (tmp_path / "crm" / "notes.yml").write_text("version: 2\nsources:\n  - name: other\n")
    assert find_source_file(tmp_path, "crm") == tmp_path / "crm" / "_crm__sources.yml"
    assert find_source_file(tmp_path, "other") is None
