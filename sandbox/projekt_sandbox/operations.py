"""What a handler sees and returns: the contract between app.py and handlers.py.

app.py binds each handler registered here to its operation in openapi.yaml and
checks the inputs before calling it; handlers.py only applies the business rules.
Both import this module, so neither imports the other's internals.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request

from .store import BASE62, Caller, Store


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details, self.headers = details, headers or {}


def retry_in(seconds: str) -> str:
    """The sentence of a message that says when to retry, as its Retry-After header does."""
    return f"Retry in {seconds} second{'' if seconds == '1' else 's'}."


def not_found(what: str) -> ApiError:
    """The 404 for an id that names nothing of `what` kind the caller's organization has."""
    return ApiError(404, "not_found", f"No {what} with that id exists in this organization.")


@dataclass
class Context:
    """Everything a handler needs: who calls, in which org, with which inputs."""

    store: Store
    request: Request
    caller: Caller
    path: dict[str, str]
    query: dict[str, Any]
    body: Any = None
    org_id: str = ""

    public_url: str | None = None

    def link_to_next(self, cursor: str) -> str:
        """An absolute Link to the next page, at the base URL the client called.

        GitHub's convention, which naive followers expect (`new URL(target)`,
        requests' `links["next"]["url"]`). The path keeps the prefix the request came
        by (/api or none); the origin is the request's own, or what a proxy in front
        says it is: `--public-url`, else `X-Forwarded-Proto` and `X-Forwarded-Host`.
        """
        url = self.request.url.include_query_params(cursor=cursor)
        return f'<{self.origin()}{url.path}?{url.query}>; rel="next"'

    def origin(self) -> str:
        """A forwarded scheme or host, or a Host header, that is not one is passed over
        rather than written into the Link, where `a>; rel="prev", <b` would be a link of
        its own."""
        if self.public_url:
            return self.public_url.rstrip("/")
        headers = self.request.headers
        proto = (headers.get("x-forwarded-proto") or "").split(",")[0].strip().lower()
        if proto not in ("http", "https"):
            proto = self.request.url.scheme
        host = _host(headers.get("x-forwarded-host")) or _host(headers.get("host"))
        if host is None:
            name, port = self.request.scope["server"]
            host = f"[{name}]:{port}" if ":" in name else f"{name}:{port}"
        return f"{proto}://{host}"


# A host a URL can carry: a DNS name or an IPv4 address, or an IPv6 one in brackets; a port.
_HOST = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?"
)


def _host(header: str | None) -> str | None:
    """The header's first host, if it is one."""
    host = (header or "").split(",")[0].strip()
    match = _HOST.fullmatch(host)
    if match is None or (match.group(1) is not None and not 0 < int(match.group(1)) < 65536):
        return None
    return host


# What an answer's header can carry: a token for a name (RFC 9110, 5.6.2), and for a value
# printable ASCII with no space at either end (h11 drops the connection over anything else).
HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def carried(value: object) -> bool:
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isprintable()
        and value == value.strip()
    )


@dataclass
class Result:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Context], Result]
HANDLERS: dict[str, Handler] = {}


def operation(operation_id: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[operation_id] = handler
        return handler

    return register


def out(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """A response body, checked against the spec's schema on its way out."""
    dumped: dict[str, Any] = model.model_validate(data).model_dump(mode="json", exclude_unset=True)
    return dumped


def new_request_id() -> str:
    return "req_" + "".join(secrets.choice(BASE62) for _ in range(24))
