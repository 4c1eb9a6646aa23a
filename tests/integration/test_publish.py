"""All or nothing: the published test database changes only after a fully passing build, and
set-up problems stop the build before anything is written, with a message saying what to do."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import time

import duckdb
import pytest

from conftest import SHOP_SOURCES, Workspace, build_shop_prod, make_mini_project
from understudy.project import dbt_executable

MODELS = {"shop__people": "{{ understudy_mask('shop', 'people') }}", "shop__orders": "{{ understudy_mask('shop', 'orders') }}"}
MODELS_YML = """
version: 2
models:
  - name: shop__people
    data_tests: [understudy_row_count_parity, understudy_null_parity, understudy_no_raw_value, understudy_pattern_scan]
  - name: shop__orders
    data_tests:
      - understudy_relationships: {arguments: {to: "ref('shop__people')", foreign_key: person_id}}
"""


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def shop(tmp_path) -> Workspace:
    project = make_mini_project(tmp_path / "project", SHOP_SOURCES, MODELS, MODELS_YML)
    ws = Workspace(tmp_path, root=project)
    build_shop_prod(ws.prod)
    return ws


@pytest.fixture()
def published(shop) -> str:
    run = shop.dbt("build", "--target", "test")
    assert run.returncode == 0, run.stdout[-3000:]
    assert "understudy: published" in run.stdout
    return digest(shop.test_db)


def test_a_failing_test_keeps_the_last_good_database(shop, published):
    with duckdb.connect(str(shop.prod)) as con:
        con.execute("update shop.people set tier = 'mail me: ana.lima@example.test' where id = 2")
    run = shop.dbt("build", "--target", "test")
    assert run.returncode != 0
    assert "NOT published" in run.stdout and "understudy_pattern_scan_shop__people_" in run.stdout
    assert digest(shop.test_db) == published


def test_a_new_undeclared_column_fails_the_build_and_is_named(shop, published):
    """F28: default deny: production grew a column the YAML does not declare."""
    with duckdb.connect(str(shop.prod)) as con:
        con.execute("alter table shop.people add column passport_no varchar")
    run = shop.dbt("build", "--target", "test")
    assert run.returncode != 0
    assert "shop.people.passport_no" in run.stdout
    assert digest(shop.test_db) == published


def test_a_killed_build_keeps_the_last_good_database_and_the_next_build_recovers(shop, published):
    env = {**os.environ, **shop.env()}
    proc = subprocess.Popen([dbt_executable(), "build", "--target", "test", "--project-dir", str(shop.root)],
                            cwd=shop.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "OK created" in line:  # killed halfway: a model is written, the tests are not run
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert digest(shop.test_db) == published
    again = shop.dbt("build", "--target", "test")
    assert again.returncode == 0 and "understudy: published" in again.stdout


def test_dbt_run_alone_does_not_publish(shop, published):
    run = shop.dbt("run", "--target", "test")
    assert run.returncode == 0
    assert "only a passing `dbt build` publishes" in run.stdout
    assert digest(shop.test_db) == published


def test_a_partial_build_does_not_publish(shop, published):
    run = shop.dbt("build", "--target", "test", "--select", "shop__people", "--indirect-selection", "cautious")
    assert run.returncode == 0, run.stdout[-3000:]
    assert "NOT published: a partial build" in run.stdout
    assert digest(shop.test_db) == published


def test_missing_production_stops_before_writing(shop):
    run = shop.dbt("build", "--target", "test", UNDERSTUDY_PROD_PATH=str(shop.dir / "nope.duckdb"))
    assert run.returncode != 0
    assert "nope.duckdb does not exist" in run.stdout and "UNDERSTUDY_PROD_PATH" in run.stdout
    assert not shop.test_db.exists()


def test_locked_production_stops_with_advice(shop):
    holder = subprocess.Popen(
        [os.sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
         str(shop.prod)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        run = shop.dbt("build", "--target", "test")
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode != 0
    assert "cannot be opened read-only" in run.stdout and "write lock" in run.stdout
    assert not shop.test_db.exists()


def test_missing_key_is_refused(shop, tmp_path):
    env = {"UNDERSTUDY_KEY": "", "UNDERSTUDY_KEY_FILE": str(tmp_path / "no-key")}
    run = shop.dbt("build", "--target", "test", **env)
    assert run.returncode != 0
    assert "no masking key" in run.stdout and "refuses to build without a key" in run.stdout
    assert not shop.test_db.exists()


def test_a_well_known_key_is_refused(shop):
    run = shop.dbt("build", "--target", "test", UNDERSTUDY_KEY="changeme")
    assert run.returncode != 0 and "well-known value" in run.stdout
    assert not shop.test_db.exists()


def test_an_untagged_seed_is_refused(shop):
    """`dbt build` loads seeds into the test database: a seed must be tagged public first."""
    (shop.root / "seeds").mkdir(exist_ok=True)
    (shop.root / "seeds" / "people_export.csv").write_text("id,email\n1,ana.lima@example.test\n")
    run = shop.dbt("build", "--target", "test")
    assert run.returncode != 0
    assert "seed people_export would be copied into the test database" in run.stdout
    assert not shop.test_db.exists()
    (shop.root / "seeds" / "people_export.yml").write_text(
        "version: 2\nseeds:\n  - name: people_export\n    config: {meta: {understudy: {class: public}}}\n")
    (shop.root / "seeds" / "people_export.csv").write_text("id,tier\n1,gold\n")
    assert shop.dbt("build", "--target", "test").returncode == 0
