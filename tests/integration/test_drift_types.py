"""The drift guard on types and schemas: a decimal whose precision or scale changed, a column
whose type became an ENUM, a new table with an ENUM column, and a schema no source declares.

Every change is made to one production database and checked in one `dbt build` (each dbt run
costs several seconds). The build must stop in on-run-start, before any model, name each
problem, and never print an ENUM's labels: they are production values.
"""

from __future__ import annotations

import duckdb
import pytest

from conftest import SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project
from understudy.project import export_plan
from understudy.sync import sync

# The shop fixture, with one more declared table whose column will turn into an ENUM.
BADGES_SOURCE = """
      - name: badges
        config: {meta: {understudy: {primary_key: [id]}}}
        columns:
          - {name: id, data_type: integer, config: {meta: {understudy: {class: identifier}}}}
          - {name: level, data_type: varchar(10), config: {meta: {understudy: {class: public}}}}
"""
SOURCES = SHOP_SOURCES.rstrip("\n") + "\n" + BADGES_SOURCE.lstrip("\n")

# ENUM labels that appear nowhere else in the fixture's data, so that finding one in the output
# can only mean the guard printed the type.
LABELS = ("platinumtier", "bronzetier")


@pytest.fixture(scope="module")
def drift(tmp_path_factory):
    """One build of the shop project against a production that drifted in every way at once."""
    tmp = tmp_path_factory.mktemp("drift_types")
    project = make_mini_project(tmp / "project", SOURCES)
    ws = Workspace(tmp, root=project)
    build_shop_prod(ws.prod)
    with duckdb.connect(str(ws.prod)) as con:
        con.execute("create table shop.badges (id integer primary key, level varchar(10))")
        con.execute(f"insert into shop.badges values (1, '{LABELS[0]}'), (2, '{LABELS[1]}')")
    sync(export_plan(project, env=ws.env()), project / "models" / "masked")

    with duckdb.connect(str(ws.prod)) as con:
        # A wider decimal: same family, other precision and scale.
        con.execute("create or replace table shop.orders as "
                    "select id, person_id, total::decimal(12,4) as total from shop.orders")
        # A declared column whose type became an ENUM.
        con.execute(f"create type tier_t as enum ('{LABELS[0]}', '{LABELS[1]}')")
        con.execute("create or replace table shop.badges as select id, level::tier_t as level from shop.badges")
        # A new table with an ENUM column.
        con.execute("create table shop.extra (id integer, tier tier_t)")
        con.execute(f"insert into shop.extra values (1, '{LABELS[0]}'), (2, '{LABELS[1]}'), (3, null)")
        # A schema no source declares.
        con.execute("create schema other")
        con.execute("create table other.t (a int)")
        con.execute("insert into other.t values (1), (2)")
    run = ws.dbt("build", "--target", "test")
    return ws, run


def test_the_build_fails_before_any_model(drift):
    ws, run = drift
    assert run.returncode != 0
    assert "production does not match the sources YAML; nothing was built" in run.stdout, run.stdout[-3000:]
    assert not [r for r in run.results if r["unique_id"].startswith("model.")], "no model may run"
    # dbt writes no run results when on-run-start fails, so look at the databases too: nothing
    # is published, and the staging database holds no table.
    assert not ws.test_db.exists()
    for staged in ws.dir.glob("test.duckdb.staging/*.duckdb"):
        with duckdb.connect(str(staged), read_only=True) as con:
            assert con.execute("select schema_name, table_name from duckdb_tables()").fetchall() == []


def test_a_changed_decimal_precision_and_scale_is_named(drift):
    _, run = drift
    assert "column shop.orders.total is declared decimal(8,2) but production has DECIMAL(12,4)" in run.stdout


def test_a_column_that_became_an_enum_is_named_without_its_labels(drift):
    _, run = drift
    assert "column shop.badges.level is declared varchar(10) but production has ENUM (labels not shown)" \
        in run.stdout, run.stdout[-3000:]


def test_a_new_table_with_an_enum_column_is_named(drift):
    _, run = drift
    assert "table shop.extra (2 columns) is in production but not declared" in run.stdout


def test_no_enum_label_is_printed(drift):
    ws, run = drift
    for label in LABELS:
        assert label not in run.stdout.lower(), f"the ENUM label {label!r} is in the build output"
    logs = ws.dir / "logs" / "dbt.log"
    if logs.exists():
        text = logs.read_text(errors="replace").lower()
        for label in LABELS:
            assert label not in text, f"the ENUM label {label!r} is in dbt.log"


def test_an_undeclared_schema_is_reported(drift):
    _, run = drift
    assert "production also has schemas no source declares (not copied): other" in run.stdout
