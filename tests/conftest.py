"""Shared fixtures. Integration tests build once per session in a temporary folder and
share that build; nothing touches the repository's own warehouse/ or target/."""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from understudy.project import DbtRun, project_root, run_dbt

ROOT = project_root()


@dataclass
class Workspace:
    """One isolated set of databases, dbt output folders and key."""

    dir: Path
    root: Path = ROOT
    key: str = field(default_factory=lambda: "test-" + secrets.token_hex(24))

    @property
    def prod(self) -> Path:
        return self.dir / "prod.duckdb"

    @property
    def test_db(self) -> Path:
        return self.dir / "test.duckdb"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "UNDERSTUDY_KEY": self.key,
            "UNDERSTUDY_PROD_PATH": str(self.prod),
            "UNDERSTUDY_TEST_PATH": str(self.test_db),
            "DBT_TARGET_PATH": str(self.dir / "target"),
            "DBT_LOG_PATH": str(self.dir / "logs"),
            "DBT_PROFILES_DIR": str(self.root / "profiles"),
        }
        env.update(extra)
        return env

    def dbt(self, *args: str, **extra_env: str) -> DbtRun:
        return run_dbt(list(args), root=self.root, env=self.env(**extra_env))

    def query(self, sql: str, db: Path | None = None) -> list[tuple]:
        with duckdb.connect(str(db or self.test_db), read_only=True) as con:
            if self.prod.exists():
                con.execute(f"attach '{self.prod}' as prod (read_only)")
            return con.execute(sql).fetchall()


def failures(run: DbtRun) -> list[str]:
    return [f"{r['unique_id']}: {r['status']} {r.get('message') or ''}" for r in run.results
            if r["status"] not in ("success", "pass")]


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Workspace:
    """The demo production database, masked once with a fresh key, every test passing."""
    from understudy.demo_data import build_prod

    ws = Workspace(tmp_path_factory.mktemp("demo"))
    build_prod(ws.prod)
    run = ws.dbt("build", "--target", "test")
    assert run.returncode == 0, "\n".join(failures(run)) or run.stdout[-5000:]
    assert ws.test_db.exists()
    ws.build_run = run  # type: ignore[attr-defined]
    return ws


def make_mini_project(dest: Path, sources_yml: str, models: dict[str, str] | None = None,
                      models_yml: str | None = None) -> Path:
    """A throw-away dbt project with Understudy's macros, profiles and policy, and one source."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("dbt_project.yml",):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "macros", dest / "macros", dirs_exist_ok=True)
    shutil.copytree(ROOT / "profiles", dest / "profiles", dirs_exist_ok=True)
    folder = dest / "models" / "masked" / "shop"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_shop__sources.yml").write_text(sources_yml)
    for name, sql in (models or {}).items():
        (folder / f"{name}.sql").write_text(sql)
    if models_yml:
        (folder / "_shop__models.yml").write_text(models_yml)
    return dest


SHOP_PROD_SQL = """
create schema shop;
create table shop.people (id integer primary key, email varchar(60), name varchar(40), city varchar(40), note varchar(100), tier varchar(40));
insert into shop.people values
  (1, 'ana.lima@example.test', 'Ana Lima', 'Porto', 'vip', 'gold'),
  (2, 'bo.ng@example.test', 'Bo Ng', 'Lyon', null, 'silver'),
  (3, null, 'Cy Doe', 'Oslo', '', null),
  (4, 'dee.roe@example.test', 'Dee Roe', 'Rome', 'call 900-55-0001', '');
create table shop.orders (id integer primary key, person_id integer references shop.people(id), total decimal(8,2));
insert into shop.orders values (10, 1, 5.00), (11, 2, 7.50), (12, 2, 1.00), (13, 4, 2.00);
"""


def build_shop_prod(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(SHOP_PROD_SQL)
    return path


SHOP_SOURCES = """
version: 2
sources:
  - name: shop
    database: prod
    schema: shop
    tables:
      - name: people
        config: {meta: {understudy: {primary_key: [id]}}}
        columns:
          - {name: id, data_type: integer, config: {meta: {understudy: {class: identifier}}}}
          - {name: email, data_type: varchar(60), config: {meta: {understudy: {class: email}}}}
          - {name: name, data_type: varchar(40), config: {meta: {understudy: {class: full_name}}}}
          - {name: city, data_type: varchar(40), config: {meta: {understudy: {class: city}}}}
          - {name: note, data_type: varchar(100), config: {meta: {understudy: {class: free_text}}}}
          - {name: tier, data_type: varchar(40), config: {meta: {understudy: {class: public}}}}
      - name: orders
        config: {meta: {understudy: {primary_key: [id]}}}
        columns:
          - {name: id, data_type: integer, config: {meta: {understudy: {class: identifier}}}}
          - {name: person_id, data_type: integer, config: {meta: {understudy: {class: identifier, references: shop.people.id}}}}
          - {name: total, data_type: "decimal(8,2)", config: {meta: {understudy: {class: public}}}}
"""


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the project's policy and sources for the scanner's CLI, which reads and writes
    only there; no classifier plug-in is configured from the environment."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "dbt_project.yml", root / "dbt_project.yml")
    shutil.copytree(ROOT / "models", root / "models")
    monkeypatch.setenv("UNDERSTUDY_PROJECT_DIR", str(root))
    for var in ("UNDERSTUDY_CLASSIFIERS", "UNDERSTUDY_LLM_URL", "UNDERSTUDY_LLM_TOKEN",
                "UNDERSTUDY_LLM_MODEL", "UNDERSTUDY_LLM_TIMEOUT"):
        monkeypatch.delenv(var, raising=False)
    return root


def cli(capsys, *args: object) -> tuple[int, str, str]:
    """Run the `understudy` CLI in this process: exit code, stdout, stderr."""
    from understudy.cli import main

    capsys.readouterr()
    rc = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return rc, out, err
