"""OpenTelemetry traces and metrics, when the application has set them up.

The SDK depends on nothing here: `pip install projekt[otel]` adds opentelemetry-api,
and the application brings the SDK and an exporter. The SDK never imports
OpenTelemetry itself; it looks in `sys.modules` for what the application has
imported, so without it (or with no tracer provider set) a call costs a few
lookups (`make bench` measures them), and `import projekt` nothing. A client's
`tracer_provider=` and `meter_provider=` take the place of the global ones, as
OpenTelemetry asks of instrumentation libraries.

Nothing here may fail a call (hooks.py): a span processor, exporter, meter or
propagator that raises is reported once and skipped.

Spans follow the HTTP client semantic conventions of v1.26, the first to name a client
span by its `url.template`, and say so (the scope's schema URL): one INTERNAL span
per call (`issues.create`; `projekt.request` for a path off the spec), and under
it one CLIENT span per HTTP attempt (`POST /issues`), which carries the W3C trace
context to the server. A list gets one INTERNAL span per page fetched, not one
over the iteration: the code between pages is the caller's, and an iteration
left unfinished would leave a span that never ends.

Why one module: the call's span, each attempt's span, the metric and the debug line are one
observation of a call, under one scope, with the same attribute names and the same guards.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

import httpx

from projekt._runtime import clock
from projekt._runtime.observability.hooks import Guarded, failed, guarded, log_debug
from projekt._runtime.observability.log import logger
from projekt._runtime.observability.redaction import mask_url, unsendable_header
from projekt._runtime.options import CallOptions, options_of, outcome_of
from projekt._version import __version__

__all__ = [
    "Attempt",
    "attempt",
    "call",
    "duration_histogram",
    "failed_call",
    "tracer",
    "waited",
]

TRACING, METRICS = "tracing (OpenTelemetry spans)", "metrics (OpenTelemetry histogram)"
# The instrumentation scope: the SDK, at its version, on the conventions its names follow.
SCOPE, SCHEMA_URL = "projekt", "https://opentelemetry.io/schemas/1.26.0"
OFF_SPEC_SPAN = "projekt.request"
# The semantic conventions' advisory buckets for http.client.request.duration, in seconds.
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10)

# Each provider's tracer and histogram, made once, held no longer than the provider: kept
# by its id, a provider freed (a test's) left them to one made later at its address.
_tracers: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_histograms: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_global_histogram: dict[str, Any] = {}  # the global provider's, from a proxy until one is set


@guarded(TRACING)
def tracer(provider: Any = None) -> Any:
    """The SDK's tracer from `provider`, else from the global one; None when there is none."""
    if provider is None:
        trace = sys.modules.get("opentelemetry.trace")
        if trace is None:
            return None
        provider = trace.get_tracer_provider()
        if isinstance(provider, (trace.ProxyTracerProvider, trace.NoOpTracerProvider)):
            return None
    return _made_once(_tracers, provider, _new_tracer)


def _new_tracer(provider: Any) -> Any:
    return provider.get_tracer(SCOPE, __version__, schema_url=SCHEMA_URL)


@guarded(METRICS)
def duration_histogram(provider: Any = None) -> Any:
    """http.client.request.duration from `provider`, else once the application has imported
    the metrics API: from the global meter provider, whose instruments start recording once
    the application sets a provider, even after this was made."""
    if provider is not None:
        return _made_once(_histograms, provider, _new_histogram)
    histogram = _global_histogram.get("made")
    if histogram is None:  # the global provider is set once: its histogram is made once
        if (metrics := sys.modules.get("opentelemetry.metrics")) is None:
            return None
        histogram = _global_histogram["made"] = _new_histogram(metrics.get_meter_provider())
    return histogram


def _new_histogram(provider: Any) -> Any:
    return provider.get_meter(SCOPE, __version__, schema_url=SCHEMA_URL).create_histogram(
        "http.client.request.duration",
        unit="s",
        description="Duration of HTTP client requests.",
        explicit_bucket_boundaries_advisory=DURATION_BUCKETS,
    )


def _made_once(
    made: weakref.WeakKeyDictionary[Any, Any], provider: Any, make: Callable[[Any], Any]
) -> Any:
    try:
        return made[provider]
    except KeyError:
        instrument = made[provider] = make(provider)
        return instrument
    except TypeError:  # a provider no weak reference can point to: made for each call
        return make(provider)


def call(options: CallOptions, org_id: str | None) -> AbstractContextManager[Any]:
    """The INTERNAL span of one call (or of one page of a list), named as users write it."""
    op = options.operation
    if options.tracer is None or op is None:
        return contextlib.nullcontext()
    attributes: dict[str, Any]
    if op.operation_id is not None:
        name, attributes = op.name, {"projekt.operation_id": op.operation_id}
    else:  # a path off the spec (client.get(...)): one span name, told apart by template
        name = OFF_SPEC_SPAN
        attributes = {"http.request.method": op.endpoint.method}
        if op.url_template:
            attributes["url.template"] = op.url_template
    if org_id and op.org_header:
        attributes["projekt.org_id"] = org_id
    return Guarded(TRACING, _span(options.tracer, name, attributes))


@contextlib.contextmanager
def _span(tracer: Any, name: str, attributes: dict[str, Any]) -> Iterator[Any]:
    """The span, started on entering, so that a processor's `on_start` is inside the guard."""
    with tracer.start_as_current_span(name, attributes=attributes) as span:
        yield span


@guarded(TRACING)
def failed_call(
    options: CallOptions, status: int | None = None, error: BaseException | None = None
) -> None:
    """Marks the call's span as failed, with `error.type`."""
    if options.tracer is None:
        return
    trace = sys.modules["opentelemetry.trace"]
    span = trace.get_current_span()
    kind = str(status) if status is not None else type(error).__name__
    span.set_attribute("error.type", kind)
    span.set_status(trace.Status(trace.StatusCode.ERROR))


@guarded(TRACING)
def waited(request: httpx.Request, reason: str, seconds: float) -> None:
    """A wait before an attempt (the throttle's, or a retry's), as an event on the call's span."""
    if seconds <= 0 or options_of(request).tracer is None:
        return
    span = sys.modules["opentelemetry.trace"].get_current_span()
    span.add_event(f"projekt.{reason}", {"projekt.wait.seconds": seconds})


def attempt(request: httpx.Request, resend_count: int) -> Attempt | Unobserved:
    """The attempt's CLIENT span, metric and DEBUG line, to enter around it and tell its
    answer."""
    options = options_of(request)
    if options.tracer is None and options.histogram is None and not _debugging():
        return UNOBSERVED
    try:
        return Attempt(options.tracer, options.histogram, request, resend_count)
    except Exception as error:
        failed(TRACING, error)
        return UNOBSERVED


class Unobserved:
    """An attempt no one traces or measures."""

    def __enter__(self) -> Unobserved:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def answered(self, response: httpx.Response) -> None:
        return None


UNOBSERVED = Unobserved()


def _debugging() -> bool:
    return logger.isEnabledFor(logging.DEBUG)


class Attempt:
    """The CLIENT span of one attempt, its duration in the metric, and, with PROJEKT_LOG=debug,
    one line on the `projekt` logger: method, URL, status or error, duration, request id.

    Entering and leaving never raise (hooks.py): a failing span is dropped, and so is a
    failing measurement.
    """

    def __init__(
        self, tracer: Any, histogram: Any, request: httpx.Request, resend_count: int
    ) -> None:
        self._tracer, self._histogram, self._request = tracer, histogram, request
        url, op = request.url, options_of(request).operation
        self._common: dict[str, Any] = {
            "http.request.method": request.method,
            "server.address": url.host,
            "server.port": url.port or (443 if url.scheme == "https" else 80),
        }
        if op is not None and op.url_template:
            self._common["url.template"] = op.url_template
        self._resend_count = resend_count
        self._status: int | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> Attempt:
        self._started = clock.counter()
        if self._tracer is not None:
            try:
                self._span = self._stack.enter_context(self._start_span())
            except Exception as error:
                failed(TRACING, error)
                self._tracer = None
        return self

    @contextlib.contextmanager
    def _start_span(self) -> Iterator[Any]:
        trace = sys.modules["opentelemetry.trace"]
        template = self._common.get("url.template")
        name = f"{self._request.method} {template}" if template else self._request.method
        attributes = {**self._common, "url.full": _url_full(self._request.url)}
        if self._resend_count:
            attributes["http.request.resend_count"] = self._resend_count
        with self._tracer.start_as_current_span(
            name, kind=trace.SpanKind.CLIENT, attributes=attributes, record_exception=False
        ) as span:
            # Imported only now: the application, tracing, has OpenTelemetry loaded anyway.
            importlib.import_module("opentelemetry.propagate").inject(self._request.headers)
            # opentelemetry-instrumentation-httpx (on a user's own httpx.Client) would
            # trace this attempt again: one CLIENT span per attempt is enough.
            utils = sys.modules.get("opentelemetry.instrumentation.utils")
            with utils.suppress_http_instrumentation() if utils else contextlib.nullcontext():
                yield span

    def answered(self, response: httpx.Response) -> None:
        """The attempt got `response`, and its status."""
        self._status = response.status_code

    @property
    def _request_id(self) -> str | None:
        """The answer's, from its headers on: an answer cut short names its request too."""
        return outcome_of(self._request).request_id

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        attributes = dict(self._common)
        if self._status is not None:
            attributes["http.response.status_code"] = self._status
        if error is not None:
            attributes["error.type"] = type(error).__name__
        elif self._status is not None and self._status >= 400:
            attributes["error.type"] = str(self._status)
        if self._tracer is not None:
            try:
                self._end_span(attributes, kind, error, traceback)
            except Exception as hook_error:
                if hook_error is not error:
                    failed(TRACING, hook_error)
        if self._histogram is not None:
            try:
                self._histogram.record(clock.counter() - self._started, attributes)
            except Exception as hook_error:
                failed(METRICS, hook_error)
        if _debugging():
            # h11's words for a header value it refuses quote it, and it may be a credential.
            said = error is not None and (unsendable_header(self._request) or error)
            outcome = self._status if error is None else f"{type(error).__name__}: {said}"
            log_debug(
                "%s %s -> %s in %.0f ms request_id=%s retries=%s",
                self._request.method,
                _url_full(self._request.url),
                outcome,
                (clock.counter() - self._started) * 1000,
                self._request_id,
                self._resend_count,
            )

    def _end_span(
        self,
        attributes: dict[str, Any],
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        trace = sys.modules["opentelemetry.trace"]
        try:
            for name in ("http.response.status_code", "error.type"):
                if name in attributes:
                    self._span.set_attribute(name, attributes[name])
            if self._request_id:
                self._span.set_attribute("projekt.request_id", self._request_id)
            if "error.type" in attributes:
                self._span.set_status(trace.Status(trace.StatusCode.ERROR))
        finally:  # the span leaves the context whatever happened to its attributes
            self._stack.__exit__(kind, error, traceback)


def _url_full(url: httpx.URL) -> str:
    """The URL as sent, query string kept, without any credentials in it: no userinfo, and
    a secret-named query parameter's value masked (redaction.py)."""
    if url.userinfo:
        url = url.copy_with(username=None, password=None)
    return mask_url(str(url))
