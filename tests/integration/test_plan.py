"""The masking plan: committed, current, one block per column, and honest when transpiled."""

from __future__ import annotations

import difflib

import sqlglot

from conftest import ROOT, SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project
from understudy.plan import DIALECTS, plan_files, render_source, write
from understudy.project import export_plan


def test_the_committed_plan_is_current(demo: Workspace):
    plan = export_plan(ROOT, env=demo.env())
    files = plan_files(plan, ROOT / "docs" / "plan")
    stale = write(files, ROOT / "docs" / "plan", check=True)
    assert stale == [], "run `understudy plan` and commit: " + ", ".join(map(str, stale))
    assert {f.source for f in files} == {"chinook", "fault_cases", "jaffle_shop", "neosync", "pg_anonymizer", "synthea"}
    chinook = (ROOT / "docs" / "plan" / "chinook.sql").read_text()
    assert "-- email: email -> fake_email; domain email; deterministic, unique" in chinook
    assert "US_FAKE('email', \"email\", 'email', 60, 'chinook.customer.email') AS \"email\"" in chinook
    assert 'FROM "prod"."chinook"."customer";' in chinook


def test_changing_one_tag_changes_exactly_that_columns_sql(tmp_path):
    ws = Workspace(tmp_path)
    build_shop_prod(ws.prod)
    root = make_mini_project(tmp_path / "project", SHOP_SOURCES)
    before = export_plan(root, env=ws.env())
    sources = root / "models" / "masked" / "shop" / "_shop__sources.yml"
    sources.write_text(sources.read_text().replace("{name: city, data_type: varchar(40), config: {meta: {understudy: {class: city}}}}",
                                                   "{name: city, data_type: varchar(40), config: {meta: {understudy: {class: city, method: redact}}}}"))
    after = export_plan(root, env=ws.env())
    old, _ = render_source("shop", before["tables"], before["policy_version"])
    new, _ = render_source("shop", after["tables"], after["policy_version"])
    changed = [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed, "the plan must change"
    assert all("city" in line for line in changed), changed
    assert any(line.startswith("-") and "fake_city" in line for line in changed)
    assert any(line.startswith("+") and "city -> redact" in line for line in changed)


def test_transpiled_plans_parse_and_list_what_does_not_port(demo: Workspace):
    plan = export_plan(ROOT, env=demo.env())
    tables = [t for t in plan["tables"] if t["source"] == "chinook"]
    text, portability = render_source("chinook", tables, plan["policy_version"], "duckdb")
    assert portability == []          # nothing to port in the engine it was written for
    for dialect in DIALECTS[1:]:
        text, portability = render_source("chinook", tables, plan["policy_version"], dialect)
        for statement in text.split(";\n")[:-1]:
            sqlglot.parse_one(statement, read=dialect)      # valid SQL of the target
        by_column = {p.column: dict(p.functions) for p in portability}
        assert "us_fake" in by_column["chinook.customer.email"]
        assert "no equivalent" in by_column["chinook.customer.email"]["us_fake"]
        assert "chinook.album.title" not in by_column      # a kept column ports as it is
        assert f"-- no faithful equivalent in {dialect}: us_fake" in text
