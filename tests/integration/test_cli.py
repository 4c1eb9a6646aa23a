"""The command line: help, exit codes, and a build that cannot start."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def understudy(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    exe = os.path.join(os.path.dirname(sys.executable), "understudy")
    return subprocess.run([exe, *args], cwd=ROOT, env={**os.environ, **(env or {})}, capture_output=True, text=True)


def test_help_lists_every_command():
    done = understudy("--help")
    assert done.returncode == 0
    for command in ("demo", "build", "prod", "keygen", "sync"):
        assert command in done.stdout


def test_unknown_command_is_a_usage_error():
    assert understudy("frobnicate").returncode == 2


def test_build_without_a_key_exits_2_and_says_why(tmp_path):
    from understudy.demo_data import build_prod

    prod = build_prod(tmp_path / "prod.duckdb") and tmp_path / "prod.duckdb"
    env = {"UNDERSTUDY_KEY": "", "UNDERSTUDY_KEY_FILE": str(tmp_path / "absent"), "UNDERSTUDY_PROD_PATH": str(prod),
           "UNDERSTUDY_TEST_PATH": str(tmp_path / "test.duckdb"), "DBT_TARGET_PATH": str(tmp_path / "target"),
           "DBT_LOG_PATH": str(tmp_path / "logs")}
    done = understudy("build", env=env)
    assert done.returncode == 2
    assert "no masking key" in done.stdout and "nothing was published" in done.stderr
    assert not (tmp_path / "test.duckdb").exists()


def test_keygen_writes_a_private_key_file_once(tmp_path):
    env = {"UNDERSTUDY_KEY": "", "UNDERSTUDY_KEY_FILE": str(tmp_path / "k" / "key")}
    first = understudy("keygen", env=env)
    assert first.returncode == 0 and "created key file" in first.stderr and first.stdout == ""
    again = understudy("keygen", env=env)
    assert again.returncode == 0 and "already exists" in again.stderr
    assert oct((tmp_path / "k" / "key").stat().st_mode & 0o777) == "0o600"


def test_build_on_drifted_production_exits_1_naming_the_column(tmp_path):
    """Production that no longer matches the YAML is a failed check (1), not a set-up error."""
    import duckdb

    from understudy.demo_data import build_prod

    prod = tmp_path / "prod.duckdb"
    build_prod(prod)
    with duckdb.connect(str(prod)) as con:
        con.execute("alter table jaffle_shop.customers add column email varchar")
    env = {"UNDERSTUDY_KEY": "test-" + "k" * 40, "UNDERSTUDY_PROD_PATH": str(prod),
           "UNDERSTUDY_TEST_PATH": str(tmp_path / "test.duckdb"), "DBT_TARGET_PATH": str(tmp_path / "target"),
           "DBT_LOG_PATH": str(tmp_path / "logs")}
    done = understudy("build", env=env)
    assert done.returncode == 1
    assert "column jaffle_shop.customers.email is in production but not declared" in done.stdout
    assert "nothing was published" in done.stderr
    assert not (tmp_path / "test.duckdb").exists()
