"""One operation of the API as the pipeline sees it, and what its response becomes.

The facade (generated from the spec) names an `Operation` per endpoint; this
module turns that operation's response into the value its method returns, or
into the exception the error envelope describes. Nothing in it is per endpoint.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from types import SimpleNamespace
from typing import Any, Generic, NoReturn, Self, TypeVar, cast

import httpx

from projekt._api._speed import speed_extra
from projekt._runtime.errors.exceptions import (
    APIResponseValidationError,
    UnreadableWriteResponseError,
)
from projekt._runtime.errors.failures import body_of, error_from_response
from projekt._runtime.errors.pages import CHECK_BASE_URL, is_web_page, page_title
from projekt._runtime.errors.safety import (
    READ_METHODS,
    idempotency_key_of,
    took_effect_message,
    write_took_effect,
)
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability.redaction import mask_url
from projekt._runtime.options import outcome_of

__all__ = ["Operation", "RawResponse", "import_what_calls_share", "parse_response"]

T = TypeVar("T")
# A RawResponse only gives its value out, so a RawPage[X] (a RawResponse[Page[X]]) is also a
# RawResponse[list[X]], as code written before RawPage annotated a raw list.
T_co = TypeVar("T_co", covariant=True)

# The generated parsers only read `raise_on_unexpected_status` from their client.
_PARSE_CONTEXT = SimpleNamespace(raise_on_unexpected_status=False)


class Operation(Generic[T]):
    """What the pipeline needs to know about one operation; emitted from the spec.

    The generated endpoint module is imported on the operation's first call.
    """

    __slots__ = (
        "_endpoint",
        "idempotency_header",
        "module",
        "name",
        "operation_id",
        "org_header",
        "path_params",
        "returns_body",
        "success_status",
        "url_template",
    )

    def __init__(
        self,
        name: str,
        module: str,
        *,
        org_header: str | None,
        returns_body: bool,
        success_status: int | None = None,
        path_params: tuple[str, ...] = (),
        idempotency_header: str | None = None,
        url_template: str | None = None,
        operation_id: str | None = None,
        endpoint: Any = None,
    ) -> None:
        self.name, self.module, self.path_params = name, module, path_params
        self.org_header, self.returns_body = org_header, returns_body
        self.success_status = success_status  # the spec's 2xx; None off the spec
        self.idempotency_header, self.url_template = idempotency_header, url_template
        self.operation_id = operation_id  # the spec's operationId; None off the spec
        # A generated endpoint module, or what stands in for one off the spec: an object
        # with its `_get_kwargs(**arguments)` and `_parse_response(client=, response=)`.
        self._endpoint = endpoint

    @property
    def endpoint(self) -> Any:
        if self._endpoint is None:
            self._endpoint = importlib.import_module(self.module)
        return self._endpoint


def import_what_calls_share() -> None:
    """Imports what any operation's module imports on its first call: the generated client
    (attrs) and, with the speed extra, every model and its msgspec decoder. Only the
    operation's own module (and, without the speed extra, its models) is left for its first
    call: a few small files."""
    for module in ("projekt._api.client", "projekt._api.errors", "projekt._api._files"):
        importlib.import_module(module)
    speed_extra()


class RawResponse(Generic[T_co]):
    """A 2xx response before parsing: status, headers, request id and rate-limit state.

    Get one with `client.<namespace>.with_raw_response.<method>(...)`; `parse()`
    returns what the plain method would have (a list's is a `RawPage`, whose `parse()`
    is its one page). An error status raises at once, as the
    plain method does, and the exception carries the response (`error.response`).
    """

    @classmethod
    def of(cls, operation: Operation[Any], http_response: httpx.Response) -> Self:
        if not 200 <= http_response.status_code < 300:
            raise error_from_response(http_response)
        return cls(operation, http_response)

    def __init__(self, operation: Operation[Any], http_response: httpx.Response) -> None:
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
    def replayed(self) -> bool:
        """True when the server replayed the answer to an earlier request with this key."""
        replayed: str = self.http_response.headers.get("idempotent-replayed", "")
        return replayed.lower() == "true"

    @property
    def idempotency_key(self) -> str | None:
        """The Idempotency-Key this request was sent with (None for a read)."""
        return idempotency_key_of(self.http_response.request)

    @property
    def retries(self) -> int:
        return outcome_of(self.http_response.request).retries

    def parse(self) -> T_co:
        parsed: T_co = parse_response(self._operation, self.http_response)
        return parsed

    def __repr__(self) -> str:
        name, status, request_id = self._operation.name, self.status_code, self.request_id
        return f"<{type(self).__name__} {name} {status} request_id={request_id}>"

    def __copy__(self) -> Self:
        return type(self)(self._operation, self.http_response)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """A copy with the same response: httpx's own copy of it would leave out what the
        SDK recorded on it (the retries, the idempotency key)."""
        return self.__copy__()

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            f"A {type(self).__name__} cannot be pickled: its request carries your API key. "
            "Pickle what parse() returns (a model keeps its request id, a page its "
            "next_cursor too), or the fields you need of it."
        )


def parse_response(op: Operation[T], response: httpx.Response) -> T:
    """The operation's return value, or the exception its status and body describe."""
    # A 404 is a 404, retried or not: every DELETE carries an Idempotency-Key, so a
    # retry after a lost answer gets that answer replayed, and a 404 means a wrong id.
    if not 200 <= response.status_code < 300:
        raise error_from_response(response)
    # The spec's operations answer JSON, or nothing; off the spec, cast_to=bytes may want a page.
    if op.operation_id is not None and is_web_page(response):
        raise invalid_response(response, _web_page(op, response))
    try:
        parsed = op.endpoint._parse_response(
            client=_PARSE_CONTEXT, response=_as_documented(op, response)
        )
    except Exception as exc:  # the generated parser raises KeyError, ValueError, TypeError...
        problem = (
            _web_page(op, response) if is_web_page(response) else _unreadable(op, exc, response)
        )
        raise invalid_response(response, problem) from exc
    if parsed is None and op.returns_body:
        why = f"status {response.status_code} is not one the API spec documents here"
        if not response.content:  # a 2xx with nothing to read as the documented one's body
            why = "the response body does not match the API spec (the body is empty)"
        raise invalid_response(response, f"{op.name}(): {why}")
    if hasattr(parsed, "_request_id"):  # a model (every one has it), not a list or bytes
        # A cast_to= class of the caller's own may refuse it (read-only, frozen): its answer,
        # maybe a write's that took effect, is returned all the same.
        with contextlib.suppress(AttributeError):
            parsed._request_id = response.headers.get("x-request-id")
    return cast(T, parsed)


def _as_documented(op: Operation[Any], response: httpx.Response) -> httpx.Response:
    """`response` as the spec documents it: a body that came with another 2xx is read as the
    documented one's. The quickstart shows what a call answers, not its status (a create's
    201 is inferred), so a server that answers a create 200 with the issue has answered it."""
    status = op.success_status
    if not op.returns_body or status in (None, response.status_code) or not response.content:
        return response
    return httpx.Response(
        status, headers=response.headers, content=response.content, request=response.request
    )


def _web_page(op: Operation[Any], response: httpx.Response) -> str:
    """The API answers JSON; a web page comes from a base_url without its /api (the web
    app's), and a write sent there most likely never reached the API."""
    request = response.request
    title = page_title(response.content)
    page = f"a web page ({title!r}, text/html)" if title else "text/html"
    said = (
        f"{op.name}(): {request.method} {mask_url(str(request.url))} was answered with "
        f"{page}, not the API's JSON: {CHECK_BASE_URL}."
    )
    if request.method in READ_METHODS:
        return said
    return (
        f"{said} A web page is not the API's answer, so the write most likely did not reach "
        "the API: check before sending it again."
    )


def _unreadable(op: Operation[Any], error: Exception, response: httpx.Response) -> str:
    expected = "the API spec" if op.operation_id is not None else "the cast_to given"
    return f"{op.name}(): the response body does not match {expected} ({_why(error, response)})"


def _why(error: Exception, response: httpx.Response) -> str:
    """The parser's complaint as what the body lacks or is: a generated parser says
    "KeyError: 'email'" of a missing field, and "object of type 'NoneType' has no len()" of
    a body that is JSON null."""
    if isinstance(error, json.JSONDecodeError):
        return "the body is not JSON" if response.content.strip() else "the body is empty"
    if isinstance(error, UnicodeDecodeError):  # JSON is UTF-8 (RFC 8259); a Latin-1 é is not
        return (
            f"the body is not UTF-8: byte {error.object[error.start]:#04x} at offset {error.start}"
        )
    if isinstance(error, KeyError) and len(error.args) == 1:
        return f"a field it requires is missing: {error.args[0]!r}"
    try:
        kind = _SCALARS.get(type(response.json()))
    except (ValueError, RecursionError):
        kind = None
    if kind is not None:
        return f"the body is {kind}, not an object or an array"
    return f"{type(error).__name__}: {error}"


# A body the API never sends, as a reader would name it (a string's value is not shown: it
# could be a secret the request's answer was to carry).
_SCALARS = {type(None): "JSON null", str: "a JSON string", int: "a number", float: "a number"}


def invalid_response(response: httpx.Response, problem: str) -> APIResponseValidationError:
    """The error for a response the SDK cannot read.

    A write answered 2xx has taken effect, so its error says that first, and is
    an `UnreadableWriteResponseError`: the one reaction it must not provoke is a
    retry that acts twice. A web page is not the API's answer, so it says no such thing.
    """
    body = body_of(response)
    request_id = response.headers.get("x-request-id")
    if write_took_effect(response) and not is_web_page(response):
        message = took_effect_message(response, problem)
        return UnreadableWriteResponseError(
            message, response=response, request_id=request_id, body=body
        )
    return APIResponseValidationError(problem, response=response, request_id=request_id, body=body)
