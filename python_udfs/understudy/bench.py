"""Benchmarks: the masked build against a plain copy of the same database, in one run.

For each scale, on one generated database (:mod:`bench_data`):

* **plain copy**: every table copied as it is into a new DuckDB file, in a child process
  (the floor: one scan and one write of the data);
* **masked build**: ``dbt build --target test`` with production pointed at that database, in
  a child process, tests included (what a user runs);
* both timed as whole processes, with the peak resident memory of each (``wait4``);
* **per method**: each masked column of the biggest table computed on its own, as a ratio to
  copying that column as it is, in one process;
* **peers**: a row-wise pandas + Faker script doing the same masking of the biggest table on a
  sample, and Microsoft Presidio's anonymizer when it is installed; their per-row cost is
  compared with the masked build's.

Figures are ratios to the plain copy measured in the same run: the machines this runs on are
shared, and absolute seconds move from one minute to the next.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .bench_data import SCHEMA, TABLES, build_bench
from .project import dbt_executable


@dataclass
class Timed:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str = ""


def run_timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Timed:
    """Run a command as a child process; its wall time and peak RSS (from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Timed(seconds, usage.ru_maxrss / 1024.0, proc.returncode, out.decode(errors="replace"))


# -- the baseline -------------------------------------------------------------------------

def plain_copy(src: Path, dst: Path) -> None:
    """Copy every table of the bench schema into a new database file, as it is."""
    import duckdb

    for stale in (dst, Path(str(dst) + ".wal")):
        stale.unlink(missing_ok=True)
    con = duckdb.connect(str(dst))
    con.execute("SET enable_progress_bar = false")
    con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
    con.execute(f"CREATE SCHEMA {SCHEMA}")
    for table in TABLES:
        con.execute(f"CREATE TABLE {SCHEMA}.{table} AS SELECT * FROM src.{SCHEMA}.{table}")
    con.execute("CHECKPOINT")
    con.close()


# -- peers --------------------------------------------------------------------------------

def peer(name: str, src: Path, rows: int, python: Path | None) -> dict[str, Any] | None:
    """Run one peer of :mod:`peers` in its own virtualenv; None when that is not installed."""
    if python is None or not python.exists():
        return None
    script = Path(__file__).with_name("peers.py")
    done = subprocess.run([str(python), str(script), name, str(src), str(rows)], capture_output=True, text=True)
    if done.returncode != 0:
        _say(f"peer {name} failed: {done.stderr.strip()[-500:]}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- per method ---------------------------------------------------------------------------

def per_method(root: Path, prod: Path, compiled_sql: Path) -> list[dict[str, Any]]:
    """Each masked column of the biggest table on its own, against copying it as it is."""
    import duckdb

    from . import udfs
    from .keys import load_key

    sql = compiled_sql.read_text()
    comments = dict(re.findall(r"-- (\w+): (\w+ -> \w+)", sql))
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    con.execute(f"ATTACH '{prod}' AS prod (READ_ONLY)")
    udfs.register_functions(con, load_key(), None, str(prod))
    udfs.configure_cursor(con)
    columns = [r[0] for r in con.execute(f"DESCRIBE {sql}").fetchall()]
    con.execute(f"CREATE TEMP TABLE __warm AS SELECT * FROM ({sql}) LIMIT 1")
    start = time.perf_counter()
    con.execute(f"CREATE OR REPLACE TEMP TABLE __table AS SELECT * FROM prod.{SCHEMA}.customers")
    table_s = time.perf_counter() - start
    rows = con.execute("SELECT count(*) FROM __table").fetchone()[0]
    out = []
    for col in columns:
        quoted = '"' + col.replace('"', '""') + '"'
        start = time.perf_counter()
        con.execute(f"CREATE OR REPLACE TEMP TABLE __copy AS SELECT {quoted} FROM prod.{SCHEMA}.customers")
        copy_s = time.perf_counter() - start
        start = time.perf_counter()
        con.execute(f"CREATE OR REPLACE TEMP TABLE __masked AS SELECT {quoted} FROM ({sql})")
        masked_s = time.perf_counter() - start
        # What masking this column adds, as a fraction of one plain copy of the whole table.
        out.append({"column": col, "method": comments.get(col, "?"), "copy_s": round(copy_s, 3),
                    "masked_s": round(masked_s, 3),
                    "values_per_s": round(rows / masked_s) if masked_s else None,
                    "added_vs_table_copy": round(max(masked_s - copy_s, 0.0) / table_s, 2) if table_s else None})
    con.close()
    return out


KEYED_EXPRESSIONS = {
    "copy the email column": "email",
    "sha256(email) in SQL, unkeyed (never offered)": "sha256(email)",
    "sha256(key || email) in SQL (key in SQL text: rejected)": "sha256('0123456789abcdef0123456789abcdef' || email)",
    "us_h64: SQL sha256, then AES in a UDF (used)": "us_h64('email', email)",
    "us_fake email": "us_fake('email', email, 'email', 255, 'bench')",
    "us_fpe_text on the SSN": "us_fpe_text(ssn, 'national_id', true, 'bench')",
    "us_token_int on the 64-bit key": "us_token_int(customer_id, 64, 'id', 'bench')",
}


def keyed_functions(prod: Path, repeat: int = 3) -> list[dict[str, Any]]:
    """The keyed function against keyed hashing in SQL, and the costliest methods, each over
    one column of customers (median of ``repeat``), as ratios to copying the column."""
    import statistics

    import duckdb

    from . import udfs
    from .keys import load_key

    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    con.execute(f"ATTACH '{prod}' AS prod (READ_ONLY)")
    udfs.register_functions(con, load_key(), None, str(prod))
    udfs.configure_cursor(con)
    seconds = {}
    for name, expr in KEYED_EXPRESSIONS.items():
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            con.execute(f"CREATE OR REPLACE TEMP TABLE __k AS SELECT {expr} AS v FROM prod.{SCHEMA}.customers")
            runs.append(time.perf_counter() - start)
        seconds[name] = statistics.median(runs)
    con.close()
    base = seconds["copy the email column"]
    return [{"expression": k, "seconds": round(v, 3), "ratio": round(v / base, 1)} for k, v in seconds.items()]


# -- one scale ----------------------------------------------------------------------------

@dataclass
class Scale:
    rows: int
    total_rows: int
    plain_copy_s: float
    plain_copy_peak_rss_mb: float
    masked_build_s: float
    masked_build_peak_rss_mb: float
    ratio: float
    build_ok: bool
    models_s: float = 0.0
    tests_s: float = 0.0
    dbt_overhead_s: float = 0.0
    nodes: dict[str, int] = field(default_factory=dict)

    @property
    def per_row_us(self) -> float:
        return self.masked_build_s / self.total_rows * 1e6


def bench_scale(root: Path, rows: int, work: Path, threads: int | None, seed: int = 1) -> tuple[Scale, Path]:
    work.mkdir(parents=True, exist_ok=True)
    prod = work / f"prod_{rows}.duckdb"
    if not prod.exists():
        # In a child process: a parent that grew while generating would lend its peak memory
        # to every child it starts afterwards (Linux keeps the high-water mark across fork).
        _say(f"generating {prod} ({rows:,} rows in the biggest table)")
        made = run_timed([sys.executable, "-m", "understudy.bench", "data", str(prod), str(rows), str(seed)])
        if made.returncode != 0:
            raise RuntimeError("generating the benchmark database failed:\n" + made.output[-2000:])
    import duckdb

    with duckdb.connect(str(prod), read_only=True) as con:
        total = sum(con.execute(f"SELECT count(*) FROM {SCHEMA}.{t}").fetchone()[0] for t in TABLES)

    copy_path = work / f"copy_{rows}.duckdb"
    _say(f"{rows:,}: plain copy of {total:,} rows")
    copy = run_timed([sys.executable, "-m", "understudy.bench", "copy", str(prod), str(copy_path)])
    if copy.returncode != 0:
        raise RuntimeError("the plain copy failed:\n" + copy.output[-2000:])
    for leftover in (copy_path, Path(str(copy_path) + ".wal")):
        leftover.unlink(missing_ok=True)

    target = work / f"target_{rows}"
    env = {**os.environ,
           "UNDERSTUDY_PROD_PATH": str(prod),
           "UNDERSTUDY_TEST_PATH": str(work / f"test_{rows}.duckdb"),
           "UNDERSTUDY_SOURCES": "bench",
           "DBT_TARGET_PATH": str(target),
           "DBT_LOG_PATH": str(work / "logs"),
           "DBT_PROFILES_DIR": str(root / "profiles"),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    cmd = [dbt_executable(), "build", "--target", "test", "--project-dir", str(root)]
    if threads:
        cmd += ["--threads", str(threads)]
    _say(f"{rows:,}: masked dbt build --target test")
    build = run_timed(cmd, env=env, cwd=root)
    results = _results(target / "run_results.json")
    scale = Scale(
        rows=rows, total_rows=total,
        plain_copy_s=round(copy.seconds, 2), plain_copy_peak_rss_mb=round(copy.peak_rss_mb, 1),
        masked_build_s=round(build.seconds, 2), masked_build_peak_rss_mb=round(build.peak_rss_mb, 1),
        # From the rounded seconds, so that the report's three figures agree with each other.
        ratio=round(round(build.seconds, 2) / max(round(copy.seconds, 2), 0.01), 2), build_ok=build.returncode == 0,
    )
    if results:
        models = [r for r in results["results"] if r["unique_id"].startswith("model.")]
        tests = [r for r in results["results"] if r["unique_id"].startswith("test.")]
        scale.models_s = round(sum(r["execution_time"] for r in models), 2)
        scale.tests_s = round(sum(r["execution_time"] for r in tests), 2)
        scale.dbt_overhead_s = round(build.seconds - float(results.get("elapsed_time") or 0.0), 2)
        scale.nodes = {"models": len(models), "tests": len(tests)}
    if not scale.build_ok:
        _say(f"{rows:,}: the masked build FAILED (exit {build.returncode}); its time is still reported")
        print(build.output[-3000:], file=sys.stderr)
    return scale, target


def _results(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _say(message: str) -> None:
    print(f"understudy bench: {message}", file=sys.stderr, flush=True)


def run(root: Path, rows: int, small_rows: int | None, threads: int | None, sample: int,
        work: Path, peers_python: Path | None = None) -> dict[str, Any]:
    scales_rows = sorted({small_rows if small_rows else max(1, rows // 10), rows})
    scales: list[Scale] = []
    target = None
    for n in scales_rows:
        scale, target = bench_scale(root, n, work, threads)
        scales.append(scale)
    big = scales[-1]
    prod = work / f"prod_{big.rows}.duckdb"
    # Per-method figures on the smaller scale's database (each column is masked twice there:
    # alone, and copied alone), to keep the whole run short.
    small = scales[0]
    compiled = next(iter((target or work).glob("compiled/understudy/models/masked/bench/bench__customers.sql")), None)
    _say(f"per-method figures on {small.rows:,} rows")
    methods = per_method(root, work / f"prod_{small.rows}.duckdb", compiled) if compiled else []
    keyed = keyed_functions(work / f"prod_{small.rows}.duckdb")
    _say(f"peers (row-wise pandas + Faker, Presidio) on {sample:,} rows")
    peer_rw = peer("rowwise", prod, sample, peers_python)
    pres = peer("presidio", prod, sample, peers_python)
    # Customers per second of the whole build (every table masked, every test run): the
    # peers mask only the customers table, so this favours them.
    our_row_rate = big.rows / big.masked_build_s
    out: dict[str, Any] = {
        "rows": big.rows,
        "total_rows": big.total_rows,
        "plain_copy_s": big.plain_copy_s,
        "masked_build_s": big.masked_build_s,
        "ratio": big.ratio,
        "peak_rss_mb": max(big.masked_build_peak_rss_mb, big.plain_copy_peak_rss_mb),
        "masked_build_peak_rss_mb": big.masked_build_peak_rss_mb,
        "plain_copy_peak_rss_mb": big.plain_copy_peak_rss_mb,
        "build_ok": all(s.build_ok for s in scales),
        "rows_per_s": round(big.total_rows / big.masked_build_s),
        "plain_copy_rows_per_s": round(big.total_rows / big.plain_copy_s),
        "scales": [{**asdict(s), "per_row_us": round(s.per_row_us, 3)} for s in scales],
        "per_row_growth": round(scales[-1].per_row_us / scales[0].per_row_us, 2) if len(scales) > 1 else None,
        "per_method_rows": small.rows,
        "per_method": methods,
        "keyed_functions": keyed,
        "rowwise_pandas_faker": None if peer_rw is None else {**peer_rw, "speedup": round(our_row_rate / peer_rw["rows_per_s"], 1)},
        "presidio": None if pres is None else {**pres, "speedup": round(our_row_rate / pres["rows_per_s"], 1)},
        "threads": threads,
        "machine": _machine(),
    }
    return out


def _machine() -> dict[str, Any]:
    import platform

    import duckdb

    mem = 0
    try:
        with open("/proc/meminfo") as fh:
            mem = int(fh.readline().split()[1]) // 1024
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "memory_mb": mem, "python": platform.python_version(),
            "duckdb": duckdb.__version__, "platform": platform.platform()}


def print_report(r: dict[str, Any]) -> None:
    print()
    print("Understudy benchmark (ratios to a plain copy measured in the same run)")
    print(f"  machine          {r['machine']['cpus']} CPUs, {r['machine']['memory_mb']:,} MB, DuckDB {r['machine']['duckdb']}")
    print(f"  {'rows':>12} {'all rows':>12} {'copy s':>8} {'build s':>8} {'ratio':>7} {'models s':>9} {'tests s':>8} {'dbt s':>6} {'us/row':>7} {'peak MB':>8}  ok")
    for s in r["scales"]:
        print(f"  {s['rows']:>12,} {s['total_rows']:>12,} {s['plain_copy_s']:>8.1f} {s['masked_build_s']:>8.1f} "
              f"{s['ratio']:>6.1f}x {s['models_s']:>9.1f} {s['tests_s']:>8.1f} {s['dbt_overhead_s']:>6.1f} "
              f"{s['per_row_us']:>7.2f} {s['masked_build_peak_rss_mb']:>8.0f}  {'yes' if s['build_ok'] else 'NO'}")
    if r.get("per_row_growth") is not None:
        print(f"  per-row cost, biggest scale / smallest: {r['per_row_growth']:.2f}x")
    print(f"  masked build: {r['rows_per_s']:,} rows/s; plain copy: {r['plain_copy_rows_per_s']:,} rows/s")
    if r["per_method"]:
        print(f"  per column of customers ({r['per_method_rows']:,} rows): values/s, and the time it adds as a multiple")
        print("  of one plain copy of the whole table (measured alone, one process)")
        for m in r["per_method"]:
            print(f"    {m['column']:<16} {m['method']:<40} {m['values_per_s']:>12,}/s {m['added_vs_table_copy']:>7.2f}x")
    if r.get("keyed_functions"):
        print(f"  keyed functions over one column of {r['per_method_rows']:,} customers, vs copying it:")
        for k in r["keyed_functions"]:
            print(f"    {k['expression']:<58} {k['seconds']:>7.2f} s {k['ratio']:>6.1f}x")
    for key, title in (("rowwise_pandas_faker", "row-wise pandas + Faker"), ("presidio", "Presidio structured")):
        p = r[key]
        if p is None:
            print(f"  {title}: not run (install the peers with `make bench-peers`)")
        else:
            print(f"  {title}: {p['rows_per_s']:,.0f} rows/s on {p['rows']:,} rows of customers; the masked "
                  f"build ({r['rows_per_s']:,} rows/s over all tables, tests included) is {p['speedup']}x faster per customer row")


def main(argv: list[str]) -> int:
    """Child-process entry points used by the benchmark (``python -m understudy.bench``)."""
    if argv[:1] == ["copy"] and len(argv) == 3:
        plain_copy(Path(argv[1]), Path(argv[2]))
        return 0
    if argv[:1] == ["data"] and len(argv) == 4:
        build_bench(Path(argv[1]), int(argv[2]), int(argv[3]))
        return 0
    print("usage: python -m understudy.bench copy SRC DST | data PATH ROWS SEED", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
