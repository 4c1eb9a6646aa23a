"""Scanner plug-ins: loading by spec, running them safely, and the language-model classifier
against a local OpenAI-compatible stub server."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from understudy.scan import llm, plugins
from understudy.scan.llm import LanguageModelClassifier, request_payload
from understudy.scan.plugins import (
    CLASSES,
    PluginError,
    configured_specs,
    load_classifiers,
    run_plugins,
)
from understudy.scan.types import ColumnProfile, Finding, TableContext, shape

import scan_plugin_example

EMAIL = "zq.secret@example.test"
SSN = "900-55-0001"
TOKEN = "tok-Zy9-very-private-0042"


# --------------------------------------------------------------------------- profiles


def profile(name: str, sample: list[str], data_type: str = "VARCHAR", **kw) -> ColumnProfile:
    shapes: dict[str, int] = {}
    for value in sample:
        shapes[shape(value)] = shapes.get(shape(value), 0) + 1
    defaults = dict(
        schema="crm", table="customers", name=name, data_type=data_type, position=1,
        rows=1000, nulls=250, distinct=len(set(sample)), unique=True, sample=list(sample),
        shapes=sorted(shapes.items(), key=lambda kv: -kv[1]),
    )
    defaults.update(kw)
    return ColumnProfile(**defaults)


def table_of(*columns: ColumnProfile) -> TableContext:
    for i, column in enumerate(columns, 1):
        column.position = i
    return TableContext(schema="crm", table="customers", rows=1000, columns=list(columns),
                        primary_key=["id"])


def customers(target: str) -> tuple[ColumnProfile, TableContext]:
    """A table whose columns hold distinctive values; `target` is the column asked about."""
    column = profile(target, [EMAIL, "ab.other@example.test", EMAIL])
    others = [
        profile("id", ["48213377", "48213378"], data_type="BIGINT"),
        profile("ssn_like", [SSN, "900-55-0002"]),
        profile("signup_at", ["2031-07-19 04:13:52"], data_type="TIMESTAMP"),
    ]
    table = table_of(others[0], column, *others[1:])
    return column, table


# --------------------------------------------------------------------------- stub server

ANSWERS = {
    "contact_value": '{"class": "email", "confidence": 0.95, "reason": "shape of an email"}',
    "fenced_value": 'Here you are:\n```json\n{"class": "national_id", "confidence": 0.6, '
                    '"reason": "SSN-like shape"}\n```\nAnything else?',
    "chatty_value": 'I would say {"class": "phone", "confidence": 0.4, "reason": "digits"} '
                    "but I am not sure.",
    "mystery_value": '{"class": "secret_sauce", "confidence": 0.9, "reason": "?"}',
    "prose_value": "It is probably an email address.",
    "public_value": '{"class": "public", "confidence": 0.2, "reason": "status code"}',
}


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def facts(self) -> dict:
        return json.loads(self.json["messages"][1]["content"])


@dataclass
class Stub:
    url: str
    requests: list[Recorded] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def llm_server():
    """An OpenAI-compatible chat-completions stub that answers by the column it is asked about."""
    stub = Stub(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output quiet
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            record = Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            stub.requests.append(record)
            try:
                column = record.facts["column"]
            except Exception:  # noqa: BLE001
                column = ""
            try:
                if column == "boom_value":
                    self.send_error(500, "model crashed")
                    return
                if column == "slow_value":
                    stub.release.wait(5)
                content = ANSWERS.get(column, '{"class": "public", "confidence": 0.1}')
                out = json.dumps({
                    "id": "cmpl-1", "object": "chat.completion",
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                 "finish_reason": "stop"}],
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield stub
    finally:
        stub.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def llm_env(monkeypatch, llm_server):
    """The environment pointing the classifier at the stub, without a token or proxies."""
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY", llm.TOKEN_VAR, llm.MODEL_VAR, llm.TIMEOUT_VAR):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv(llm.URL_VAR, llm_server.url)
    return llm_server


# --------------------------------------------------------------------------- language model


def test_successful_classification_is_capped_and_prefixed(llm_env):
    column, table = customers("contact_value")
    classifier = LanguageModelClassifier()
    finding = classifier.classify(column, table)
    assert finding == Finding("email", 0.7, "language model: shape of an email", "llm")
    assert classifier.last_error is None
    assert LanguageModelClassifier.name == "llm" and LanguageModelClassifier.unsure_only is True

    [request] = llm_env.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["content-type"] == "application/json"
    body = request.json
    assert body["model"] == "default"
    assert body["temperature"] == 0
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    system = body["messages"][0]["content"]
    assert '"class"' in system and '"confidence"' in system and '"reason"' in system
    assert all(cls in system for cls in CLASSES)


def test_model_name_from_environment(llm_env, monkeypatch):
    monkeypatch.setenv(llm.MODEL_VAR, "qwen-small")
    column, table = customers("contact_value")
    LanguageModelClassifier().classify(column, table)
    assert llm_env.requests[0].json["model"] == "qwen-small"


def test_request_has_metadata_and_shapes_but_no_sampled_value(llm_env):
    column, table = customers("contact_value")
    assert EMAIL in column.sample and any(SSN in c.sample for c in table.columns)
    LanguageModelClassifier().classify(column, table)

    raw = llm_env.requests[0].body
    for value in [v for c in table.columns for v in c.sample]:
        assert value.encode() not in raw, value
        assert json.dumps(value).encode() not in raw
    assert b"zq.secret" not in raw and b"900-55" not in raw

    facts = llm_env.requests[0].facts
    assert facts == request_payload(column, table)
    assert facts["table"] == "customers"
    assert facts["column"] == "contact_value"
    assert facts["data_type"] == "VARCHAR"
    assert facts["other_columns"] == [
        {"name": "id", "data_type": "BIGINT"},
        {"name": "ssn_like", "data_type": "VARCHAR"},
        {"name": "signup_at", "data_type": "TIMESTAMP"},
    ]
    assert facts["rows"] == 1000
    assert facts["null_fraction"] == 0.25
    assert facts["unique"] is True
    assert facts["common_shapes"] == [
        {"shape": "xx.xxxxxx@xxxxxxx.xxxx", "count": 2},
        {"shape": "xx.xxxxx@xxxxxxx.xxxx", "count": 1},
    ]
    assert set(facts) == {"table", "column", "data_type", "other_columns", "rows",
                          "null_fraction", "unique", "common_shapes"}


def test_module_never_reads_the_sample():
    tree = ast.parse(inspect.getsource(llm))
    reads = [node for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and node.attr == "sample"]
    assert reads == []


def test_bearer_token_sent_only_when_set(llm_env, monkeypatch):
    column, table = customers("contact_value")
    LanguageModelClassifier().classify(column, table)
    assert "authorization" not in llm_env.requests[-1].headers

    monkeypatch.setenv(llm.TOKEN_VAR, TOKEN)
    classifier = LanguageModelClassifier()
    finding = classifier.classify(column, table)
    assert llm_env.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in finding.evidence
    assert TOKEN not in repr(classifier)


def test_token_never_in_errors(llm_env, monkeypatch):
    monkeypatch.setenv(llm.TOKEN_VAR, TOKEN)
    column, table = customers("boom_value")
    classifier = LanguageModelClassifier()
    assert classifier.classify(column, table) is None
    assert classifier.last_error and TOKEN not in classifier.last_error
    findings, warnings = run_plugins([classifier], column, table, rules_confident=False)
    assert findings == [] and warnings and all(TOKEN not in w for w in warnings)


def test_fenced_json_answer_is_parsed(llm_env):
    column, table = customers("fenced_value")
    finding = LanguageModelClassifier().classify(column, table)
    assert finding == Finding("national_id", 0.6, "language model: SSN-like shape", "llm")


def test_json_inside_prose_is_parsed(llm_env):
    column, table = customers("chatty_value")
    finding = LanguageModelClassifier().classify(column, table)
    assert (finding.cls, finding.confidence) == ("phone", 0.4)


def test_low_confidence_is_kept_as_is(llm_env):
    column, table = customers("public_value")
    finding = LanguageModelClassifier().classify(column, table)
    assert (finding.cls, finding.confidence) == ("public", 0.2)


def test_unknown_class_gives_none_with_reason(llm_env):
    column, table = customers("mystery_value")
    classifier = LanguageModelClassifier()
    assert classifier.classify(column, table) is None
    assert "secret_sauce" in classifier.last_error
    assert "unknown class" in classifier.last_error


def test_answer_without_json_gives_none(llm_env):
    column, table = customers("prose_value")
    classifier = LanguageModelClassifier()
    assert classifier.classify(column, table) is None
    assert "no JSON object" in classifier.last_error


def test_last_error_is_cleared_by_a_good_answer(llm_env):
    classifier = LanguageModelClassifier()
    assert classifier.classify(*customers("mystery_value")) is None
    assert classifier.last_error
    assert classifier.classify(*customers("contact_value")) is not None
    assert classifier.last_error is None


def test_http_500_gives_none(llm_env):
    column, table = customers("boom_value")
    classifier = LanguageModelClassifier()
    assert classifier.classify(column, table) is None
    assert "HTTP 500" in classifier.last_error


def test_timeout_gives_none(llm_env, monkeypatch):
    monkeypatch.setenv(llm.TIMEOUT_VAR, "1")
    column, table = customers("slow_value")
    classifier = LanguageModelClassifier()
    started = time.monotonic()
    assert classifier.classify(column, table) is None
    assert time.monotonic() - started < 4
    assert "within 1 s" in classifier.last_error


def test_unreachable_server_gives_none(llm_env, monkeypatch):
    monkeypatch.setenv(llm.URL_VAR, "http://127.0.0.1:9/v1")
    classifier = LanguageModelClassifier()
    assert classifier.classify(*customers("contact_value")) is None
    assert "cannot reach" in classifier.last_error


def test_no_url_is_a_loud_error(monkeypatch):
    monkeypatch.delenv(llm.URL_VAR, raising=False)
    with pytest.raises(PluginError, match="UNDERSTUDY_LLM_URL"):
        LanguageModelClassifier()
    with pytest.raises(PluginError, match="UNDERSTUDY_LLM_URL") as raised:
        load_classifiers(["llm"])
    assert "'llm'" in str(raised.value)


@pytest.mark.parametrize("timeout", ["soon", "0", "-3"])
def test_bad_timeout_is_refused(monkeypatch, timeout):
    monkeypatch.setenv(llm.URL_VAR, "http://127.0.0.1:8000/v1")
    monkeypatch.setenv(llm.TIMEOUT_VAR, timeout)
    with pytest.raises(PluginError, match="UNDERSTUDY_LLM_TIMEOUT"):
        LanguageModelClassifier()


# --------------------------------------------------------------------------- loading


def test_load_by_module_and_attribute():
    loaded = load_classifiers([
        "scan_plugin_example:BadgeClassifier",
        "scan_plugin_example:READY",
    ])
    assert [type(c) for c in loaded] == [scan_plugin_example.BadgeClassifier,
                                         type(scan_plugin_example.READY)]
    assert loaded[1] is scan_plugin_example.READY

    badge = profile("employee_badge", ["B-0001"])
    findings, warnings = run_plugins(loaded[:1], badge, table_of(badge), rules_confident=True)
    assert findings == [Finding("identifier", 0.9, "column named employee_badge", "badges")]
    assert warnings == []

    other = profile("nickname", ["x"])
    assert run_plugins(loaded[:1], other, table_of(other), rules_confident=True) == ([], [])


def test_load_by_factory():
    [classifier] = load_classifiers(["scan_plugin_example:make_badge_classifier"])
    assert isinstance(classifier, scan_plugin_example.BadgeClassifier)


def test_short_name_llm_loads_the_shipped_plugin(monkeypatch):
    monkeypatch.setenv(llm.URL_VAR, "http://127.0.0.1:8000/v1/")
    [classifier] = load_classifiers(["llm"])
    assert isinstance(classifier, LanguageModelClassifier)
    assert classifier.endpoint == "http://127.0.0.1:8000/v1/chat/completions"


@pytest.mark.parametrize("spec,why", [
    ("no_such_module_for_understudy:Thing", "not found"),
    ("scan_plugin_example:Missing", "no attribute"),
    ("scan_plugin_example:NotAClassifier", "lacks a 'classify' method"),
    ("scan_plugin_example:NeedsArguments", "raised TypeError"),
    ("scan_plugin_example", "expected 'package.module:attribute'"),
    ("scan_plugin_example:", "expected 'package.module:attribute'"),
])
def test_bad_specs_name_the_spec(spec, why):
    with pytest.raises(PluginError) as raised:
        load_classifiers([spec])
    assert repr(spec) in str(raised.value)
    assert why in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_two_plugins_with_one_name_are_refused():
    with pytest.raises(PluginError, match="already used"):
        load_classifiers(["scan_plugin_example:BadgeClassifier",
                          "scan_plugin_example:make_badge_classifier"])


def test_configured_specs_merge_cli_env_and_entry_points(monkeypatch):
    asked = {}

    def fake_entry_points(**kw):
        asked.update(kw)
        return [
            importlib.metadata.EntryPoint("badges", "scan_plugin_example:BadgeClassifier",
                                          plugins.ENTRY_POINT_GROUP),
            importlib.metadata.EntryPoint("extra", "acme.scan:Extra", plugins.ENTRY_POINT_GROUP),
        ]

    monkeypatch.setattr(importlib.metadata, "entry_points", fake_entry_points)
    monkeypatch.setenv(plugins.ENV_VAR, " llm , scan_plugin_example:BadgeClassifier,,acme.x:Y")
    specs = configured_specs(["scan_plugin_example:READY", "llm"])
    assert asked == {"group": "understudy.classifiers"}
    assert specs == [
        "scan_plugin_example:READY",
        "llm",
        "scan_plugin_example:BadgeClassifier",
        "acme.x:Y",
        "acme.scan:Extra",
    ]


def test_configured_specs_without_anything(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: [])
    monkeypatch.delenv(plugins.ENV_VAR, raising=False)
    assert configured_specs([]) == []


# --------------------------------------------------------------------------- running


class Fixed:
    """A plug-in that always answers with the same finding."""

    def __init__(self, name, cls, confidence=0.5, unsure_only=False):
        self.name, self.cls, self.confidence, self.unsure_only = name, cls, confidence, unsure_only

    def classify(self, column, table):
        return Finding(self.cls, self.confidence, f"{self.name} says so", "whatever")


class Raising:
    name = "flaky"
    unsure_only = False

    def classify(self, column, table):
        raise RuntimeError("lookup service down")


def test_unsure_only_plugins_skipped_when_rules_are_confident():
    column = profile("contact_value", [EMAIL])
    table = table_of(column)
    eager = Fixed("eager", "email")
    shy = Fixed("shy", "email", unsure_only=True)

    findings, warnings = run_plugins([eager, shy], column, table, rules_confident=True)
    assert [f.source for f in findings] == ["eager"]
    assert warnings == []

    findings, warnings = run_plugins([eager, shy], column, table, rules_confident=False)
    assert [f.source for f in findings] == ["eager", "shy"]


def test_invalid_classes_dropped_and_confidence_clamped():
    column = profile("contact_value", [EMAIL])
    table = table_of(column)
    findings, warnings = run_plugins(
        [Fixed("bad", "passport_number"), Fixed("high", "email", 1.5),
         Fixed("low", "phone", -0.2)],
        column, table, rules_confident=False,
    )
    assert findings == [
        Finding("email", 1.0, "high says so", "high"),
        Finding("phone", 0.0, "low says so", "low"),
    ]
    assert len(warnings) == 1
    assert "'bad'" in warnings[0] and "passport_number" in warnings[0]


def test_raising_plugin_becomes_a_warning_and_others_still_run():
    column = profile("contact_value", [EMAIL])
    table = table_of(column)
    findings, warnings = run_plugins([Raising(), Fixed("after", "email")], column, table,
                                     rules_confident=False)
    assert findings == [Finding("email", 0.5, "after says so", "after")]
    assert len(warnings) == 1
    assert "'flaky'" in warnings[0]
    assert "crm.customers.contact_value" in warnings[0]
    assert "lookup service down" in warnings[0]


def test_wrong_return_type_becomes_a_warning():
    class Sloppy:
        name = "sloppy"
        unsure_only = False

        def classify(self, column, table):
            return {"cls": "email"}

    column = profile("contact_value", [EMAIL])
    findings, warnings = run_plugins([Sloppy()], column, table_of(column), rules_confident=False)
    assert findings == [] and "'sloppy'" in warnings[0] and "dict" in warnings[0]


def test_language_model_error_becomes_a_warning(llm_env):
    column, table = customers("boom_value")
    classifier = LanguageModelClassifier()
    findings, warnings = run_plugins([classifier], column, table, rules_confident=False)
    assert findings == []
    assert len(warnings) == 1
    assert "'llm'" in warnings[0] and "crm.customers.boom_value" in warnings[0]
    assert "HTTP 500" in warnings[0]

    # Confident rules: the language model is not asked at all.
    before = len(llm_env.requests)
    assert run_plugins([classifier], column, table, rules_confident=True) == ([], [])
    assert len(llm_env.requests) == before
