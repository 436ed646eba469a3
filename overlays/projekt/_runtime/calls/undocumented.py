"""Requests to paths the spec does not have yet, with everything a generated method gets.

`client.get("/issues/{issue_id}/watchers", path_params={"issue_id": issue.id})` runs
through the pipeline of `client.issues.get(...)`: the token, X-Org-Id, retries, the
throttle and the shared budget, an Idempotency-Key on every write, tracing (a
`projekt.request` span with the method and the path template), deprecation notices,
the typed exceptions and `max_response_bytes`. Only the path and what the answer
becomes (`cast_to`, answers.py) are the caller's. `client.get_list(...)` follows a list
there page by page, as a generated `list()` does (its `Link: rel="next"`, to the base URL
only).

The template tells calls apart in spans, metrics and deprecation notices, which must not
grow with every id: a path written out in full (`client.get(f"/issues/{issue.id}")`) is
told by the spec's template it fits (`/issues/{issue_id}`), and one that fits none has no
template (its spans are named by the method alone, as OpenTelemetry asks).

The org and Idempotency-Key headers, and the templates, are the spec's: the generated
facade sets `_org_header`, `_idempotency_header` and `_url_templates` on the client classes
it derives.

Why one module: what a caller's path may be (under the base URL, filled, told by its
template) and the seven methods that take one, sync and async, are one surface; its rules
apart from its methods would be read without the calls they shape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypedDict, TypeVar, Unpack, cast, overload
from urllib.parse import quote, unquote

import httpx

from projekt._api.types import NOT_GIVEN, NotGiven
from projekt._runtime.calls.answers import NoneType, checked_cast, listed_cast, read_as
from projekt._runtime.calls.arguments import (
    Headers,
    PerCall,
    Query,
    check_keywords,
    check_mapping,
    check_path_segment,
    query_as_sent,
)
from projekt._runtime.calls.operation import Operation
from projekt._runtime.calls.pagination import AsyncPaginator, SyncPaginator
from projekt._runtime.calls.pipeline import AsyncAPIClient, BaseAPIClient, SyncAPIClient
from projekt._runtime.errors.exceptions import ConfigurationError, InvalidArgumentError
from projekt._runtime.errors.safety import READ_METHODS
from projekt._runtime.observability.redaction import mask_url

__all__ = ["AsyncUndocumented", "ReadOptions", "SyncUndocumented", "WriteOptions"]

T = TypeVar("T")
PLACEHOLDER = re.compile(r"{([^{}]*)}")
ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|//")  # a URL with its own origin
SHORTCUTS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})  # client.get() and the rest
METHOD = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110's token, which a method is


class ReadOptions(TypedDict, total=False):
    query: Query | None
    path_params: Mapping[str, object] | None  # fills the path's {placeholders}
    org_id: str | None  # None: the client's
    extra_headers: Headers | None
    timeout: float | httpx.Timeout | NotGiven | None
    max_retries: int | NotGiven


class WriteOptions(ReadOptions, total=False):
    body: Any  # sent as JSON: a dict, a list, or a model of projekt.models
    idempotency_key: str | NotGiven  # made by the SDK when not given


READ_OPTIONS = frozenset(ReadOptions.__optional_keys__)  # get()'s and get_list()'s
WRITE_OPTIONS = frozenset(WriteOptions.__optional_keys__)  # request()'s and a write's


class OffSpecEndpoint:
    """What stands in for a generated endpoint module, for one request off the spec."""

    def __init__(
        self, method: str, url: str, options: WriteOptions, key_header: str | None, cast_to: Any
    ) -> None:
        self.method, self.url, self.key_header, self.cast_to = method, url, key_header, cast_to
        self.query, self.body = options.get("query"), options.get("body")

    def _get_kwargs(self, idempotency_key: str | NotGiven = NOT_GIVEN) -> dict[str, Any]:
        headers: dict[str, Any] = {}
        kwargs: dict[str, Any] = {"method": self.method, "url": self.url, "headers": headers}
        if self.query:
            kwargs["params"] = query_as_sent(self.query)
        if self.body is not None:
            to_dict = getattr(self.body, "to_dict", None)
            kwargs["json"] = to_dict() if callable(to_dict) else self.body
        if self.key_header is not None and not isinstance(idempotency_key, NotGiven):
            headers[self.key_header] = idempotency_key
        return kwargs

    def _parse_response(self, *, client: Any, response: httpx.Response) -> Any:
        """A 2xx answer read as `cast_to` asks (the pipeline raises for any other)."""
        return read_as(self.cast_to, response)


def relative_path(name: str, base_url: httpx.URL, path: str) -> str:
    """`path` under the base URL, as a path relative to it; anything else is refused."""
    base = str(base_url).rstrip("/") + "/"
    if ABSOLUTE.match(path):
        if not path.startswith(base):
            raise ConfigurationError(
                f"{name}(): {mask_url(path)} is not under the client's base URL "
                f"({mask_url(base)}); the SDK sends its token there only."
            )
        path = path[len(base) :]
    segments = path.split("?", 1)[0].split("/")
    if any(unquote(segment) in (".", "..") for segment in segments):
        raise ConfigurationError(
            f"{name}(): {path!r} has a '.' or '..' segment, which could lead outside the "
            "base URL; write the path without it."
        )
    return "/" + path.lstrip("/")


def spec_template(path: str, templates: tuple[str, ...]) -> str | None:
    """The spec's template that `path` fits, segment by segment (`/issues/{issue_id}` for
    `/issues/7e2b...`), the one with the fewest placeholders; None when none fits."""
    segments = path.split("/")
    fitting = [
        template
        for template in templates
        if len(parts := template.split("/")) == len(segments)
        and all(
            part == segment or (segment and PLACEHOLDER.fullmatch(part))
            for part, segment in zip(parts, segments, strict=True)
        )
    ]
    return min(fitting, key=lambda template: template.count("{"), default=None)


def filled(name: str, template: str, values: Mapping[str, object]) -> str:
    """The path with each {placeholder} replaced by its percent-encoded value."""
    wanted = PLACEHOLDER.findall(template)
    missing = [key for key in wanted if key not in values]
    unused = [key for key in values if key not in wanted]
    if missing or unused:
        raise InvalidArgumentError(
            f"{name}(): path_params must fill the path's placeholders exactly: "
            f"{template!r} has {wanted}, path_params has {sorted(values)}. Nothing was sent."
        )
    for key in wanted:
        check_path_segment(name, key, values[key])
    return PLACEHOLDER.sub(lambda match: quote(str(values[match[1]]), safe=""), template)


class OffSpec(BaseAPIClient):
    # The spec's header names, set by the generated facade.
    _org_header: str | None = None
    _idempotency_header: str | None = None
    _url_templates: tuple[str, ...] = ()

    def _off_spec(
        self, method: str, path: str, cast_to: Any, options: WriteOptions, listed: bool = False
    ) -> tuple[Operation[Any], dict[str, Any], PerCall]:
        if not isinstance(method, str):
            raise InvalidArgumentError(
                f"client.request(): method must be a str ('GET', say), not "
                f"{type(method).__name__}. Nothing was sent."
            )
        if not METHOD.fullmatch(method):
            raise InvalidArgumentError(
                f"client.request(): {method!r} is not an HTTP method ('GET', 'PATCH', say). "
                "Nothing was sent."
            )
        method = method.upper()
        name = "client.request"  # a method without a method of its own: HEAD, say
        if listed or method in SHORTCUTS:
            name = "client.get_list" if listed else f"client.{method.lower()}"
        check_keywords(name, options, WRITE_OPTIONS)
        if not isinstance(path, str):
            raise InvalidArgumentError(
                f"{name}(): path must be a str ('/issues', say), not {type(path).__name__}. "
                "Nothing was sent."
            )
        for option in ("query", "path_params"):
            check_mapping(name, option, options.get(option))
        read = listed_cast(cast_to) if listed else checked_cast(name, cast_to)
        if method == "HEAD" and read not in (httpx.Response, bytes, NoneType):
            raise InvalidArgumentError(
                f"{name}(): a HEAD answer has no body to read: pass cast_to=httpx.Response "
                "(its status and headers) or cast_to=None. Nothing was sent."
            )
        template = relative_path(name, self._http.base_url, path)
        template, _, query_string = template.partition("?")
        if query_string:  # a query written into the path joins `query=`
            query = {**httpx.QueryParams(query_string), **(options.get("query") or {})}
            options = {**options, "query": query}
        url = filled(name, template, options.get("path_params") or {})
        traced_as: str | None = template
        if not PLACEHOLDER.search(template):  # written out in full
            traced_as = spec_template(template, self._url_templates)
        org_id = options.get("org_id") or self._org_id
        key_header = None if method in READ_METHODS else self._idempotency_header
        op: Operation[Any] = Operation(
            name,
            "",
            org_header=self._org_header if org_id else None,
            returns_body=False,
            idempotency_header=key_header,
            url_template=traced_as,
            endpoint=OffSpecEndpoint(method, url, options, key_header, read),
        )
        arguments = {"idempotency_key": options.get("idempotency_key", NOT_GIVEN)}
        per_call = PerCall(
            timeout=options.get("timeout", NOT_GIVEN),
            max_retries=options.get("max_retries", NOT_GIVEN),
            extra_headers=options.get("extra_headers"),
            org_id=options.get("org_id"),  # as given: the pipeline checks it
        )
        return op, arguments if key_header else {}, per_call


class SyncUndocumented(OffSpec, SyncAPIClient):
    """`request()`, `get()`, `post()`, `patch()`, `put()` and `delete()` for paths off the spec,
    and `get_list()` for a list there, followed page by page.

    `path` is relative to the base URL (an absolute URL must lie under it), with
    `{placeholders}` that `path_params` fills. The answer is read as `cast_to`: `dict`
    (the default; `None` for `delete`), `list`, `bytes`, `httpx.Response`, `None`, a
    model of projekt.models, or a list of models (`list[Issue]`). An error status raises
    the same typed exceptions as the generated methods.
    """

    def request(
        self, method: str, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]
    ) -> Any:
        op, arguments, per_call = self._off_spec(method, path, cast_to, options)
        return self._request(op, arguments, per_call)

    @overload
    def get(self, path: str, *, cast_to: type[T], **options: Unpack[ReadOptions]) -> T: ...
    @overload
    def get(self, path: str, **options: Unpack[ReadOptions]) -> dict[str, Any]: ...
    def get(self, path: str, *, cast_to: Any = dict, **options: Unpack[ReadOptions]) -> Any:
        check_keywords("client.get", options, READ_OPTIONS)
        return self.request("GET", path, cast_to=cast_to, **options)

    @overload
    def get_list(
        self, path: str, *, cast_to: type[T], **options: Unpack[ReadOptions]
    ) -> SyncPaginator[T]: ...
    @overload
    def get_list(
        self, path: str, **options: Unpack[ReadOptions]
    ) -> SyncPaginator[dict[str, Any]]: ...
    def get_list(
        self, path: str, *, cast_to: Any = dict, **options: Unpack[ReadOptions]
    ) -> SyncPaginator[Any]:
        """Every item of a list off the spec, page by page, as `client.issues.list()` gives
        its own: each item read as `cast_to` (dict, or a model of projekt.models)."""
        check_keywords("client.get_list", options, READ_OPTIONS)
        read = cast(WriteOptions, options)  # a read's options are a write's without a body
        op, arguments, per_call = self._off_spec("GET", path, cast_to, read, listed=True)
        return self._paginate(op, arguments, per_call)

    @overload
    def post(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    def post(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    def post(self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]) -> Any:
        return self.request("POST", path, cast_to=cast_to, **options)

    @overload
    def patch(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    def patch(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    def patch(self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]) -> Any:
        return self.request("PATCH", path, cast_to=cast_to, **options)

    @overload
    def put(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    def put(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    def put(self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]) -> Any:
        return self.request("PUT", path, cast_to=cast_to, **options)

    @overload
    def delete(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    def delete(self, path: str, **options: Unpack[WriteOptions]) -> None: ...
    def delete(self, path: str, *, cast_to: Any = NoneType, **options: Unpack[WriteOptions]) -> Any:
        return self.request("DELETE", path, cast_to=cast_to, **options)


class AsyncUndocumented(OffSpec, AsyncAPIClient):
    """`request()`, `get()`, `post()`, `patch()`, `put()` and `delete()` for paths off the spec,
    and `get_list()` for a list there, followed page by page.

    `path` is relative to the base URL (an absolute URL must lie under it), with
    `{placeholders}` that `path_params` fills. The answer is read as `cast_to`: `dict`
    (the default; `None` for `delete`), `list`, `bytes`, `httpx.Response`, `None`, a
    model of projekt.models, or a list of models (`list[Issue]`). An error status raises
    the same typed exceptions as the generated methods.
    """

    async def request(
        self, method: str, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]
    ) -> Any:
        op, arguments, per_call = self._off_spec(method, path, cast_to, options)
        return await self._request(op, arguments, per_call)

    @overload
    async def get(self, path: str, *, cast_to: type[T], **options: Unpack[ReadOptions]) -> T: ...
    @overload
    async def get(self, path: str, **options: Unpack[ReadOptions]) -> dict[str, Any]: ...
    async def get(self, path: str, *, cast_to: Any = dict, **options: Unpack[ReadOptions]) -> Any:
        check_keywords("client.get", options, READ_OPTIONS)
        return await self.request("GET", path, cast_to=cast_to, **options)

    @overload
    def get_list(
        self, path: str, *, cast_to: type[T], **options: Unpack[ReadOptions]
    ) -> AsyncPaginator[T]: ...
    @overload
    def get_list(
        self, path: str, **options: Unpack[ReadOptions]
    ) -> AsyncPaginator[dict[str, Any]]: ...
    def get_list(
        self, path: str, *, cast_to: Any = dict, **options: Unpack[ReadOptions]
    ) -> AsyncPaginator[Any]:
        """Every item of a list off the spec, page by page (`async for`), as
        `client.issues.list()` gives its own: each item read as `cast_to`."""
        check_keywords("client.get_list", options, READ_OPTIONS)
        read = cast(WriteOptions, options)  # a read's options are a write's without a body
        op, arguments, per_call = self._off_spec("GET", path, cast_to, read, listed=True)
        return self._paginate(op, arguments, per_call)

    @overload
    async def post(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    async def post(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    async def post(self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]) -> Any:
        return await self.request("POST", path, cast_to=cast_to, **options)

    @overload
    async def patch(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    async def patch(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    async def patch(
        self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]
    ) -> Any:
        return await self.request("PATCH", path, cast_to=cast_to, **options)

    @overload
    async def put(self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]) -> T: ...
    @overload
    async def put(self, path: str, **options: Unpack[WriteOptions]) -> dict[str, Any]: ...
    async def put(self, path: str, *, cast_to: Any = dict, **options: Unpack[WriteOptions]) -> Any:
        return await self.request("PUT", path, cast_to=cast_to, **options)

    @overload
    async def delete(
        self, path: str, *, cast_to: type[T], **options: Unpack[WriteOptions]
    ) -> T: ...
    @overload
    async def delete(self, path: str, **options: Unpack[WriteOptions]) -> None: ...
    async def delete(
        self, path: str, *, cast_to: Any = NoneType, **options: Unpack[WriteOptions]
    ) -> Any:
        return await self.request("DELETE", path, cast_to=cast_to, **options)
