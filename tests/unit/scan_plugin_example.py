"""Example classifier plug-ins, loaded by the scanner's plug-in tests as ``scan_plugin_example:...``."""

from __future__ import annotations

from understudy.scan.types import ColumnProfile, Finding, TableContext


class BadgeClassifier:
    """Recognises the company's employee badge numbers, which the built-in rules do not know."""

    name = "badges"
    unsure_only = False

    def classify(self, column: ColumnProfile, table: TableContext) -> Finding | None:
        if column.name == "employee_badge":
            return Finding("identifier", 0.9, "column named employee_badge", self.name)
        return None


def make_badge_classifier() -> BadgeClassifier:
    """A factory: the scanner calls it with no arguments."""
    return BadgeClassifier()


class _Ready(BadgeClassifier):
    name = "badges_ready"


#: A ready-made instance.
READY = _Ready()


class NotAClassifier:
    """Has no classify method."""

    name = "broken"


class NeedsArguments:
    name = "needs_args"
    unsure_only = False

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold

    def classify(self, column, table):  # noqa: ANN001
        return None
