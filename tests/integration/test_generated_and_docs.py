"""Generated models are current, and dbt docs show every column's masking."""

from __future__ import annotations

import json

from conftest import ROOT, Workspace
from understudy.project import export_plan
from understudy.sync import sync


def test_generated_models_are_current(demo: Workspace):
    plan = export_plan(ROOT, env=demo.env())
    stale = sync(plan, ROOT / "models" / "masked", check=True)
    assert stale == [], "run `understudy sync` and commit: " + ", ".join(map(str, stale))
    assert len(plan["tables"]) == 48


def test_compiled_sql_has_one_expression_per_column(demo: Workspace):
    compiled = (demo.dir / "target" / "compiled" / "understudy" / "models" / "masked" / "chinook" / "chinook__customer.sql").read_text()
    # One commented expression per declared column (13), then one output line per column.
    assert compiled.count("\n        -- ") == 13
    assert "-- email: email -> fake_email\n        us_fake('email', \"email\", 'email', 60, 'chinook.customer.email') as __m12" in compiled
    assert '\n    __m12 as "email"' in compiled
    assert "-- support_rep_id: identifier -> tokenize (references chinook.employee.employee_id)" in compiled
    # Repeating values are masked once per distinct value; phones are kept off raw phones.
    assert "select distinct \"city\" from \"prod\".\"chinook\".\"customer\"" in compiled
    assert "us_avoid('fpe', __m10, md5_number_lower(lower(trim(__m10))), __s10, 'phone'" in compiled
    assert "select *" not in compiled.lower()


def test_docs_generate_shows_the_masking_of_each_column(demo: Workspace):
    run = demo.dbt("docs", "generate", "--target", "docs")
    assert run.returncode == 0, run.stdout[-3000:]
    manifest = json.loads((demo.dir / "target" / "manifest.json").read_text())
    catalog = json.loads((demo.dir / "target" / "catalog.json").read_text())
    node = manifest["nodes"]["model.understudy.synthea__patients"]
    assert node["columns"]["SSN"]["description"].startswith("format_preserving(letters=True) (class national_id, domain national_id):")
    assert node["columns"]["SSN"]["config"]["meta"]["understudy"]["guarantees"]["unique"] is True
    assert "source.understudy.synthea.patients" in node["depends_on"]["nodes"]
    assert "model.understudy.synthea__patients" in catalog["nodes"]
    assert len(catalog["nodes"]["model.understudy.synthea__patients"]["columns"]) == 25
