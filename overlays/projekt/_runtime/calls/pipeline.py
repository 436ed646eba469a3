"""The request pipeline every generated resource method runs through.

A generated method (the facade, `projekt._resources`) names an `Operation` and
passes its arguments here. This module fills in the org header, builds the
request with the generated endpoint module's `_get_kwargs`, sends it through the
configured httpx client, and hands the response to `operation.parse_response`,
which raises for a non-2xx and parses a 2xx. Nothing in it is per endpoint.

`SyncAPIClient` and `AsyncAPIClient` mirror each other line for line; they
differ only by `await`, which is what keeps both statically typed.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import Any, TypeVar

import httpx

from projekt._api.types import UNSET
from projekt._runtime.calls.keys import checked_key, new_key, sf_string
from projekt._runtime.calls.operation import Operation, RawResponse
from projekt._runtime.calls.pagination import AsyncPaginator, SyncPaginator
from projekt._runtime.errors.exceptions import ConfigurationError, InvalidArgumentError
from projekt._runtime.errors.failures import connection_failed
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability import telemetry
from projekt._runtime.observability.deprecation import Deprecations
from projekt._runtime.observability.hooks import log_debug
from projekt._runtime.observability.log import logger
from projekt._runtime.options import CALL, CallOptions, options_of
from projekt._runtime.transport.urls import absolute_url

__all__ = ["NOT_GIVEN", "AsyncAPIClient", "NotGiven", "SyncAPIClient", "Timeout", "build_body"]

T = TypeVar("T")


class NotGiven:
    """The default of a per-call option that was not given (None has a meaning)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
Timeout = float | httpx.Timeout | None | NotGiven


def request_of(error: httpx.HTTPError) -> httpx.Request | None:
    """The request an httpx error was raised for, when httpx knows it."""
    try:
        return error.request
    except RuntimeError:  # httpx raises this when the error was raised before a request
        return None


class BaseAPIClient:
    _org_id: str | None
    _http: httpx.Client | httpx.AsyncClient
    _deprecations: Deprecations
    _last_response: httpx.Response | None = None
    # The application's OpenTelemetry providers for this client (None: the global ones).
    _tracer_provider: Any = None
    _meter_provider: Any = None

    def _request_kwargs(
        self,
        op: Operation[Any],
        arguments: dict[str, Any],
        timeout: Timeout,
        max_retries: int | NotGiven,
    ) -> dict[str, Any]:
        """httpx.Client.request's arguments for this call, its CallOptions among them."""
        if op.org_header and not self._org_id:
            raise ConfigurationError(
                f"{op.name}() acts inside an organization, but none is set: pass "
                "org_id=... to the client, set PROJEKT_ORG_ID, or use client.with_org(...)."
            )
        for name in op.path_params:
            check_path_segment(op.name, name, arguments[name])
        key = arguments.get("idempotency_key", UNSET) if op.idempotency_header else None
        if key is not None:
            # One key per call, made here once, so every retry of the call sends it.
            key = new_key() if key is UNSET else checked_key(op.name, key)
            arguments = {**arguments, "idempotency_key": sf_string(key)}
        kwargs: dict[str, Any] = op.endpoint._get_kwargs(**arguments)
        url = absolute_url(self._http.base_url, kwargs["url"], kwargs.get("params"))
        if url is not None:
            kwargs["url"] = url
            kwargs.pop("params", None)
        if op.org_header:
            # The spec's orgId security scheme: a header the client sends for the caller.
            kwargs["headers"] = {**kwargs.get("headers", {}), op.org_header: self._org_id}
        kwargs["extensions"] = {CALL: self._options(op, key, max_retries)}
        if not isinstance(timeout, NotGiven):
            kwargs["timeout"] = timeout
        return kwargs

    def _options(
        self, op: Operation[Any], key: str | None, max_retries: int | NotGiven
    ) -> CallOptions:
        return CallOptions(
            operation=op,
            max_retries=None if isinstance(max_retries, NotGiven) else max_retries,
            idempotency_key=key,
            tracer=telemetry.tracer(self._tracer_provider),
            histogram=telemetry.duration_histogram(self._meter_provider),
        )

    def _observe(self, response: httpx.Response, started: float) -> None:
        self._last_response = response
        self._deprecations.observe(response)
        if logger.isEnabledFor(logging.DEBUG):
            log_debug(
                "%s %s -> %s in %.0f ms request_id=%s retries=%s",
                response.request.method,
                response.request.url,
                response.status_code,
                (time.monotonic() - started) * 1000,
                response.headers.get("x-request-id"),
                options_of(response.request).outcome.retries,
            )

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit state of the latest response this client received."""
        last = self._last_response
        return RateLimit.of(last) if last is not None else None


class SyncAPIClient(BaseAPIClient):
    _http: httpx.Client

    def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        started = time.monotonic()
        kwargs, options = own_options(kwargs)
        with telemetry.call(options, self._org_id):
            response = self._exchange(kwargs, options)
        self._observe(response, started)
        return response

    def _exchange(self, kwargs: dict[str, Any], options: CallOptions) -> httpx.Response:
        try:
            response = self._http.request(**kwargs)
        except httpx.HTTPError as error:
            failure = connection_failed(error, request_of(error))
            telemetry.failed_call(options, error=failure)
            raise failure from error
        if response.status_code >= 400:
            telemetry.failed_call(options, status=response.status_code)
        return response

    def _request(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> T:
        return self._request_raw(op, arguments, timeout=timeout, max_retries=max_retries).parse()

    def _request_raw(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[T]:
        kwargs = self._request_kwargs(op, arguments, timeout, max_retries)
        return RawResponse(op, self._send(kwargs))

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments, timeout, max_retries)
        return SyncPaginator(self._send, self._http.base_url, op, kwargs)


class AsyncAPIClient(BaseAPIClient):
    _http: httpx.AsyncClient

    async def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        started = time.monotonic()
        kwargs, options = own_options(kwargs)
        with telemetry.call(options, self._org_id):
            response = await self._exchange(kwargs, options)
        self._observe(response, started)
        return response

    async def _exchange(self, kwargs: dict[str, Any], options: CallOptions) -> httpx.Response:
        try:
            response = await self._http.request(**kwargs)
        except httpx.HTTPError as error:
            failure = connection_failed(error, request_of(error))
            telemetry.failed_call(options, error=failure)
            raise failure from error
        if response.status_code >= 400:
            telemetry.failed_call(options, status=response.status_code)
        return response

    async def _request(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> T:
        raw = await self._request_raw(op, arguments, timeout=timeout, max_retries=max_retries)
        return raw.parse()

    async def _request_raw(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RawResponse[T]:
        kwargs = self._request_kwargs(op, arguments, timeout, max_retries)
        return RawResponse(op, await self._send(kwargs))

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments, timeout, max_retries)
        return AsyncPaginator(self._send, self._http.base_url, op, kwargs)


def own_options(kwargs: dict[str, Any]) -> tuple[dict[str, Any], CallOptions]:
    """The kwargs of one exchange (a call, or one page of a list), with options, and so an
    outcome, of its own."""
    options: CallOptions = replace(kwargs["extensions"][CALL])
    return {**kwargs, "extensions": {CALL: options}}, options


def check_path_segment(operation: str, name: str, value: object) -> None:
    """Refuses an id that would change the request's path.

    The generated client percent-encodes every path parameter (a "/" included),
    but "." and ".." would still be resolved as dot-segments ("/issues/.." is "/").
    """
    if str(value) in ("", ".", ".."):
        raise InvalidArgumentError(
            f"{operation}(): {name}={str(value)!r} is not an id; sent, it would change the "
            "request's path. Nothing was sent."
        )


def build_body(
    name: str,
    model: type[Any],
    body: Any,
    fields: dict[str, Any],
    *,
    required: tuple[str, ...],
    body_is_field: bool,
) -> Any:
    """The request model: `body=` when it is one, else built from the field arguments.

    When the model itself has a field called `body` (a comment's text), `body=`
    is that field unless a model instance is passed.
    """
    given = {key: value for key, value in fields.items() if value is not UNSET}
    if isinstance(body, model):
        if given:
            raise TypeError(f"{name}() takes either body= or field arguments, not both")
        return body
    if body_is_field:
        if body is not UNSET:
            given["body"] = body
    elif body is not UNSET:
        raise TypeError(f"{name}() body= must be a {model.__name__}, not {type(body).__name__}")
    missing = [key for key in required if key not in given]
    if missing:
        raise TypeError(f"{name}() missing required argument(s): {', '.join(missing)}")
    return model(**given)
