"""The `understudy` command line.

    understudy demo            build the demo production database, then the masked copy
    understudy prod            build the demo production database from the shipped data
    understudy keygen          create the local key file (git-ignored) if there is none
    understudy sync [--check]  write the masked models, docs, tests and plan from the tagged sources
    understudy build           dbt build --target test, then a summary of what was masked
    understudy bench-data      write a production-like benchmark database of any size
    understudy bench           time the masked build against a plain copy, at two scales
    understudy plan [--check]  write the masking plan (the SQL of every column) to docs/plan/
    understudy audit           lineage audit of the models built on the masked ones
    understudy scan PATH       find the personal data in a database, propose tags as a YAML change
    understudy scan-eval PATH  precision and recall of the scan against labelled columns

Exit codes: 0 success; 1 the build or a check failed (details above the summary);
2 bad usage or set-up (no key, no production database, stale generated files).
`scan`: 0 nothing new, 1 proposals made (or a public tag that looks personal), 2 error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_SETUP = 0, 1, 2


def _env_path(name: str, default: str, root: Path) -> Path:
    value = Path(os.environ.get(name, default))
    return value if value.is_absolute() else root / value


def _say(message: str) -> None:
    """Progress and advice go to stderr, so that --json output on stdout stays clean."""
    print(f"understudy: {message}", file=sys.stderr, flush=True)


class _Phases:
    """Times named phases and prints them at the end."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    def run(self, name: str, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        _say(f"{what} ...")
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.times.append((name, time.perf_counter() - start))


def cmd_keygen(args: argparse.Namespace) -> int:
    from .keys import KEY_ENV, generate_key_file

    if os.environ.get(KEY_ENV):
        _say(f"{KEY_ENV} is set; it takes precedence over any key file")
    path, created = generate_key_file(args.path)
    _say(("created key file " if created else "key file already exists: ") + str(path))
    return EXIT_OK


def cmd_prod(args: argparse.Namespace) -> int:
    from .demo_data import build_prod

    out = _env_path("UNDERSTUDY_PROD_PATH", "warehouse/prod.duckdb", args.root) if args.out is None else args.out
    counts = build_prod(out)
    _say(f"built {out}: {len(counts)} tables, {sum(counts.values()):,} rows")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from .plan import plan_files, write
    from .project import export_plan
    from .sync import sync

    try:
        plan = export_plan(args.root)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return EXIT_SETUP
    changed = sync(plan, args.root / "models" / "masked", check=args.check)
    # The masking plan (docs/plan/) is generated from the same tags: it is kept current with them.
    if os.environ.get("UNDERSTUDY_SOURCES", "demo") == "demo":
        out = args.root / "docs" / "plan"
        changed += write(plan_files(plan, out), out, check=args.check)
    if args.check:
        if changed:
            for path in changed:
                print(f"stale: {path.relative_to(args.root)}", file=sys.stderr)
            _say("generated files are stale; run `understudy sync` (or `make sync`) and commit the result")
            return EXIT_SETUP
        _say(f"generated models and plan are up to date ({len(plan['tables'])} tables)")
        return EXIT_OK
    _say(f"{len(changed)} file(s) written for {len(plan['tables'])} tables")
    return EXIT_OK


def _summary(root: Path, run: Any, phases: _Phases, test_db: Path, published: bool) -> dict[str, Any]:
    import duckdb

    methods: Counter[str] = Counter()
    tables = 0
    manifest_file = Path(os.environ.get("DBT_TARGET_PATH", root / "target")) / "manifest.json"
    if manifest_file.exists():
        manifest = json.loads(manifest_file.read_text())
        for node in manifest["nodes"].values():
            if node["resource_type"] == "model" and node["fqn"][1:2] == ["masked"]:
                tables += 1
                for col in node["columns"].values():
                    tag = (col.get("config") or {}).get("meta", {}).get("understudy") or col.get("meta", {}).get("understudy")
                    if tag:
                        methods[tag["method"]] += 1
    rows = 0
    if published and test_db.exists():
        with duckdb.connect(str(test_db), read_only=True) as con:
            for schema, table in con.execute(
                "select schema_name, table_name from duckdb_tables() where schema_name <> 'main'"
            ).fetchall():
                rows += con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
    tests = [r for r in run.results if r["unique_id"].startswith("test.")]
    return {
        "published": published,
        "test_database": str(test_db),
        "tables": tables,
        "rows": rows,
        "columns_per_method": dict(sorted(methods.items())),
        "tests_passed": sum(1 for r in tests if r["status"] == "pass"),
        "tests_failed": sum(1 for r in tests if r["status"] in ("fail", "error")),
        "tests_skipped": sum(1 for r in tests if r["status"] == "skipped"),
        "models_failed": sum(1 for r in run.results if r["unique_id"].startswith("model.") and r["status"] == "error"),
        "phases_s": {name: round(seconds, 2) for name, seconds in phases.times},
    }


def _print_summary(s: dict[str, Any]) -> None:
    print()
    print("Understudy summary")
    print(f"  published       {'yes -> ' + s['test_database'] if s['published'] else 'NO (previous test database unchanged)'}")
    print(f"  tables          {s['tables']} (masked models in the project)")
    print(f"  rows written    {s['rows']:,}")
    print(f"  models failed   {s['models_failed']}")
    print(f"  tests           {s['tests_passed']} passed, {s['tests_failed']} failed, {s['tests_skipped']} skipped")
    print("  columns per method")
    for method, n in s["columns_per_method"].items():
        print(f"    {method:<22}{n:>5}")
    print("  time per phase")
    for name, seconds in s["phases_s"].items():
        print(f"    {name:<22}{seconds:>7.1f} s")


def _build(args: argparse.Namespace, phases: _Phases) -> int:
    from .project import run_dbt

    root = args.root
    test_db = _env_path("UNDERSTUDY_TEST_PATH", "warehouse/test.duckdb", root)
    before = test_db.stat().st_mtime_ns if test_db.exists() else None
    dbt_args = ["build", "--target", "test"]
    if args.threads:
        dbt_args += ["--threads", str(args.threads)]
    run = phases.run("masked build + tests", "dbt " + " ".join(dbt_args), run_dbt, dbt_args, root=root,
                     stream=not args.json)
    published = test_db.exists() and test_db.stat().st_mtime_ns != before and run.returncode == 0
    if run.returncode != 0 and not run.results:
        if args.json:
            print(run.stdout[-4000:], file=sys.stderr)
        _say("the build did not start (see the error above); nothing was published")
        # Production that does not match the sources YAML is a failed check, not a set-up error.
        return EXIT_FAILED if "production does not match the sources YAML" in run.stdout else EXIT_SETUP
    summary = phases.run("summary", "summarizing", _summary, root, run, phases, test_db, published)
    summary["phases_s"] = {name: round(seconds, 2) for name, seconds in phases.times}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        _print_summary(summary)
    if run.returncode != 0:
        if "understudy:" in run.stdout and args.json:
            print(run.stdout[-4000:], file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    return _build(args, _Phases())


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo_data import build_prod
    from .keys import KEY_ENV, generate_key_file

    phases = _Phases()
    prod = _env_path("UNDERSTUDY_PROD_PATH", "warehouse/prod.duckdb", args.root)
    counts = phases.run("demo production", f"building the demo production database {prod}", build_prod, prod)
    _say(f"production: {len(counts)} tables, {sum(counts.values()):,} rows")
    if not os.environ.get(KEY_ENV):
        path, created = generate_key_file()
        _say(("created a new masking key in " if created else "using the masking key in ") + str(path))
    return _build(args, phases)


def cmd_bench_data(args: argparse.Namespace) -> int:
    from .bench_data import build_bench

    out = args.out or args.root / "warehouse" / "bench_prod.duckdb"
    start = time.perf_counter()
    counts = build_bench(out, args.rows, args.seed)
    _say(f"built {out}: {sum(counts.values()):,} rows in {len(counts)} tables "
         f"({counts['customers']:,} customers) in {time.perf_counter() - start:.1f} s")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import print_report, run
    from .keys import KEY_ENV, generate_key_file

    if not os.environ.get(KEY_ENV):
        generate_key_file()
    work = args.work or args.root / "warehouse" / "bench"
    try:
        peers = args.peers_python or args.root / ".venv-peers" / "bin" / "python"
        report = run(args.root, args.rows, args.small_rows, args.threads, args.sample, work, peers)
    except RuntimeError as exc:
        _say(str(exc))
        return EXIT_FAILED
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return EXIT_OK if report["build_ok"] else EXIT_FAILED


def cmd_plan(args: argparse.Namespace) -> int:
    from .plan import plan_files, write
    from .project import export_plan

    try:
        plan = export_plan(args.root)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return EXIT_SETUP
    out = args.out or (args.root / "docs" / "plan" if args.dialect == "duckdb"
                       else args.root / "target" / "plan" / args.dialect)
    try:
        files = plan_files(plan, out, args.dialect)
    except ValueError as exc:
        _say(str(exc))
        return EXIT_FAILED
    changed = write(files, out, check=args.check)
    for f in files:
        for p in f.portability:
            print(f"{p.column}: " + "; ".join(f"{name} ({why})" for name, why in p.functions))
    if args.check:
        for path in changed:
            print(f"stale: {path.relative_to(args.root) if path.is_relative_to(args.root) else path}", file=sys.stderr)
        if changed:
            _say("the masking plan is stale; run `understudy plan` (or `make plan`) and commit the result")
            return EXIT_SETUP
        _say(f"the masking plan is up to date ({len(files)} sources)")
        return EXIT_OK
    where = out.relative_to(args.root) if out.is_relative_to(args.root) else out
    _say(f"{len(changed)} plan file(s) written to {where} ({len(files)} sources, {args.dialect})")
    if args.dialect != "duckdb":
        n = sum(len(f.portability) for f in files)
        _say(f"{n} column(s) use functions with no faithful equivalent in {args.dialect} (listed above)")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from .audit import audit_models, payload_from_manifest
    from .project import run_dbt

    run = run_dbt(["compile", "--target", "test", "--quiet"], root=args.root)
    manifest_file = Path(os.environ.get("DBT_TARGET_PATH", args.root / "target")) / "manifest.json"
    if run.returncode != 0 or not manifest_file.exists():
        print(run.stdout[-4000:], file=sys.stderr)
        _say("the models did not compile; nothing could be audited")
        return EXIT_SETUP
    payload = payload_from_manifest(json.loads(manifest_file.read_text()))
    leaks = audit_models(payload)
    for leak in leaks:
        print(f"leak: {leak}")
    n = len(payload["models"])
    if leaks:
        _say(f"the lineage audit failed: {len(leaks)} path(s) in {n} downstream model(s)")
        return EXIT_FAILED
    _say(f"the lineage audit passed: {n} downstream model(s), {len(payload['masked'])} masked models trusted")
    return EXIT_OK


def cmd_scan(args: argparse.Namespace) -> int:
    from .scan.command import cmd_scan as run

    return run(args)


def cmd_scan_eval(args: argparse.Namespace) -> int:
    from .scan.command import cmd_scan_eval as run

    return run(args)


def _positive(text: str) -> int:
    value = int(text.replace("_", "").replace(",", ""))
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="understudy",
        description="Mask a production DuckDB database into a test copy with dbt.",
        epilog="Exit codes: 0 ok, 1 build or check failed, 2 set-up or usage error.",
    )
    parser.add_argument("--version", action="version", version=f"understudy {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", help="build the demo production database, then the masked copy")
    p.add_argument("--threads", type=int, help="dbt threads (default: the profile's)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(fn=cmd_demo)

    p = sub.add_parser("build", help="dbt build --target test, then a summary")
    p.add_argument("--threads", type=int, help="dbt threads (default: the profile's)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(fn=cmd_build)

    p = sub.add_parser("prod", help="build the demo production database from the shipped data")
    p.add_argument("--out", type=Path, help="where to write it (default $UNDERSTUDY_PROD_PATH)")
    p.set_defaults(fn=cmd_prod)

    p = sub.add_parser("keygen", help="create the local key file if there is none")
    p.add_argument("--path", type=Path, help="key file (default $UNDERSTUDY_KEY_FILE, else ~/.config/understudy/key)")
    p.set_defaults(fn=cmd_keygen)

    p = sub.add_parser("bench-data", help="write a production-like benchmark database")
    p.add_argument("--rows", type=_positive, default=1_000_000, help="rows of the biggest table (default 1,000,000)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--out", type=Path, help="where to write it (default warehouse/bench_prod.duckdb)")
    p.set_defaults(fn=cmd_bench_data)

    p = sub.add_parser("bench", help="time the masked build against a plain copy, at two scales")
    p.add_argument("--rows", type=_positive, default=1_000_000, help="rows of the biggest table at the larger scale")
    p.add_argument("--small-rows", type=_positive, help="rows at the smaller scale (default a tenth of --rows)")
    p.add_argument("--threads", type=int, help="dbt threads (default: the profile's)")
    p.add_argument("--sample", type=_positive, default=20_000, help="rows for the row-wise peers (default 20,000)")
    p.add_argument("--work", type=Path, help="folder for the databases (default warehouse/bench)")
    p.add_argument("--peers-python", type=Path, help="interpreter with the peers installed (default .venv-peers/bin/python)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.set_defaults(fn=cmd_bench)

    p = sub.add_parser("plan", help="write the masking plan: the SQL of every masked column",
                       description="Render, for every masked table, the SQL each column becomes, with its "
                       "class, method, domain and guarantees, into docs/plan/<source>.sql (committed, reviewed in "
                       "pull requests). --dialect transpiles it and lists what has no faithful equivalent.")
    p.add_argument("--check", action="store_true", help="only check that the committed plan is current")
    p.add_argument("--dialect", choices=["duckdb", "postgres", "snowflake", "spark"], default="duckdb",
                   help="SQL dialect (default duckdb; others go to target/plan/<dialect>/)")
    p.add_argument("--out", type=Path, help="folder to write to")
    p.set_defaults(fn=cmd_plan)

    p = sub.add_parser("audit", help="trace every downstream model's columns to the sources",
                       description="Compile the models of the test target and trace every output column of "
                       "every model built on the masked ones back to production columns (sqlglot lineage). "
                       "A tagged column that arrives without a masking function fails the audit.")
    p.set_defaults(fn=cmd_audit)

    p = sub.add_parser("scan", help="find personal data in a database and propose tags",
                       description="Profile a DuckDB database (or a folder of CSV / Parquet files), classify "
                       "every column from its name, sampled values and keys, compare with the tags in the "
                       "project's sources YAML, and propose tags for what is not declared yet.",
                       epilog="Exit codes: 0 nothing new, 1 proposals made or a public tag looks personal, 2 error.")
    p.add_argument("path", type=Path, help="a DuckDB file, or a folder of CSV / Parquet files")
    p.add_argument("--schema", action="append", help="only this schema (repeatable)")
    p.add_argument("--table", action="append", help="only this table, `table` or `schema.table` (repeatable)")
    p.add_argument("--sample", type=_positive, default=5_000, help="rows sampled per table (default 5,000)")
    p.add_argument("--classifier", action="append", metavar="SPEC",
                   help="extra classifier, `module:attr` or `llm` (repeatable; also $UNDERSTUDY_CLASSIFIERS)")
    p.add_argument("--write", action="store_true", help="write the proposed YAML into models/masked/")
    p.add_argument("--diff", action="store_true", help="print the proposed YAML change as a unified diff")
    p.add_argument("--all", action="store_true", help="list every column, also those that agree with their tag")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(fn=cmd_scan)

    p = sub.add_parser("scan-eval", help="precision and recall of the scan against labels",
                       description="Scan PATH and compare each column's class with a labels CSV "
                       "(schema,table,column,class).")
    p.add_argument("path", type=Path, help="a DuckDB file, or a folder of CSV / Parquet files")
    p.add_argument("--labels", type=Path, required=True, help="CSV with schema,table,column,class")
    p.add_argument("--schema", action="append", help="only this schema (repeatable)")
    p.add_argument("--sample", type=_positive, default=5_000, help="rows sampled per table (default 5,000)")
    p.add_argument("--classifier", action="append", metavar="SPEC", help="extra classifier (repeatable)")
    p.add_argument("--min-precision", type=float, help="exit 1 when personal-data precision is lower")
    p.add_argument("--min-recall", type=float, help="exit 1 when personal-data recall is lower")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(fn=cmd_scan_eval)

    p = sub.add_parser("sync", help="write masked models, docs and tests from the tagged sources")
    p.add_argument("--check", action="store_true", help="only check that the generated files are current")
    p.set_defaults(fn=cmd_sync)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .project import project_root

    args = build_parser().parse_args(argv)
    args.root = project_root()
    try:
        return int(args.fn(args))
    except KeyboardInterrupt:
        _say("interrupted; the published test database is unchanged")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
