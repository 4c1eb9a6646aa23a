"""The lineage audit inside `dbt build`: a downstream model that leaks a tagged column stops the
publish, naming the path; one built only on masked models is published with them."""

from __future__ import annotations

import duckdb

from conftest import SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project
from understudy.project import export_plan
from understudy.sync import sync


def _shop(tmp_path, marts: dict[str, str]) -> Workspace:
    root = make_mini_project(tmp_path / "project", SHOP_SOURCES)
    ws = Workspace(tmp_path, root=root)
    build_shop_prod(ws.prod)
    sync(export_plan(root, env=ws.env()), root / "models" / "masked")
    folder = root / "models" / "marts"
    folder.mkdir(parents=True)
    for name, sql in marts.items():
        (folder / f"{name}.sql").write_text(sql)
    return ws


def test_a_leaking_mart_is_named_and_nothing_is_published(tmp_path):
    ws = _shop(tmp_path, {
        "people_360": "with p as (select name, email from {{ source('shop', 'people') }})\n"
                      "select lower(email) || ' / ' || name as contact from p",
    })
    run = ws.dbt("build", "--target", "test")
    assert run.returncode != 0
    assert "NOT published" in run.stdout
    assert "lineage audit: main.people_360.contact <- shop.people.email (no mask)" in run.stdout
    assert "lineage audit: main.people_360.contact <- shop.people.name (no mask)" in run.stdout
    assert not ws.test_db.exists()


def test_a_mart_on_masked_models_is_audited_and_published(tmp_path):
    ws = _shop(tmp_path, {
        "orders_per_person": "select p.id, p.email, count(o.id) as orders\n"
                             "from {{ ref('shop__people') }} p left join {{ ref('shop__orders') }} o on o.person_id = p.id\n"
                             "group by p.id, p.email",
    })
    run = ws.dbt("build", "--target", "test")
    assert run.returncode == 0, run.stdout[-3000:]
    assert "understudy: published" in run.stdout
    with duckdb.connect(str(ws.test_db), read_only=True) as con:
        rows = con.execute("select count(*) from main.orders_per_person").fetchone()[0]
        raw = {r[0] for r in duckdb.connect(str(ws.prod), read_only=True).execute("select email from shop.people").fetchall()}
        emails = {r[0] for r in con.execute("select email from main.orders_per_person").fetchall()}
    assert rows == 4
    assert not (emails & raw - {None})
