"""Observability never breaks a call: a span processor, exporter, meter, propagator, logging
filter or warning display that raises is reported once, and every call still returns its real
result. Nothing between reserving rate-limit budget and settling it can leave it held.
Against the test kit's sandbox, sync and async."""

from __future__ import annotations

import asyncio
import gc
import logging
import warnings
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from opentelemetry import propagate
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from projekt._runtime.observability import hooks
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import make_client

CALLS = 20


class Hiccup(RuntimeError):
    """What a broken exporter, meter or filter raises."""


class RaisingProcessor(SpanProcessor):
    def __init__(self, on: str) -> None:
        self.on = on

    def on_start(self, span: Any, parent_context: Any = None) -> None:
        if self.on == "start":
            raise Hiccup("the exporter is down")

    def on_end(self, span: Any) -> None:
        if self.on == "end":
            raise Hiccup("the exporter is down")


class RaisingTextMap(TraceContextTextMapPropagator):
    def inject(self, *args: Any, **kwargs: Any) -> None:
        raise Hiccup("the propagator is broken")


class BrokenMeter:
    """A meter provider whose instrument (`record`) or whose creation (`get_meter`) raises."""

    def __init__(self, on: str) -> None:
        self.on = on

    def get_meter(self, *args: Any, **kwargs: Any) -> Any:
        if self.on == "create":
            raise Hiccup("the meter provider is broken")
        return self

    def create_histogram(self, *args: Any, **kwargs: Any) -> Any:
        return self

    def record(self, *args: Any, **kwargs: Any) -> None:
        raise Hiccup("the metric reader is down")


def tracing(on: str) -> dict[str, Any]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(InMemorySpanExporter()))
    provider.add_span_processor(RaisingProcessor(on))
    return {"tracer_provider": provider}


@pytest.fixture
def raising_propagator() -> Iterator[dict[str, Any]]:
    before = propagate.get_global_textmap()
    propagate.set_global_textmap(RaisingTextMap())
    yield tracing("nowhere")
    propagate.set_global_textmap(before)


@pytest.fixture
def raising_log_filter() -> Iterator[dict[str, Any]]:
    logger = logging.getLogger("projekt")
    level = logger.level

    def broken(record: logging.LogRecord) -> bool:
        if record.levelno == logging.DEBUG:
            raise Hiccup("the log filter is broken")
        return True

    logger.setLevel(logging.DEBUG)
    logger.addFilter(broken)
    yield {}
    logger.removeFilter(broken)
    logger.setLevel(level)


@pytest.fixture
def raising_warning_display(
    projekt_sandbox: ProjektSandbox,
) -> Iterator[dict[str, Any]]:
    projekt_sandbox.deprecate("getMe")

    def broken(*args: Any, **kwargs: Any) -> None:
        raise Hiccup("the warning display is broken")

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = broken
        yield {}


HOOKS: dict[str, tuple[str, Callable[[pytest.FixtureRequest], dict[str, Any]]]] = {
    "span processor on_start": ("tracing", lambda _: tracing("start")),
    "span processor on_end": ("tracing", lambda _: tracing("end")),
    "propagator": ("tracing", lambda r: r.getfixturevalue("raising_propagator")),
    "histogram record": ("metrics", lambda _: {"meter_provider": BrokenMeter("record")}),
    "meter provider": ("metrics", lambda _: {"meter_provider": BrokenMeter("create")}),
    "logging filter": ("debug logging", lambda r: r.getfixturevalue("raising_log_filter")),
    "warning display": (
        "deprecation notice",
        lambda r: r.getfixturevalue("raising_warning_display"),
    ),
}


@pytest.fixture(autouse=True)
def nothing_reported_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hooks, "_reported", {})


def budgets_in_flight(client: Any) -> list[int]:
    """The throttle's in-flight count of every budget the client and its copies used."""
    return [
        budget.in_flight
        for throttle in client._shared.throttles.values()
        for budget in throttle._budgets.values()
    ]


def kit_client(
    sandbox: ProjektSandbox, flavor: str, runner: asyncio.Runner | None, **options: Any
) -> Any:
    """A client of the test kit's sandbox, sync or async (seen as sync)."""
    credentials = {"api_key": sandbox.api_key, "org_id": sandbox.org_id}
    return make_client(flavor, runner, base_url=sandbox.base_url, **credentials, **options)


def calls(client: Any, count: int) -> list[str]:
    """`count` calls of me.get() in a row; each user's id."""
    return [client.me.get().id for _ in range(count)]


@pytest.mark.parametrize("hook", list(HOOKS))
def test_a_failing_hook_is_reported_once_and_every_call_returns_its_result(
    hook: str,
    request: pytest.FixtureRequest,
    projekt_sandbox: ProjektSandbox,
    flavor: str,
    runner: asyncio.Runner | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kind, breaking = HOOKS[hook]
    options = breaking(request)
    with kit_client(projekt_sandbox, flavor, runner, **options) as client:
        assert calls(client, CALLS) == [projekt_sandbox.user_id] * CALLS
        assert budgets_in_flight(client) == [0]
    reports = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    failures = [m for m in reports if m.startswith(f"The SDK's {kind}")]
    assert len(failures) == 1, reports
    assert "Hiccup" in failures[0]


def test_a_reported_failure_does_not_keep_the_failing_call_alive() -> None:
    """The first failure is remembered by its kind only: kept, the exception would keep its
    traceback's frames, and every object the failing call held, for the life of the process."""

    class Held:
        pass

    def failing_hook(held: Held) -> None:
        raise Hiccup("broken")

    held = Held()
    alive = weakref.ref(held)
    try:
        failing_hook(held)
    except Hiccup as error:
        hooks.failed("test hook", error)
    del held
    gc.collect()
    assert alive() is None
    assert "test hook" in hooks._reported


@pytest.mark.parametrize("point", ["waited", "attempt"])
def test_an_interruption_between_reserving_and_sending_gives_the_budget_back(
    point: str,
    projekt_sandbox: ProjektSandbox,
    flavor: str,
    runner: asyncio.Runner | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not even a KeyboardInterrupt raised right after the reservation leaves it held: with
    the window unknown again, a held reservation would make every later call wait for ever."""
    from projekt._runtime.observability import telemetry

    real = getattr(telemetry, point)
    interrupted = []

    def interrupt_once(*args: Any) -> Any:
        if not interrupted:
            interrupted.append(point)
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(telemetry, point, interrupt_once)
    projekt_sandbox.rate_limit(1000, 1)  # one-second windows: the state goes unknown often
    with kit_client(projekt_sandbox, flavor, runner, total_timeout=30) as client:
        with pytest.raises(KeyboardInterrupt):
            client.me.get()
        assert budgets_in_flight(client) == [0]
        assert calls(client, CALLS) == [projekt_sandbox.user_id] * CALLS
        assert budgets_in_flight(client) == [0]
