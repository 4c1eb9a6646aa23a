"""dbt-duckdb plugin: checks the inputs, then registers the masking functions.

Wired in ``profiles/profiles.yml``::

    plugins:
      - module: understudy.plugin
        config:
          prod_path: warehouse/prod.duckdb      # checked: exists and is not locked
          publish_to: warehouse/test.duckdb     # where a fully passed build is published
          mask: true      # load the key and register the masking functions

The key is read here, from the environment or the key file, and never from dbt config, so it
is not rendered into ``target/`` or logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin

from . import udfs
from .keys import KeyError_, MaskingKey, load_key


class InputError(RuntimeError):
    """Production or the key is not usable; nothing has been written."""


def check_prod(path: Path) -> None:
    """Fail early, with advice, when the production database is missing or locked."""
    if not path.is_file():
        raise InputError(
            f"production database {path} does not exist. Build the demo one with `make prod`, "
            "or point UNDERSTUDY_PROD_PATH at your own DuckDB file."
        )
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.IOException as exc:
        raise InputError(
            f"production database {path} cannot be opened read-only: {exc}. "
            "Another process holds a write lock on it; close that process and build again."
        ) from None


_RESET_THIS_PROCESS: set[Path] = set()


def _command() -> str | None:
    """The dbt command being run (build, run, test...), when dbt has parsed its flags."""
    try:
        from dbt.flags import get_flags

        return getattr(get_flags(), "WHICH", None)
    except Exception:  # noqa: BLE001 - outside a dbt invocation there is no command
        return None


class Plugin(BasePlugin):
    """Registers Understudy's UDFs and macros on every dbt connection and cursor."""

    key: MaskingKey | None

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        self.config = plugin_config
        prod = plugin_config.get("prod_path")
        if prod:
            check_prod(Path(prod))
        # Only the masking target loads the key: browsing production or the docs never does.
        self.key = None
        if plugin_config.get("mask", True):
            try:
                self.key = load_key(plugin_config.get("key_file"))
            except KeyError_ as exc:
                raise InputError(f"{exc}. The test target refuses to build without a key.") from None
        staging = self.creds.path if self.creds is not None else None
        self.staging = Path(staging) if staging and staging != ":memory:" else None
        publish_to = plugin_config.get("publish_to")
        self.publish_to = Path(publish_to) if publish_to else None
        if self.staging is not None and self.publish_to is not None:
            self.staging.parent.mkdir(parents=True, exist_ok=True)
            if _command() in ("build", "run") and self.staging not in _RESET_THIS_PROCESS:
                # A build starts from an empty staging database, so nothing left by an
                # earlier, failed build can be published with this one. dbt-duckdb may create
                # the plugin more than once per invocation: reset only the first time.
                _RESET_THIS_PROCESS.add(self.staging)
                for leftover in (self.staging, Path(str(self.staging) + ".wal")):
                    leftover.unlink(missing_ok=True)

    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        if self.key is None:
            return
        publish = self._publish if (self.staging and self.publish_to) else None
        prod = self.config.get("prod_path")
        udfs.register_functions(conn, self.key, publish, str(Path(prod).resolve()) if prod else None)
        udfs.configure_cursor(conn)

    def configure_cursor(self, cursor: duckdb.DuckDBPyConnection) -> None:
        if self.key is not None:
            udfs.configure_cursor(cursor)

    def _publish(self) -> str:
        assert self.staging is not None and self.publish_to is not None
        return udfs.publish_file(self.staging, self.publish_to)
