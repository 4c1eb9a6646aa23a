"""Understudy: masked copies of production databases, built with dbt and DuckDB."""

__version__ = "0.1.0"
