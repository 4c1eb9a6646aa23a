"""The benchmark: its generated database (deterministic, keys and foreign keys that hold) and
the `understudy bench` command end to end on a small scale, with a passing masked build."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT
from understudy.bench_data import TABLES, build_bench


def _digest(path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"select md5(string_agg(t::varchar, '|' order by t::varchar)) from bench.{t} t").fetchone()[0]
                for t in TABLES}


def test_bench_data_is_deterministic_and_its_keys_hold(tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    counts = build_bench(a, 3000, seed=7)
    build_bench(b, 3000, seed=7, threads=1)
    assert counts["customers"] == 3000 and counts["orders"] == 1500 and counts["products"] == 1000
    assert _digest(a) == _digest(b)
    build_bench(b, 3000, seed=8)
    assert _digest(a)["customers"] != _digest(b)["customers"]
    with duckdb.connect(str(a), read_only=True) as con:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert q("select count(*) - count(distinct email) from bench.customers") == 0
        assert q("select count(*) - count(distinct ssn) from bench.customers") == 0
        assert q("select count(*) from bench.orders o anti join bench.customers c using (customer_id)") == 0
        assert q("select count(*) from bench.customers c where referred_by is not null and referred_by not in (select customer_id from bench.customers)") == 0
        assert q("select count(*) from bench.customers where referred_by >= customer_id") == 0
        assert q("select count(*) from bench.order_lines l anti join bench.orders using (order_id)") == 0
        assert q("select count(*) - count(distinct (order_id, line_no)) from bench.order_lines") == 0
        assert q("select count(*) from bench.refunds r anti join bench.order_lines l using (order_id, line_no)") == 0
        assert q("select count(*) from bench.employees e where manager_id is not null and manager_id not in (select employee_id from bench.employees)") == 0
        assert q("select count(*) from bench.customers where notes is not null") > 0
        assert q("select count(*) from bench.customers where json_extract_string(preferences, '$.contact') is not null") == 3000


@pytest.mark.dbt
def test_bench_command_times_both_scales_and_the_build_passes(tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "understudy")
    env = {**os.environ, "UNDERSTUDY_KEY": "bench-test-" + "k" * 32}
    done = subprocess.run([exe, "bench", "--rows", "4000", "--small-rows", "2000", "--sample", "200", "--json",
                           "--work", str(tmp_path), "--peers-python", str(tmp_path / "none")],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    for key in ("rows", "plain_copy_s", "masked_build_s", "ratio", "peak_rss_mb"):
        assert report[key] > 0, key
    assert report["rows"] == 4000 and report["build_ok"] is True
    assert [s["rows"] for s in report["scales"]] == [2000, 4000]
    assert all(s["nodes"]["models"] == 6 and s["nodes"]["tests"] > 20 for s in report["scales"])
    assert report["ratio"] == pytest.approx(report["masked_build_s"] / report["plain_copy_s"], rel=0.01)
    assert {m["column"] for m in report["per_method"]} >= {"email", "ssn", "phone", "birth_date"}
    assert [k["ratio"] for k in report["keyed_functions"]][0] == 1.0 and len(report["keyed_functions"]) == 7
    assert report["rowwise_pandas_faker"] is None and report["presidio"] is None  # peers not installed here
    # The masked copy of the bench was published and holds no raw email.
    test_db = tmp_path / "test_4000.duckdb"
    with duckdb.connect(str(test_db), read_only=True) as con:
        con.execute(f"attach '{tmp_path / 'prod_4000.duckdb'}' as prod (read_only)")
        assert con.execute("select count(*) from bench.customers m join prod.bench.customers p on m.email = p.email").fetchone()[0] == 0
        assert con.execute("select count(*) from bench.customers").fetchone()[0] == 4000
    # Rebuilt in a fresh process with one thread (the bench used four): identical content.
    from understudy.project import run_dbt

    again = tmp_path / "again.duckdb"
    run = run_dbt(["build", "--target", "test", "--threads", "1"], root=ROOT, env={
        **env, "UNDERSTUDY_PROD_PATH": str(tmp_path / "prod_4000.duckdb"), "UNDERSTUDY_TEST_PATH": str(again),
        "UNDERSTUDY_SOURCES": "bench", "DBT_TARGET_PATH": str(tmp_path / "target_again"),
        "DBT_LOG_PATH": str(tmp_path / "logs_again")})
    assert run.returncode == 0, run.stdout[-3000:]
    assert _digest(again) == _digest(test_db)
