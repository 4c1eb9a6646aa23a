"""Classifier plug-ins: detectors a team adds to `understudy scan` without editing the core.

A plug-in is any object with a `name` (str), an `unsure_only` flag (bool, False when absent)
and a `classify(column, table)` method that returns a `Finding` or None (see
`understudy.scan.types.Classifier`). It is named by a spec:

* ``package.module:attr``, where ``attr`` is a class (created with no arguments), a function
  that returns a classifier when called with no arguments, or a ready-made classifier object.
  ``attr`` may be dotted (``package.module:Holder.classifier``).
* ``llm``, the language-model classifier shipped with Understudy (`understudy.scan.llm`). It is
  off unless named.

Plug-ins are taken, in this order and without repeats, from ``--classifier`` on the command
line, from the comma-separated ``UNDERSTUDY_CLASSIFIERS`` environment variable, and from
installed packages that declare an entry point in the ``understudy.classifiers`` group, e.g. in
their ``pyproject.toml``::

    [project.entry-points."understudy.classifiers"]
    badges = "acme_scan.badges:BadgeClassifier"

A plug-in only adds opinions. One that raises, or answers with something that is not a valid
`Finding`, is reported as a warning and ignored; it never stops a scan and never changes what
the built-in rules found.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.metadata
import math
import os
from collections.abc import Iterable, Sequence

from .types import Classifier, ColumnProfile, Finding, TableContext

#: The classes a finding may name (the catalog's class vocabulary).
CLASSES: frozenset[str] = frozenset({
    "public",
    "quasi_identifier",
    "identifier",
    "natural_key",
    "email",
    "first_name",
    "last_name",
    "full_name",
    "username",
    "phone",
    "street_address",
    "city",
    "postcode",
    "national_id",
    "card_number",
    "bank_account",
    "device_id",
    "company",
    "ip_address",
    "date_of_birth",
    "event_date",
    "geo_coordinate",
    "money",
    "free_text",
    "json",
})

#: Environment variable holding extra plug-in specs, separated by commas.
ENV_VAR = "UNDERSTUDY_CLASSIFIERS"

#: Entry-point group installed packages use to offer plug-ins.
ENTRY_POINT_GROUP = "understudy.classifiers"

#: Short names for the plug-ins shipped with Understudy.
SHORT_NAMES: dict[str, str] = {
    "llm": "understudy.scan.llm:LanguageModelClassifier",
}

#: Source name of the built-in rules; a plug-in may not use it.
RULES_SOURCE = "rules"


class PluginError(ValueError):
    """A classifier plug-in could not be loaded or is not usable."""


def _resolve(spec: str) -> object:
    """The object a spec points to (before it is instantiated or called)."""
    target = SHORT_NAMES.get(spec, spec)
    module_name, sep, attr_path = target.partition(":")
    module_name, attr_path = module_name.strip(), attr_path.strip()
    if not sep or not module_name or not attr_path:
        raise PluginError(
            f"classifier {spec!r}: expected 'package.module:attribute' or one of "
            f"{', '.join(sorted(SHORT_NAMES))}"
        )
    try:
        obj: object = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise PluginError(
                f"classifier {spec!r}: module {module_name!r} not found; is it installed, "
                "or on PYTHONPATH?"
            ) from None
        raise PluginError(
            f"classifier {spec!r}: module {module_name!r} failed to import: {exc}"
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any import failure is reported with the spec
        raise PluginError(
            f"classifier {spec!r}: module {module_name!r} failed to import: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    for part in attr_path.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise PluginError(
                f"classifier {spec!r}: module {module_name!r} has no attribute {attr_path!r}"
            ) from None
    return obj


def _is_classifier(obj: object) -> bool:
    return isinstance(getattr(obj, "name", None), str) and callable(getattr(obj, "classify", None))


def load_classifier(spec: str) -> Classifier:
    """Load one plug-in from its spec; raises `PluginError` naming the spec on any problem."""
    spec = spec.strip()
    obj = _resolve(spec)
    if isinstance(obj, type) or (callable(obj) and not _is_classifier(obj)):
        kind = "class" if isinstance(obj, type) else "factory"
        try:
            obj = obj()
        except PluginError as exc:
            raise PluginError(f"classifier {spec!r}: {exc}") from None
        except Exception as exc:  # noqa: BLE001 - a broken plug-in is reported with its spec
            raise PluginError(
                f"classifier {spec!r}: the {kind} raised {type(exc).__name__}: {exc}"
            ) from exc
    if not _is_classifier(obj):
        missing = [
            what
            for what, ok in (
                ("a 'name' string", isinstance(getattr(obj, "name", None), str)),
                ("a 'classify' method", callable(getattr(obj, "classify", None))),
            )
            if not ok
        ]
        raise PluginError(
            f"classifier {spec!r}: {type(obj).__name__} object lacks {' and '.join(missing)}"
        )
    name = obj.name  # type: ignore[attr-defined]
    if not name.strip():
        raise PluginError(f"classifier {spec!r}: its name is empty")
    if name == RULES_SOURCE:
        raise PluginError(
            f"classifier {spec!r}: the name {RULES_SOURCE!r} is reserved for the built-in rules"
        )
    unsure_only = getattr(obj, "unsure_only", False)
    if not isinstance(unsure_only, bool):
        raise PluginError(f"classifier {spec!r}: 'unsure_only' must be True or False")
    return obj  # type: ignore[return-value]


def load_classifiers(specs: Sequence[str]) -> list[Classifier]:
    """Load every plug-in named in `specs`, in order.

    Raises `PluginError` (naming the spec) when one cannot be loaded, or when two plug-ins
    have the same name, since their findings could not be told apart.
    """
    loaded: list[Classifier] = []
    by_name: dict[str, str] = {}
    for spec in specs:
        if not spec.strip():
            continue
        classifier = load_classifier(spec)
        if classifier.name in by_name:
            raise PluginError(
                f"classifier {spec.strip()!r}: its name {classifier.name!r} is already used by "
                f"classifier {by_name[classifier.name]!r}"
            )
        by_name[classifier.name] = spec.strip()
        loaded.append(classifier)
    return loaded


def _entry_point_specs() -> list[str]:
    try:
        points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    except Exception:  # noqa: BLE001 - broken package metadata must not stop a scan
        return []
    # "module:attr", without any "[extras]" the entry point declares.
    return [f"{point.module}:{point.attr}" if point.attr else point.value for point in points]


def _dedupe(specs: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for spec in specs:
        spec = spec.strip()
        if spec and spec not in seen:
            seen.add(spec)
            out.append(spec)
    return out


def configured_specs(cli_specs: Sequence[str]) -> list[str]:
    """Every plug-in spec in force: the command line's, then ``UNDERSTUDY_CLASSIFIERS``'s,
    then installed entry points', without repeats and in that order."""
    from_env = os.environ.get(ENV_VAR, "").split(",")
    return _dedupe([*cli_specs, *from_env, *_entry_point_specs()])


def _plugin_name(classifier: object) -> str:
    name = getattr(classifier, "name", None)
    return name if isinstance(name, str) and name else type(classifier).__name__


def _clean(classifier: object, result: object, label: str) -> tuple[Finding | None, str | None]:
    """The finding a plug-in returned, checked; or the warning explaining why it is dropped."""
    name = _plugin_name(classifier)
    if not isinstance(result, Finding):
        return None, (
            f"classifier {name!r} on {label}: returned {type(result).__name__}, "
            "not a Finding or None; ignored"
        )
    if result.cls not in CLASSES:
        return None, (
            f"classifier {name!r} on {label}: class {result.cls!r} is not in the vocabulary; "
            "ignored"
        )
    try:
        confidence = float(result.confidence)
    except (TypeError, ValueError):
        confidence = math.nan
    if math.isnan(confidence):
        return None, (
            f"classifier {name!r} on {label}: confidence {result.confidence!r} is not a number; "
            "ignored"
        )
    confidence = min(1.0, max(0.0, confidence))
    return dataclasses.replace(
        result, confidence=confidence, evidence=str(result.evidence), source=name
    ), None


def run_plugins(
    classifiers: Sequence[Classifier],
    column: ColumnProfile,
    table: TableContext,
    *,
    rules_confident: bool,
) -> tuple[list[Finding], list[str]]:
    """Ask each plug-in about one column; returns ``(findings, warnings)``.

    Plug-ins marked `unsure_only` are skipped when the rules are already confident. Findings
    are kept only when their class is in `CLASSES`; their confidence is clamped to [0, 1] and
    their source is set to the plug-in's name. A plug-in that raises, returns something other
    than a Finding or None, or returns None while recording a `last_error`, adds a warning
    naming the plug-in and the column instead of a finding.
    """
    findings: list[Finding] = []
    warnings: list[str] = []
    for classifier in classifiers:
        if rules_confident and getattr(classifier, "unsure_only", False):
            continue
        name = _plugin_name(classifier)
        try:
            result = classifier.classify(column, table)
        except Exception as exc:  # noqa: BLE001 - a failing plug-in must not stop the scan
            warnings.append(
                f"classifier {name!r} failed on {column.label}: {type(exc).__name__}: {exc}"
            )
            continue
        if result is None:
            error = getattr(classifier, "last_error", None)
            if error:
                warnings.append(f"classifier {name!r} on {column.label}: {error}")
            continue
        finding, warning = _clean(classifier, result, column.label)
        if finding is not None:
            findings.append(finding)
        if warning is not None:
            warnings.append(warning)
    return findings, warnings
