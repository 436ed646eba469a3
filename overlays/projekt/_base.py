"""The request pipeline every generated resource method runs through.

A generated method (generated/projekt_api/resources.py) names an `Operation`
and passes its arguments here. This module fills in the org header, builds the
request with the generated endpoint module's `_get_kwargs`, sends it through the
configured httpx client, turns any non-2xx into an exception, and parses a 2xx
with the generated `_parse_response`. Nothing in it is per endpoint.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import AsyncIterator, Iterator
from types import ModuleType, SimpleNamespace
from typing import Any, Generic, TypeVar, cast

import httpx

from projekt_api.types import UNSET

from ._exceptions import (
    IDEMPOTENT_METHODS,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ConfigurationError,
    ConnectionOutcomeUnknownError,
    error_from_response,
)
from ._ratelimit import RateLimit
from ._transport import (
    MAX_RETRIES_EXTENSION,
    NOT_SENT_ERRORS,
    RETRIES_EXTENSION,
)

__all__ = ["NOT_GIVEN", "AsyncPaginator", "NotGiven", "RawResponse", "SyncPaginator"]

T = TypeVar("T")
logger = logging.getLogger("projekt")

# The generated parsers only read `raise_on_unexpected_status` from their client.
_PARSE_CONTEXT = SimpleNamespace(raise_on_unexpected_status=False)


class NotGiven:
    """The default of a per-call option that was not given (None has a meaning)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
Timeout = float | httpx.Timeout | None | NotGiven


class Operation(Generic[T]):
    """What the pipeline needs to know about one operation; emitted from the spec.

    The generated endpoint module is imported on the operation's first call.
    """

    __slots__ = ("_endpoint", "module", "name", "org_scoped", "returns_body")

    def __init__(self, name: str, module: str, *, org_scoped: bool, returns_body: bool) -> None:
        self.name, self.module = name, module
        self.org_scoped, self.returns_body = org_scoped, returns_body
        self._endpoint: ModuleType | None = None

    @property
    def endpoint(self) -> ModuleType:
        if self._endpoint is None:
            self._endpoint = importlib.import_module(self.module)
        return self._endpoint


class RawResponse(Generic[T]):
    """A response before parsing: status, headers, request id and rate-limit state.

    Get one with `client.<namespace>.with_raw_response.<method>(...)`; `parse()`
    returns what the plain method would have.
    """

    def __init__(self, operation: Operation[T], http_response: httpx.Response) -> None:
        self._operation = operation
        self.http_response = http_response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def rate_limit(self) -> RateLimit:
        return RateLimit.of(self.http_response)

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id

    @property
    def retries(self) -> int:
        return int(self.http_response.extensions.get(RETRIES_EXTENSION, 0))

    def parse(self) -> T:
        return parse_response(self._operation, self.http_response)

    def __repr__(self) -> str:
        name, status, request_id = self._operation.name, self.status_code, self.request_id
        return f"<RawResponse {name} {status} request_id={request_id}>"


class BaseAPIClient:
    _org_id: str | None
    _last_response: httpx.Response | None = None

    def _request_kwargs(self, op: Operation[Any], arguments: dict[str, Any]) -> dict[str, Any]:
        if op.org_scoped:
            if not self._org_id:
                raise ConfigurationError(
                    f"{op.name}() acts inside an organization, but none is set: pass "
                    "org_id=... to the client, set PROJEKT_ORG_ID, or use client.with_org(...)."
                )
            arguments = {**arguments, "x_org_id": self._org_id}
        kwargs: dict[str, Any] = op.endpoint._get_kwargs(**arguments)
        return kwargs

    def _send_options(self, timeout: Timeout, max_retries: int | NotGiven) -> dict[str, Any]:
        options: dict[str, Any] = {}
        if not isinstance(timeout, NotGiven):
            options["timeout"] = timeout
        if not isinstance(max_retries, NotGiven):
            options["extensions"] = {MAX_RETRIES_EXTENSION: max_retries}
        return options

    def _observe(self, op: Operation[Any], response: httpx.Response, started: float) -> None:
        self._last_response = response
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s in %.0f ms request_id=%s retries=%s",
                response.request.method,
                response.request.url,
                response.status_code,
                (time.monotonic() - started) * 1000,
                response.headers.get("x-request-id"),
                response.extensions.get(RETRIES_EXTENSION, 0),
            )

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate-limit state of the latest response this client received."""
        last = self._last_response
        return RateLimit.of(last) if last is not None else None


def raise_for_status(response: httpx.Response) -> None:
    if not 200 <= response.status_code < 300:
        raise error_from_response(response, RateLimit.of(response))


def parse_response(op: Operation[T], response: httpx.Response) -> T:
    if (
        response.status_code == 404
        and response.request.method == "DELETE"
        and response.extensions.get(RETRIES_EXTENSION, 0) > 0
    ):
        # An earlier attempt deleted it and its answer was lost: the delete succeeded.
        return cast(T, None)
    raise_for_status(response)
    try:
        parsed = op.endpoint._parse_response(client=_PARSE_CONTEXT, response=response)
    except Exception as exc:  # the generated parser raises KeyError, ValueError, TypeError...
        raise APIResponseValidationError(
            f"{op.name}(): the response body does not match the API spec "
            f"({type(exc).__name__}: {exc})",
            response=response,
            request_id=response.headers.get("x-request-id"),
        ) from exc
    if parsed is None and op.returns_body:
        raise APIResponseValidationError(
            f"{op.name}(): status {response.status_code} is not one the API spec documents here",
            response=response,
            request_id=response.headers.get("x-request-id"),
        )
    return cast(T, parsed)


def connection_error(error: httpx.HTTPError, request: httpx.Request | None) -> APIConnectionError:
    if (
        request is not None
        and request.method not in IDEMPOTENT_METHODS
        and not isinstance(error, NOT_SENT_ERRORS)
    ):
        return ConnectionOutcomeUnknownError(
            f"The {request.method} was sent, then reading the answer failed "
            f"({type(error).__name__}); it may have taken effect. Check before sending it again.",
            request=request,
        )
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(error).__name__}).", request=request)
    return APIConnectionError(f"Connection error: {type(error).__name__}: {error}", request=request)


def next_page_kwargs(
    first: dict[str, Any], response: httpx.Response, base_url: httpx.URL
) -> dict[str, Any] | None:
    """The request for the page after `response`, from its `Link: <...>; rel="next"`."""
    try:
        target = response.links.get("next", {}).get("url")
    except (ValueError, KeyError, IndexError):
        return None
    if not target:
        return None
    url = response.request.url.join(target)
    if (url.scheme, url.host, url.port) != (base_url.scheme, base_url.host, base_url.port):
        raise APIResponseValidationError(
            f"The next-page link points to another origin ({url.host}); not following it "
            "with your API key.",
            response=response,
            request_id=response.headers.get("x-request-id"),
        )
    return {"method": "get", "url": url, "headers": first.get("headers", {})}


class SyncAPIClient(BaseAPIClient):
    _http: httpx.Client

    def _send(
        self, op: Operation[Any], kwargs: dict[str, Any], options: dict[str, Any]
    ) -> httpx.Response:
        started = time.monotonic()
        try:
            response = self._http.request(**kwargs, **options)
        except httpx.HTTPError as error:
            raise connection_error(error, getattr(error, "_request", None)) from error
        self._observe(op, response, started)
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
        kwargs = self._request_kwargs(op, arguments)
        return RawResponse(op, self._send(op, kwargs, self._send_options(timeout, max_retries)))

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments)
        return SyncPaginator(self, op, kwargs, self._send_options(timeout, max_retries))


class SyncPaginator(Generic[T]):
    """Iterates over every item of a list operation, fetching pages lazily.

    Only one page is held in memory at a time. `iter_pages()` yields whole pages.
    """

    def __init__(
        self,
        client: SyncAPIClient,
        op: Operation[list[T]],
        kwargs: dict[str, Any],
        options: dict[str, Any],
    ) -> None:
        self._client, self._op, self._kwargs, self._options = client, op, kwargs, options

    def iter_pages(self) -> Iterator[list[T]]:
        kwargs: dict[str, Any] | None = self._kwargs
        while kwargs is not None:
            response = self._client._send(self._op, kwargs, self._options)
            yield parse_response(self._op, response)
            kwargs = next_page_kwargs(self._kwargs, response, self._client._http.base_url)

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page


class AsyncAPIClient(BaseAPIClient):
    _http: httpx.AsyncClient

    async def _send(
        self, op: Operation[Any], kwargs: dict[str, Any], options: dict[str, Any]
    ) -> httpx.Response:
        started = time.monotonic()
        try:
            response = await self._http.request(**kwargs, **options)
        except httpx.HTTPError as error:
            raise connection_error(error, getattr(error, "_request", None)) from error
        self._observe(op, response, started)
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
        kwargs = self._request_kwargs(op, arguments)
        response = await self._send(op, kwargs, self._send_options(timeout, max_retries))
        return RawResponse(op, response)

    def _paginate(
        self,
        op: Operation[list[T]],
        arguments: dict[str, Any],
        *,
        timeout: Timeout = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[T]:
        kwargs = self._request_kwargs(op, arguments)
        return AsyncPaginator(self, op, kwargs, self._send_options(timeout, max_retries))


class AsyncPaginator(Generic[T]):
    """`async for` over every item of a list operation, fetching pages lazily."""

    def __init__(
        self,
        client: AsyncAPIClient,
        op: Operation[list[T]],
        kwargs: dict[str, Any],
        options: dict[str, Any],
    ) -> None:
        self._client, self._op, self._kwargs, self._options = client, op, kwargs, options

    async def iter_pages(self) -> AsyncIterator[list[T]]:
        kwargs: dict[str, Any] | None = self._kwargs
        while kwargs is not None:
            response = await self._client._send(self._op, kwargs, self._options)
            yield parse_response(self._op, response)
            kwargs = next_page_kwargs(self._kwargs, response, self._client._http.base_url)

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page:
                yield item


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
