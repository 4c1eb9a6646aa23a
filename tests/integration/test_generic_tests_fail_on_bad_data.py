"""Each generic test fails on data that is unmasked or broken, and passes on a correct mask.

One dbt build of a small project: `good_*` models are masked correctly; each `leak_*` model
breaks one property. Nothing may be published, since tests fail.
"""

from __future__ import annotations

import pytest

from conftest import SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project

MODELS = {
    "good_people": "{{ understudy_mask('shop', 'people') }}",
    "good_orders": "{{ understudy_mask('shop', 'orders') }}",
    # A raw copy: the classic opt-in leak.
    "shop__people": "select * from {{ source('shop', 'people') }}",
    "leak_dropped_row": "select * from ({{ understudy_mask('shop', 'people') }}) as m where id <> (select min(id) from ({{ understudy_mask('shop', 'people') }}))",
    "leak_null_filled": "select id, coalesce(email, 'filled@example.com') as email, name, city, note, tier from ({{ understudy_mask('shop', 'people') }}) as m",
    "leak_duplicate_keys": "select 1 as id, email, name, city, note, tier from ({{ understudy_mask('shop', 'people') }}) as m",
    "leak_orphans": "select id, person_id + 1 as person_id, total from ({{ understudy_mask('shop', 'orders') }}) as m",
    "leak_public_column": "select id, email, name, city, note, 'write to ana.lima@example.test' as tier from ({{ understudy_mask('shop', 'people') }}) as m",
}

PEOPLE = "{source_name: shop, table_name: people}"
ORDERS = "{source_name: shop, table_name: orders}"
MODELS_YML = f"""
version: 2
models:
  - name: good_people
    data_tests:
      - understudy_row_count_parity: {{arguments: {PEOPLE}}}
      - understudy_null_parity: {{arguments: {PEOPLE}}}
      - understudy_unique_parity: {{arguments: {PEOPLE}}}
      - understudy_no_raw_value: {{arguments: {PEOPLE}}}
      - understudy_pattern_scan: {{arguments: {PEOPLE}}}
  - name: good_orders
    data_tests:
      - understudy_relationships: {{arguments: {{to: "ref('good_people')", foreign_key: person_id, source_name: shop, table_name: orders}}}}
      - understudy_no_raw_value: {{arguments: {ORDERS}}}
  - name: shop__people
    data_tests:
      - understudy_no_raw_value
      - understudy_pattern_scan
  - name: leak_dropped_row
    data_tests:
      - understudy_row_count_parity: {{arguments: {PEOPLE}}}
  - name: leak_null_filled
    data_tests:
      - understudy_null_parity: {{arguments: {PEOPLE}}}
  - name: leak_duplicate_keys
    data_tests:
      - understudy_unique_parity: {{arguments: {PEOPLE}}}
  - name: leak_orphans
    data_tests:
      - understudy_relationships: {{arguments: {{to: "ref('good_people')", foreign_key: person_id, source_name: shop, table_name: orders}}}}
  - name: leak_public_column
    data_tests:
      - understudy_pattern_scan: {{arguments: {PEOPLE}}}
"""

EXPECTED_FAILURES = {
    "understudy_no_raw_value_shop__people_",
    "understudy_pattern_scan_shop__people_",
    "understudy_row_count_parity_leak_dropped_row_",
    "understudy_null_parity_leak_null_filled_",
    "understudy_unique_parity_leak_duplicate_keys_",
    "understudy_relationships_leak_orphans_",
    "understudy_pattern_scan_leak_public_column_",
}

GOOD_TESTS = [
    "understudy_row_count_parity_good_people_", "understudy_null_parity_good_people_",
    "understudy_unique_parity_good_people_", "understudy_no_raw_value_good_people_",
    "understudy_pattern_scan_good_people_", "understudy_relationships_good_orders_",
    "understudy_no_raw_value_good_orders_",
]


@pytest.fixture(scope="module")
def shop_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("negative")
    project = make_mini_project(tmp / "project", SHOP_SOURCES, MODELS, MODELS_YML)
    ws = Workspace(tmp, root=project)
    build_shop_prod(ws.prod)
    run = ws.dbt("build", "--target", "test")
    return ws, run


def _status(run, prefix):
    matches = [r for r in run.results if r["unique_id"].split(".")[2].startswith(prefix)]
    assert matches, f"no test {prefix}"
    return {r["status"] for r in matches}


@pytest.mark.parametrize("test_name", sorted(EXPECTED_FAILURES))
def test_each_generic_test_fails_on_its_fault(shop_build, test_name):
    _, run = shop_build
    assert _status(run, test_name) == {"fail"}


def test_the_correct_mask_passes_every_test(shop_build):
    _, run = shop_build
    for name in GOOD_TESTS:
        assert _status(run, name) == {"pass"}, name


def test_a_failing_build_publishes_nothing(shop_build):
    ws, run = shop_build
    assert run.returncode != 0
    assert not ws.test_db.exists()
    assert "NOT published" in run.stdout
