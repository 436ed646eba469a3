"""OpenTelemetry: the SDK's spans, trace context and metric, read from the OpenTelemetry
SDK's in-memory exporter and metric reader, against the sandbox (which logs the trace
id of each request it serves). Sync and async."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF, ALWAYS_ON, Sampler, SamplingResult
from opentelemetry.trace import SpanKind, StatusCode

import projekt
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import TOKEN
from tests.sdk.hostile import hostile_server

EXPORTER = InMemorySpanExporter()
READER = InMemoryMetricReader()
MISSING = "00000000-0000-4000-8000-000000000000"
SEEDED_ISSUE = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"  # "Fix login bug"


class ThisModulesTests(Sampler):
    """Samples while this module's tests run, and nothing after: the global provider stays
    set for the rest of the process, and a provider shut down would warn on every span the
    next tests' calls end (into their captured logs)."""

    running = True

    def should_sample(self, *args: Any, **kwargs: Any) -> SamplingResult:
        return (ALWAYS_ON if self.running else ALWAYS_OFF).should_sample(*args, **kwargs)

    def get_description(self) -> str:
        return "ThisModulesTests"


@pytest.fixture(scope="module", autouse=True)
def providers() -> Iterator[None]:
    """The application's part: a tracer and a meter provider (set once per process).

    Afterwards, no span is recorded, so the rest of the session's requests are neither kept
    in memory nor warned of.
    """
    sampler = ThisModulesTests()
    tracer_provider = TracerProvider(sampler=sampler)
    tracer_provider.add_span_processor(SimpleSpanProcessor(EXPORTER))
    trace.set_tracer_provider(tracer_provider)
    meter_provider = MeterProvider(metric_readers=[READER])
    metrics.set_meter_provider(meter_provider)
    yield
    sampler.running = False
    EXPORTER.clear()
    meter_provider.shutdown()


@pytest.fixture(autouse=True)
def no_spans_yet() -> None:
    EXPORTER.clear()


def finished() -> tuple[list[ReadableSpan], list[ReadableSpan]]:
    """(INTERNAL call spans, CLIENT attempt spans), in the order they ended."""
    done = list(EXPORTER.get_finished_spans())
    return (
        [s for s in done if s.kind is SpanKind.INTERNAL],
        [s for s in done if s.kind is SpanKind.CLIENT],
    )


@pytest.fixture
def client(sandbox_client: Any) -> Any:
    return sandbox_client


def test_a_retried_read_is_one_call_span_over_two_attempts(
    client: Any,
    projekt_sandbox: ProjektSandbox,
    caplog: pytest.LogCaptureFixture,
) -> None:
    issue_id = SEEDED_ISSUE
    projekt_sandbox.fail_next(503, method="GET", path=f"/issues/{issue_id}")
    with caplog.at_level(logging.INFO, logger="projekt_sandbox"):
        client.issues.get(issue_id)
    (call,), (first, second) = finished()
    assert call.name == "issues.get" and call.status.status_code is not StatusCode.ERROR
    assert call.attributes["projekt.operation_id"] == "getIssue"
    assert call.attributes["projekt.org_id"] == projekt_sandbox.org_id
    assert [e.name for e in call.events] == ["projekt.retry.wait"]
    for attempt in (first, second):
        assert attempt.name == "GET /issues/{issue_id}"
        assert attempt.parent is not None and attempt.parent.span_id == call.context.span_id
        assert attempt.attributes["url.template"] == "/issues/{issue_id}"
        assert attempt.attributes["url.full"] == f"{projekt_sandbox.base_url}/issues/{issue_id}"
        assert attempt.attributes["server.address"] == "127.0.0.1"
        assert attempt.attributes["server.port"] == int(projekt_sandbox.base_url.split(":")[-1])
    assert first.attributes["http.response.status_code"] == 503
    assert first.attributes["error.type"] == "503" and first.status.status_code is StatusCode.ERROR
    assert "http.request.resend_count" not in first.attributes
    assert second.attributes["http.request.resend_count"] == 1
    assert second.attributes["http.response.status_code"] == 200
    assert second.attributes["projekt.request_id"].startswith("req_")
    # The sandbox saw the same trace: each attempt carried its traceparent.
    trace_id = format(call.context.trace_id, "032x")
    served = [r.getMessage() for r in caplog.records if r.name == "projekt_sandbox"]
    assert sum(f"trace_id={trace_id}" in line for line in served) == 2


def test_an_attempt_whose_answer_was_cut_short_names_its_request_id() -> None:
    """Its headers came before the connection broke: the span, like the error, names the
    request for support. The span took the request id only from an answer read whole."""
    cut = (200, {"Content-Length": "1000", "X-Request-Id": "req_cut2"}, b'{"id": "u')
    with hostile_server(lambda path: cut) as (url, _):
        client = projekt.Projekt(api_key=TOKEN, base_url=url, max_retries=0)
        with pytest.raises(projekt.APIConnectionError):
            client.me.get()
    (call,), (attempt,) = finished()
    assert attempt.attributes["error.type"] == "RemoteProtocolError"
    assert attempt.attributes["projekt.request_id"] == "req_cut2"
    assert call.status.status_code is StatusCode.ERROR


def test_a_write_and_its_metric(client: Any, projekt_sandbox: ProjektSandbox) -> None:
    client.issues.create(project_id=projekt_sandbox.project_id, title="Traced")
    (call,), (attempt,) = finished()
    assert (call.name, attempt.name) == ("issues.create", "POST /issues")
    assert attempt.attributes["http.request.method"] == "POST"
    assert attempt.attributes["http.response.status_code"] == 201
    points = [
        point.attributes
        for metric in READER.get_metrics_data().resource_metrics[0].scope_metrics[0].metrics
        if metric.name == "http.client.request.duration" and metric.unit == "s"
        for point in metric.data.data_points
    ]
    assert {
        "http.request.method": "POST",
        "server.address": "127.0.0.1",
        "server.port": int(projekt_sandbox.base_url.split(":")[-1]),
        "url.template": "/issues",
        "http.response.status_code": 201,
    } in points


def test_spans_and_metric_name_the_sdk_its_version_and_their_conventions(
    client: Any,
) -> None:
    """A backend shows which library, at which version, made a span, and reads its
    attributes by the conventions' version in the schema URL."""
    client.me.get()
    scope = (projekt.__name__, projekt.__version__, "https://opentelemetry.io/schemas/1.26.0")
    assert {
        (
            s.instrumentation_scope.name,
            s.instrumentation_scope.version,
            s.instrumentation_scope.schema_url,
        )
        for s in EXPORTER.get_finished_spans()
    } == {scope}
    (metrics_scope,) = READER.get_metrics_data().resource_metrics[0].scope_metrics
    assert (
        metrics_scope.scope.name,
        metrics_scope.scope.version,
        metrics_scope.scope.schema_url,
    ) == scope


def test_a_paginated_list_is_one_call_span_per_page(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    items = list(client.issues.list(project_id=projekt_sandbox.project_id, limit=2))
    calls, attempts = finished()
    assert len(items) > 4 and len(calls) == len(attempts) == (len(items) + 1) // 2
    assert {c.name for c in calls} == {"issues.list"}
    assert [a.parent.span_id for a in attempts if a.parent] == [c.context.span_id for c in calls]
    assert all("cursor=" in str(a.attributes["url.full"]) for a in attempts[1:])


def test_an_error_marks_both_spans(client: Any, projekt_sandbox: ProjektSandbox) -> None:
    with pytest.raises(Exception, match="404"):
        client.issues.get(MISSING)
    (call,), (attempt,) = finished()
    for span in (call, attempt):
        assert span.status.status_code is StatusCode.ERROR
        assert span.attributes["error.type"] == "404"


def test_the_throttles_wait_is_an_event_with_its_duration(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.rate_limit(2, 1.0)
    for _ in range(3):
        client.me.get()
    calls, _ = finished()
    waits = [e for c in calls for e in c.events if e.name == "projekt.throttle.wait"]
    assert len(waits) == 1 and 0 < waits[0].attributes["projekt.wait.seconds"] <= 1.5


def test_instrumented_httpx_adds_no_second_client_span(projekt_sandbox: ProjektSandbox) -> None:
    """opentelemetry-instrumentation-httpx on the user's own httpx.Client: suppressed
    under the SDK's attempt spans, so each attempt is traced once."""
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor().instrument()
    try:
        with httpx.Client() as own, projekt_sandbox.client(http_client=own) as client:
            client.me.get()
            own.get(projekt_sandbox.base_url + "/openapi.yaml")  # the user's own request
    finally:
        HTTPXClientInstrumentor().uninstrument()
    calls, attempts = finished()
    assert [c.name for c in calls] == ["me.get"]
    assert [a.name for a in attempts] == ["GET /me", "GET"]  # ours, and the user's own


def test_the_attempt_span_shows_the_query_a_user_http_client_added(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """Through `http_client=`, the user's client adds its default query parameters to each
    request (here one the sandbox refuses as unknown, which shows it was sent). Before, the
    span's url.full was taken before they were added: the trace showed a URL other than the
    one the server answered."""
    with (
        httpx.Client(params={"tenant": "acme"}) as own,
        projekt_sandbox.client(http_client=own, max_retries=0) as client,
        pytest.raises(projekt.UnprocessableEntityError) as refused,
    ):
        client.me.get()
    _, (attempt,) = finished()
    assert refused.value.response is not None
    sent = str(refused.value.response.request.url)
    assert sent.endswith("/me?tenant=acme")
    assert attempt.attributes["url.full"] == sent


def test_without_a_tracer_provider_nothing_is_imported_or_traced() -> None:
    script = """
import sys, httpx
import projekt
client = projekt.Projekt(api_key="pjk_live_" + "a" * 32, org_id="o", base_url="https://x.test",
    transport=httpx.MockTransport(lambda r: httpx.Response(200, json={
        "id": "u", "email": "e@x.test", "name": "n", "username": "u", "locale": "en"})))
client.me.get()
assert not [m for m in sys.modules if m.startswith("opentelemetry")], "imported"
import opentelemetry.trace
from projekt._runtime.observability import telemetry
client.me.get()
assert telemetry.tracer() is None
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr


def test_a_path_off_the_spec_is_a_projekt_request_span(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    client.get("/issues/{issue_id}", path_params={"issue_id": SEEDED_ISSUE})
    (call,), (attempt,) = finished()
    assert call.name == "projekt.request"
    assert call.attributes["http.request.method"] == "GET"
    assert call.attributes["url.template"] == "/issues/{issue_id}"
    assert call.attributes["projekt.org_id"] == projekt_sandbox.org_id
    assert attempt.name == "GET /issues/{issue_id}"
    assert attempt.attributes["url.full"] == f"{projekt_sandbox.base_url}/issues/{SEEDED_ISSUE}"


def test_a_path_written_out_in_full_is_told_by_its_spec_template(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """`client.get(f"/issues/{issue_id}")` named its spans, and keyed its metric, by the path
    itself: a span name and a time series per issue, where OpenTelemetry asks for few."""
    ids = [SEEDED_ISSUE, *(i.id for i in client.issues.list(project_id=projekt_sandbox.project_id))]
    EXPORTER.clear()
    for issue_id in ids[:3]:
        client.get(f"/issues/{issue_id}")
    with pytest.raises(projekt.NotFoundError):
        client.get(f"/no-such-thing/{SEEDED_ISSUE}")  # a path the spec does not have
    calls, attempts = finished()
    assert {c.attributes.get("url.template") for c in calls} == {"/issues/{issue_id}", None}
    assert {a.name for a in attempts} == {"GET /issues/{issue_id}", "GET"}  # by the method alone
    templates = {
        point.attributes.get("url.template")
        for metric in READER.get_metrics_data().resource_metrics[0].scope_metrics[0].metrics
        if metric.name == "http.client.request.duration"
        for point in metric.data.data_points
    }
    assert not any(SEEDED_ISSUE in str(template) for template in templates)


def test_each_provider_a_client_is_given_records_that_clients_calls(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """A test suite makes providers test by test, and one that process exit need not shut
    down (`shutdown_on_exit=False`) is freed after its test, so that a later one may take its
    address. Before, the SDK kept each provider's tracer and histogram by that address: about
    one client in two recorded into a provider gone before it, and nothing was recorded."""
    for _ in range(30):
        tracer_provider = TracerProvider(shutdown_on_exit=False)
        reader = InMemoryMetricReader()
        meter_provider = MeterProvider(metric_readers=[reader], shutdown_on_exit=False)
        exporter = InMemorySpanExporter()
        tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
        with projekt_sandbox.client(
            tracer_provider=tracer_provider, meter_provider=meter_provider
        ) as client:
            client.me.get()
        assert [span.name for span in exporter.get_finished_spans()] == ["GET /me", "me.get"]
        (scope,) = reader.get_metrics_data().resource_metrics[0].scope_metrics
        assert [metric.name for metric in scope.metrics] == ["http.client.request.duration"]
        del tracer_provider, meter_provider, exporter, reader, client, scope
        gc.collect()  # the providers are freed now, as a test's are once it is done
