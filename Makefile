# Understudy's entry points. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export DBT_PROFILES_DIR := $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

ROWS   ?= 1000000

.PHONY: help install demo prod key sync check-sync build test test-fast docs docs-serve clean bench bench-data bench-peers scan scan-eval plan audit

help:
	@echo "make demo        build the demo production database, mask it, test it, publish it"
	@echo "make test        run the whole test suite"
	@echo "make test-fast   run the unit tests only"
	@echo "make prod        (re)build warehouse/prod.duckdb from the shipped data"
	@echo "make build       dbt build --target test with a summary (prod must exist)"
	@echo "make sync        regenerate masked models, docs and tests from the sources YAML"
	@echo "make plan        write docs/plan/ (the SQL of every masked column); PLAN_DIALECT=postgres|snowflake|spark transpiles"
	@echo "make audit       lineage audit of the models built on the masked ones"
	@echo "make scan        scan production for personal data; lists what the YAML lacks (PROD=path)"
	@echo "make scan-eval   precision and recall of the scan on the shipped data, against data/scan_labels.csv"
	@echo "make bench-data  write warehouse/bench_prod.duckdb with ROWS rows in its biggest table"
	@echo "make bench       plain copy vs masked build at ROWS/10 and ROWS rows, and the peers (BENCHMARKS.md)"
	@echo "make docs        generate dbt docs for the published test database"
	@echo "make docs-serve  generate and serve them on http://localhost:8080"
	@echo "make clean       remove dbt output and the built databases (benchmark ones too)"

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/understudy demo

prod: install
	$(BIN)/understudy prod

key: install
	$(BIN)/understudy keygen

sync: install
	$(BIN)/understudy sync

PROD ?= $(or $(UNDERSTUDY_PROD_PATH),warehouse/prod.duckdb)

PLAN_DIALECT ?= duckdb

plan: install
	$(BIN)/understudy plan --dialect $(PLAN_DIALECT)

audit: install
	$(BIN)/understudy audit

scan: install
	$(BIN)/understudy scan $(PROD) --diff

scan-eval: install
	$(BIN)/understudy scan-eval $(PROD) --labels data/scan_labels.csv --min-precision 0.95 --min-recall 0.98

check-sync: install
	$(BIN)/understudy sync --check

build: install
	$(BIN)/understudy build

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest tests/unit

bench-data: install
	$(BIN)/understudy bench-data --rows $(ROWS)

PEERS       := .venv-peers
PEERS_STAMP := $(PEERS)/.installed-stamp

$(PEERS_STAMP): requirements-peers.lock
	$(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-peers.lock
	@touch $(PEERS_STAMP)

bench-peers: $(PEERS_STAMP)

bench: install bench-peers
	$(BIN)/understudy bench --rows $(ROWS)

docs: install
	$(BIN)/dbt docs generate --target docs

docs-serve: docs
	$(BIN)/dbt docs serve --target docs --port 8080

clean:
	rm -rf target logs warehouse/*.duckdb warehouse/*.wal warehouse/*.staging warehouse/bench
