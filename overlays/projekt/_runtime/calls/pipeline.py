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

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from projekt._api.types import NOT_GIVEN, NotGiven
from projekt._runtime.calls.arguments import (
    DEFAULT,
    PerCall,
    as_sent,
    check_call_org_id,
    check_extras,
    check_path_segment,
    not_encodable,
    query_as_sent,
    with_extra_headers,
)
from projekt._runtime.calls.keys import checked_key, new_key, sf_string
from projekt._runtime.calls.operation import Operation, RawResponse
from projekt._runtime.calls.pagination import AsyncPaginator, RawPage, SyncPaginator
from projekt._runtime.errors.exceptions import (
    ClientClosedError,
    ConfigurationError,
    InvalidArgumentError,
)
from projekt._runtime.errors.failures import connection_failed, raised_from
from projekt._runtime.errors.safety import took_effect_note, write_took_effect
from projekt._runtime.limits.deadline import TIMEOUTS, usable_timeout
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability import telemetry
from projekt._runtime.observability.deprecation import Deprecations
from projekt._runtime.options import CALL, COUNT, OUTCOME, CallOptions, CallOutcome, is_count
from projekt._runtime.transport.urls import absolute_url

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

T = TypeVar("T")


class BaseAPIClient:
    _org_id: str | None
    # Builds each request; sends it too, unless the user's own client does (`_transmit`).
    _http: httpx.Client | httpx.AsyncClient
    _deprecations: Deprecations
    _last_response: httpx.Response | None = None
    # The application's OpenTelemetry providers for this client (None: the global ones).
    _tracer_provider: Any = None
    _meter_provider: Any = None

    def _request_kwargs(
        self, op: Operation[Any], arguments: dict[str, Any], per_call: PerCall
    ) -> dict[str, Any]:
        """httpx.Client.request's arguments for this call, its CallOptions among them."""
        check_extras(op.name, per_call)
        if per_call.org_id is not None:
            check_call_org_id(op.name, per_call.org_id)
        org_id = per_call.org_id or self._org_id
        if op.org_header and not org_id:
            raise ConfigurationError(
                f"{op.name}() acts inside an organization, but none is set: pass "
                "org_id=... to the client, set PROJEKT_ORG_ID, or use client.with_org(...)."
            )
        for name in op.path_params:
            check_path_segment(op.name, name, arguments[name])
        key = arguments.get("idempotency_key", NOT_GIVEN) if op.idempotency_header else None
        if key is not None:
            # One key per call, made here once, so every retry of the call sends it.
            key = new_key() if key is NOT_GIVEN else checked_key(op.name, key)
            arguments = {**arguments, "idempotency_key": sf_string(key)}
        try:
            kwargs: dict[str, Any] = op.endpoint._get_kwargs(**arguments)
            if per_call.extra_body:
                kwargs["json"] = {**kwargs["json"], **per_call.extra_body}
            params = kwargs.get("params")
            if per_call.extra_query:
                params = kwargs["params"] = query_as_sent(
                    {**(params or {}), **per_call.extra_query}
                )
            kwargs["url"] = absolute_url(self._http.base_url, kwargs["url"], params)
        except UnicodeEncodeError as error:  # in a path or a query
            given = {**arguments, **(per_call.extra_query or {})}
            raise not_encodable(op.name, error, given) from error
        except (httpx.InvalidURL, ValueError) as error:  # too long; a line break; a huge int
            raise InvalidArgumentError(
                f"{op.name}(): no request can carry this URL ({str(error).rstrip('.')}). "
                "Nothing was sent."
            ) from error
        kwargs.pop("params", None)
        if op.org_header:
            # The spec's orgId security scheme: a header the client sends for the caller.
            kwargs["headers"] = {**kwargs.get("headers", {}), op.org_header: org_id}
        removed: tuple[str, ...] = ()
        if per_call.extra_headers:
            kwargs["headers"], removed = with_extra_headers(
                op.name, kwargs.get("headers", {}), per_call.extra_headers, op.idempotency_header
            )
        kwargs["extensions"] = {CALL: self._options(op, key, per_call, removed)}
        if per_call.timeout is not NOT_GIVEN:
            if not usable_timeout(per_call.timeout):
                raise InvalidArgumentError(
                    f"{op.name}(): timeout must be {TIMEOUTS}. Nothing was sent."
                )
            kwargs["timeout"] = per_call.timeout
        # None has always meant the client's setting, as leaving it out does.
        if not (per_call.max_retries in (NOT_GIVEN, None) or is_count(per_call.max_retries)):
            raise InvalidArgumentError(
                f"{op.name}(): max_retries must be {COUNT}. Nothing was sent."
            )
        return kwargs

    def _options(
        self, op: Operation[Any], key: str | None, per_call: PerCall, removed: tuple[str, ...]
    ) -> CallOptions:
        max_retries = per_call.max_retries
        return CallOptions(
            operation=op,
            max_retries=None if isinstance(max_retries, NotGiven) else max_retries,
            idempotency_key=key,
            without_headers=removed,
            tracer=telemetry.tracer(self._tracer_provider),
            histogram=telemetry.duration_histogram(self._meter_provider),
        )

    def _is_closed(self) -> bool:
        return bool(self._http.is_closed)

    def _built(self, kwargs: dict[str, Any], options: CallOptions) -> httpx.Request:
        """The request as httpx.Client.request builds it, less the headers the caller removed."""
        name = options.operation.name if options.operation else "request"
        if self._is_closed():
            raise ClientClosedError(
                f"{name}(): the client is closed (by close(), or at the end of its with block), "
                "or the client it was copied from is; make a new one. Nothing was sent."
            )
        try:
            try:
                request = self._http.build_request(**kwargs)
            except TypeError:  # only a body JSON cannot carry costs the walk below
                if kwargs.get("json") is None:
                    raise
                said = {**kwargs, "json": as_sent(kwargs["json"])}
                request = self._http.build_request(**said)
        except UnicodeEncodeError as error:  # in a header (ASCII only), or in the body
            body = kwargs.get("json")
            fields = body if isinstance(body, dict) else {}
            raise not_encodable(name, error, fields, kwargs.get("headers")) from error
        except (TypeError, ValueError) as error:  # a value JSON, a header or a query cannot carry
            raise InvalidArgumentError(f"{name}(): {error}. Nothing was sent.") from error
        for name in options.without_headers:
            request.headers.pop(name, None)
        return request

    def _observe(self, response: httpx.Response, options: CallOptions) -> None:
        self._last_response = response
        try:
            self._deprecations.observe(response)
        except Warning as warning:  # the application made warnings errors: raised as asked
            if write_took_effect(response):
                warning.add_note(took_effect_note(response, options.idempotency_key))
            raise

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit state of the latest response this client received."""
        last = self._last_response
        return RateLimit.of(last) if last is not None else None


class SyncAPIClient(BaseAPIClient):
    _http: httpx.Client
    _transmit: Callable[[httpx.Request], httpx.Response]

    def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        kwargs, options = own_options(kwargs)
        with telemetry.call(options, self._org_id):
            response = self._exchange(kwargs, options)
        self._observe(response, options)
        return response

    def _exchange(self, kwargs: dict[str, Any], options: CallOptions) -> httpx.Response:
        try:
            response = self._transmit(self._built(kwargs, options))
        except httpx.HTTPError as error:
            failure = connection_failed(error)
            telemetry.failed_call(options, error=failure)
            raise failure from raised_from(error)
        if response.status_code >= 400:
            telemetry.failed_call(options, status=response.status_code)
        return response

    def _request(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> T:
        return self._request_raw(op, arguments, per_call).parse()

    def _request_raw(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> RawResponse[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return RawResponse.of(op, self._send(kwargs))

    def _request_page(
        self, op: Operation[list[T]], arguments: dict[str, Any], per_call: PerCall = DEFAULT
    ) -> RawPage[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return RawPage.of(op, self._send(kwargs))

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> SyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return SyncPaginator(self._send, self._http.base_url, op, kwargs)


class AsyncAPIClient(BaseAPIClient):
    _http: httpx.AsyncClient
    _transmit: Callable[[httpx.Request], Awaitable[httpx.Response]]

    async def _send(self, kwargs: dict[str, Any]) -> httpx.Response:
        kwargs, options = own_options(kwargs)
        with telemetry.call(options, self._org_id):
            response = await self._exchange(kwargs, options)
        self._observe(response, options)
        return response

    async def _exchange(self, kwargs: dict[str, Any], options: CallOptions) -> httpx.Response:
        try:
            response = await self._transmit(self._built(kwargs, options))
        except httpx.HTTPError as error:
            failure = connection_failed(error)
            telemetry.failed_call(options, error=failure)
            raise failure from raised_from(error)
        if response.status_code >= 400:
            telemetry.failed_call(options, status=response.status_code)
        return response

    async def _request(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> T:
        raw = await self._request_raw(op, arguments, per_call)
        return raw.parse()

    async def _request_raw(
        self,
        op: Operation[T],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> RawResponse[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return RawResponse.of(op, await self._send(kwargs))

    async def _request_page(
        self, op: Operation[list[T]], arguments: dict[str, Any], per_call: PerCall = DEFAULT
    ) -> RawPage[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return RawPage.of(op, await self._send(kwargs))

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        per_call: PerCall = DEFAULT,
    ) -> AsyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments, per_call)
        return AsyncPaginator(self._send, self._http.base_url, op, kwargs)


def own_options(kwargs: dict[str, Any]) -> tuple[dict[str, Any], CallOptions]:
    """The kwargs of one exchange (a call, or one page of a list), with an outcome of its
    own, and the call's options."""
    options: CallOptions = kwargs["extensions"][CALL]
    return {**kwargs, "extensions": {CALL: options, OUTCOME: CallOutcome()}}, options
