"""A classifier that asks a language model about columns the rules could not classify.

Off by default: it runs only when named, with ``--classifier llm`` or
``UNDERSTUDY_CLASSIFIERS=llm``, and is asked only about columns the built-in rules are unsure
of. It talks to any OpenAI-compatible chat-completions API (a local server such as vLLM,
llama.cpp or Ollama, or a hosted one) and is configured only from the environment:

``UNDERSTUDY_LLM_URL``
    Base URL of the API, e.g. ``http://127.0.0.1:8000/v1``; requests go to
    ``{url}/chat/completions``. Required.
``UNDERSTUDY_LLM_TOKEN``
    Bearer token, sent as ``Authorization: Bearer <token>``. Optional; never logged.
``UNDERSTUDY_LLM_MODEL``
    Model name to request (default ``default``).
``UNDERSTUDY_LLM_TIMEOUT``
    Seconds to wait for one answer (default 20).

What is sent, and nothing else: the table's name, the column's name and data type, the names
and types of the table's other columns, the row count, the fraction of NULLs, whether the
column is unique, and the most common value shapes (``Xxx Xxxx``, ``999-99-9999``: letters and
digits replaced, see `understudy.scan.types.shape`). No sampled value ever leaves the machine.
`request_payload` builds exactly that, so it can be reviewed.

The model's answer is advisory: its confidence is capped at 0.7 (`MAX_CONFIDENCE`), and its
evidence starts with ``language model:``. A failed request, an unreadable answer or a class
outside the vocabulary gives no finding, and the reason is kept in `last_error` for the scan
to report as a warning.
"""

from __future__ import annotations

import json
import math
import os
import re
import urllib.error
import urllib.request
from typing import Any

from .plugins import CLASSES, PluginError
from .types import ColumnProfile, Finding, TableContext

URL_VAR = "UNDERSTUDY_LLM_URL"
TOKEN_VAR = "UNDERSTUDY_LLM_TOKEN"
MODEL_VAR = "UNDERSTUDY_LLM_MODEL"
TIMEOUT_VAR = "UNDERSTUDY_LLM_TIMEOUT"

DEFAULT_MODEL = "default"
DEFAULT_TIMEOUT = 20.0

#: The most confidence the scanner gives to a language model's answer.
MAX_CONFIDENCE = 0.7

#: Prefix of the evidence of every finding from this classifier.
EVIDENCE_PREFIX = "language model: "

_MAX_RESPONSE_BYTES = 1_000_000
_MAX_REASON_CHARS = 300
_MAX_SHAPES = 10

#: What each class means, shown to the model next to the class names.
CLASS_HINTS: dict[str, str] = {
    "public": "not personal: codes, amounts, product names, flags",
    "quasi_identifier": "not identifying alone, identifying in combination: gender, state, "
    "country, marital status, race",
    "identifier": "surrogate key: integer, UUID or opaque text id of a row or a person",
    "natural_key": "a key built from personal data (e.g. a tenant code joined to an email)",
    "email": "email address",
    "first_name": "given name of a person",
    "last_name": "family name of a person",
    "full_name": "whole name of a person",
    "username": "login handle",
    "phone": "phone or fax number (text or numeric)",
    "street_address": "street line of an address",
    "city": "city or town",
    "postcode": "postal or ZIP code (text or numeric)",
    "national_id": "SSN, passport, driving licence, tax or VAT id",
    "card_number": "payment card number",
    "bank_account": "bank account number or IBAN",
    "device_id": "identifier of a person's device: IMEI, MAC address, advertising id",
    "company": "organisation name that identifies a person's employer",
    "ip_address": "IP address",
    "date_of_birth": "birth date or timestamp",
    "event_date": "date of an event in a person's life (visit, death, hire)",
    "geo_coordinate": "latitude or longitude",
    "money": "amount that describes a person (salary, expenses)",
    "free_text": "notes, comments, anything a person typed",
    "json": "JSON document",
}


def _system_message() -> str:
    lines = [
        "You classify columns of a database for a tool that masks personal data before the "
        "database is copied to test environments.",
        "You are given facts about one column: its table, name, data type, the table's other "
        "columns, counts, and the most common shapes of its values (letters are replaced by "
        "X or x and digits by 9; no values are given).",
        "Answer with one JSON object and nothing else: "
        '{"class": "<class>", "confidence": <number from 0 to 1>, "reason": "<one short '
        'sentence>"}.',
        "The class must be exactly one of these names:",
    ]
    for cls in sorted(CLASSES):
        hint = CLASS_HINTS.get(cls)
        lines.append(f"- {cls}: {hint}" if hint else f"- {cls}")
    lines.append(
        "Use a low confidence when the name and shapes leave room for doubt. Prefer a personal "
        "class over public when a column could hold personal data."
    )
    return "\n".join(lines)


SYSTEM_MESSAGE = _system_message()


def request_payload(column: ColumnProfile, table: TableContext) -> dict[str, Any]:
    """The facts about a column that are sent to the model: metadata and value shapes only.

    This is the whole content of the user message (as JSON). It never contains a value of
    the column, only the shapes already computed by the profiler.
    """
    rows = column.rows
    return {
        "table": table.table,
        "column": column.name,
        "data_type": column.data_type,
        "other_columns": [
            {"name": other.name, "data_type": other.data_type}
            for other in table.columns
            if other.name != column.name
        ],
        "rows": rows,
        "null_fraction": round(column.nulls / rows, 4) if rows else 0.0,
        "unique": bool(column.unique),
        "common_shapes": [
            {"shape": str(pattern), "count": int(count)}
            for pattern, count in column.shapes[:_MAX_SHAPES]
        ],
    }


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse redirects, so the bearer token is never forwarded to another address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


class _AnswerError(Exception):
    """The model's answer is not usable; the message says why."""


def _first_json_object(text: str) -> dict[str, Any]:
    """The JSON object in a model's reply: the whole reply, a ```json block, or the first
    object found in surrounding text."""
    text = text.strip()
    candidates = [text]
    candidates += [m.group(1) for m in re.finditer(r"```(?:json|JSON)?\s*(.*?)```", text, re.S)]
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise _AnswerError("the answer holds no JSON object")


def _finding_from_content(content: str, source: str) -> Finding:
    answer = _first_json_object(content)
    raw_cls = answer.get("class")
    if not isinstance(raw_cls, str):
        raise _AnswerError("the answer has no 'class' string")
    cls = raw_cls.strip().lower()
    if cls not in CLASSES:
        raise _AnswerError(f"the answer names unknown class {raw_cls[:60]!r}")
    raw_confidence = answer.get("confidence")
    if isinstance(raw_confidence, bool) or not isinstance(raw_confidence, (int, float, str)):
        raise _AnswerError("the answer has no numeric 'confidence'")
    try:
        confidence = float(raw_confidence)
    except ValueError:
        raise _AnswerError("the answer has no numeric 'confidence'") from None
    if math.isnan(confidence):
        raise _AnswerError("the answer has no numeric 'confidence'")
    confidence = min(MAX_CONFIDENCE, max(0.0, confidence))
    reason = answer.get("reason")
    reason = " ".join(str(reason).split()) if reason else ""
    if len(reason) > _MAX_REASON_CHARS:
        reason = reason[: _MAX_REASON_CHARS - 1] + "…"
    return Finding(
        cls=cls,
        confidence=confidence,
        evidence=EVIDENCE_PREFIX + (reason or f"classified as {cls}"),
        source=source,
    )


class LanguageModelClassifier:
    """Asks an OpenAI-compatible language model to classify columns the rules are unsure of.

    Configured from ``UNDERSTUDY_LLM_URL`` (required), ``UNDERSTUDY_LLM_TOKEN``,
    ``UNDERSTUDY_LLM_MODEL`` and ``UNDERSTUDY_LLM_TIMEOUT``; see the module documentation.
    """

    name = "llm"
    unsure_only = True

    def __init__(self) -> None:
        url = os.environ.get(URL_VAR, "").strip()
        if not url:
            raise PluginError(
                f"the language-model classifier needs {URL_VAR}: set it to the base URL of an "
                "OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1 (and "
                f"{TOKEN_VAR} if it needs a bearer token), or stop naming 'llm' in "
                "--classifier / UNDERSTUDY_CLASSIFIERS"
            )
        if not re.match(r"^https?://[^/\s]+", url, re.I):
            raise PluginError(
                f"{URL_VAR} must be an http:// or https:// URL, e.g. http://127.0.0.1:8000/v1"
            )
        self.url = url.rstrip("/")
        self.endpoint = self.url + "/chat/completions"
        # The endpoint as shown in messages: without any user:password@ part.
        self._shown = re.sub(r"^(https?://)[^/@]*@", r"\1", self.endpoint, flags=re.I)
        self.model = os.environ.get(MODEL_VAR, "").strip() or DEFAULT_MODEL
        raw_timeout = os.environ.get(TIMEOUT_VAR, "").strip()
        try:
            self.timeout = float(raw_timeout) if raw_timeout else DEFAULT_TIMEOUT
        except ValueError:
            self.timeout = math.nan
        if not (self.timeout > 0 and math.isfinite(self.timeout)):
            raise PluginError(
                f"{TIMEOUT_VAR} must be a positive number of seconds, not {raw_timeout!r}"
            )
        self._token = os.environ.get(TOKEN_VAR, "").strip() or None
        #: Why the last `classify` call gave no finding, or None.
        self.last_error: str | None = None

    def __repr__(self) -> str:
        return (
            f"LanguageModelClassifier(endpoint={self._shown!r}, model={self.model!r}, "
            f"timeout={self.timeout:g}, token={'set' if self._token else 'not set'})"
        )

    def request_body(self, column: ColumnProfile, table: TableContext) -> dict[str, Any]:
        """The JSON body posted to ``{url}/chat/completions`` for one column."""
        return {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_MESSAGE},
                {
                    "role": "user",
                    "content": json.dumps(request_payload(column, table), ensure_ascii=False),
                },
            ],
        }

    def _scrub(self, text: str) -> str:
        if self._token:
            text = text.replace(self._token, "[token]")
        return text

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=data, method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        if self._token:
            request.add_header("Authorization", f"Bearer {self._token}")
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                raw = response.read(_MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as exc:
            exc.close()
            raise _AnswerError(f"{self._shown} answered HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise _AnswerError(
                    f"{self._shown} did not answer within {self.timeout:g} s"
                ) from None
            raise _AnswerError(f"cannot reach {self._shown}: {reason}") from None
        except TimeoutError:
            raise _AnswerError(f"{self._shown} did not answer within {self.timeout:g} s") from None
        except OSError as exc:
            raise _AnswerError(f"request to {self._shown} failed: {exc}") from None
        if len(raw) > _MAX_RESPONSE_BYTES:
            raise _AnswerError(f"{self._shown} sent an answer larger than 1 MB")
        try:
            answer = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _AnswerError(f"{self._shown} did not answer with JSON") from None
        if not isinstance(answer, dict):
            raise _AnswerError(f"{self._shown} did not answer with a JSON object")
        return answer

    def classify(self, column: ColumnProfile, table: TableContext) -> Finding | None:
        """The model's class for the column, or None (with `last_error` set) when it fails."""
        self.last_error = None
        try:
            answer = self._post(self.request_body(column, table))
            try:
                content = answer["choices"][0]["message"]["content"]
            except (KeyError, IndexError, TypeError):
                raise _AnswerError("the answer has no choices[0].message.content") from None
            if not isinstance(content, str):
                raise _AnswerError("choices[0].message.content is not text")
            finding = _finding_from_content(content, self.name)
        except _AnswerError as exc:
            self.last_error = self._scrub(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - the classifier never breaks a scan
            self.last_error = self._scrub(f"unexpected {type(exc).__name__}: {exc}")
            return None
        return Finding(
            cls=finding.cls,
            confidence=finding.confidence,
            evidence=self._scrub(finding.evidence),
            source=finding.source,
        )
