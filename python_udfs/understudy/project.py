"""Running dbt on the Understudy project, and reading what it produced."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLAN_MARKER = "UNDERSTUDY_PLAN "


def project_root() -> Path:
    """The dbt project folder: $UNDERSTUDY_PROJECT_DIR, else the folder holding dbt_project.yml
    above the current directory, else the repository this package lives in."""
    env = os.environ.get("UNDERSTUDY_PROJECT_DIR")
    if env:
        return Path(env).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "dbt_project.yml").is_file() and (folder / "python_udfs").is_dir():
            return folder
    return Path(__file__).resolve().parents[2]


def dbt_executable() -> str:
    """The `dbt` next to this interpreter (the project's virtualenv), else the one on PATH."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


@dataclass
class DbtRun:
    """The outcome of one dbt invocation."""

    returncode: int
    stdout: str
    results: list[dict[str, Any]] = field(default_factory=list)
    elapsed_s: float = 0.0


def run_dbt(args: list[str], *, root: Path | None = None, env: dict[str, str] | None = None,
            stream: bool = False) -> DbtRun:
    """Run ``dbt ARGS`` in the project, with profiles from ``profiles/``.

    With ``stream`` the output goes to the terminal as dbt prints it (dbt's own progress);
    otherwise it is captured. ``results`` holds run_results.json when dbt wrote one.
    """
    root = root or project_root()
    full_env = {**os.environ, **(env or {})}
    full_env.setdefault("DBT_PROFILES_DIR", str(root / "profiles"))
    full_env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    cmd = [dbt_executable(), *args, "--project-dir", str(root)]
    target_dir = Path(full_env.get("DBT_TARGET_PATH", root / "target"))
    results_file = target_dir / "run_results.json"
    before = results_file.stat().st_mtime if results_file.exists() else None
    if stream:
        lines: list[str] = []
        with subprocess.Popen(cmd, cwd=root, env=full_env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, bufsize=1) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                sys.stdout.write(line)
                lines.append(line)
        code, out = proc.returncode, "".join(lines)
    else:
        done = subprocess.run(cmd, cwd=root, env=full_env, capture_output=True, text=True)
        code, out = done.returncode, done.stdout + done.stderr
    run = DbtRun(returncode=code, stdout=out)
    if results_file.exists() and results_file.stat().st_mtime != before:
        data = json.loads(results_file.read_text())
        run.results = data.get("results", [])
        run.elapsed_s = float(data.get("elapsed_time") or 0.0)
    return run


def export_plan(root: Path | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    """The resolved masking plan of every tagged source table (from the dbt macros)."""
    run = run_dbt(["run-operation", "understudy_export_plan", "--target", "prod", "--quiet"], root=root, env=env)
    for line in run.stdout.splitlines():
        if line.startswith(PLAN_MARKER):
            return json.loads(line[len(PLAN_MARKER):])
    raise RuntimeError("could not resolve the masking plan:\n" + _errors(run.stdout))


def _errors(output: str) -> str:
    """The error lines of a dbt run, each with the detail line dbt prints under it."""
    lines = output.splitlines()
    keep: list[str] = []
    for i, line in enumerate(lines):
        if "understudy:" in line or "Error" in line:
            keep.append(line)
            if "Error" in line and i + 1 < len(lines) and lines[i + 1].strip() and lines[i + 1] not in keep:
                keep.append(lines[i + 1])
    return "\n".join(dict.fromkeys(keep)) or output[-4000:]
