"""What the sandbox says about each request beyond its answer: a log line carrying the
caller's trace id, a record of what arrived (the test kit's `requests`), and the
deprecation headers of operations it was told to deprecate.

The log line (logger `projekt_sandbox`, level INFO) lets a test follow one trace across
the client and the server. Deprecation is RFC 9745 (`Deprecation: @<epoch>`), Sunset
RFC 8594 (an HTTP date), and the documentation link is `Link: <url>; rel="deprecation"`.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import unquote_plus

from starlette.requests import Request
from starlette.responses import Response

from .operations import carried

__all__ = [
    "SUNSETS",
    "Deprecation",
    "Received",
    "answered",
    "log_request",
    "parse_deprecation",
    "parse_sunset",
    "received",
    "trace_id_of",
]

logger = logging.getLogger("projekt_sandbox")
_TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")


def trace_id_of(request: Request) -> str | None:
    """The W3C trace id the caller sent in `traceparent`, if it sent a valid one."""
    match = _TRACEPARENT.fullmatch(request.headers.get("traceparent", "").strip())
    return match.group(1) if match and match.group(1) != "0" * 32 else None


# Kept out of the record, so that a test that prints it, or snapshots it, shows no
# credential: the token, and any header or query parameter named as one (an API gateway's
# X-Api-Key, sent by the SDK's default_headers, or its subscription-key, in the params of a
# user's own httpx client; a service's X-Auth-Token, a cookie).
SECRET_HEADER = re.compile(
    r".*(?:authorization|cookie|token|secret|passw(?:or)?d|signature"
    r"|(?:api|access|subscription|private)[_-]?key).*"
)
# A query parameter's names for a credential, as the SDK masks them in a URL it shows (a
# Google-style `key`, a signed URL's `sig`), besides those of a header.
SECRET_PARAMETER = re.compile(r"key|sig|pwd")


@dataclass(frozen=True)
class Received:
    """A request as it reached the sandbox, its credentials masked, and its answer's status
    and X-Request-Id: the id the SDK reports (`error.request_id`, a model's `_request_id`).
    Both are None while the answer is being made, and for an answer lost on purpose."""

    method: str
    path: str
    query: str  # as sent, percent-encoded
    headers: dict[str, str]  # names in lower case
    status: int | None = None
    request_id: str | None = None
    # The JSON body as the sandbox read it, each field named as a credential masked; None for
    # a request with no body, and one answered before its body was read (a planned failure,
    # a 401, a 429, a body that is no JSON).
    body: object = None


def received(request: Request) -> Received:
    headers = {
        name: "[REDACTED]" if SECRET_HEADER.fullmatch(name) else value
        for name, value in request.headers.items()
    }
    return Received(request.method, request.url.path, masked_query(request.url.query), headers)


def answered(arrival: Received, response: Response | None, body: object) -> Received:
    """`arrival` with its body, and its answer's status and id (None: the answer is lost)."""
    if response is None:
        return replace(arrival, body=masked_body(body))
    request_id = response.headers.get("x-request-id")
    return replace(
        arrival, status=response.status_code, request_id=request_id, body=masked_body(body)
    )


def masked_body(value: object) -> object:
    """A JSON value, but the value of each field named as a credential (`password`)."""
    if isinstance(value, dict):
        return {
            name: "[REDACTED]" if SECRET_HEADER.fullmatch(name.lower()) else masked_body(item)
            for name, item in value.items()
        }
    if isinstance(value, list):
        return [masked_body(item) for item in value]
    return value


def masked_query(query: str) -> str:
    """`query` as sent, but the value of each parameter named as a credential."""
    parts = []
    for part in query.split("&") if query else []:
        name, equals, _ = part.partition("=")
        lowered = unquote_plus(name).lower()
        secret = equals and (
            SECRET_HEADER.fullmatch(lowered) or SECRET_PARAMETER.fullmatch(lowered)
        )
        parts.append(f"{name}=[REDACTED]" if secret else part)
    return "&".join(parts)


def log_request(request: Request, response: Response) -> None:
    logger.info(
        "%s %s %s request_id=%s trace_id=%s",
        request.method,
        request.url.path,
        response.status_code,
        response.headers.get("x-request-id", "-"),
        trace_id_of(request) or "-",
    )


@dataclass(frozen=True)
class Deprecation:
    """An operation the sandbox announces as deprecated, since `since`, gone at `sunset`."""

    since: float  # seconds since the epoch
    sunset: datetime | None = None
    link: str | None = None

    def __post_init__(self) -> None:
        if self.link is not None and not (carried(self.link) and not set(" <>") & set(self.link)):
            raise ValueError(
                "deprecate() takes a link of printable ASCII, with no space, < or >; "
                f"not {self.link!r}"
            )

    def apply(self, response: Response, default_link: str) -> None:
        response.headers["Deprecation"] = f"@{int(self.since)}"
        if self.sunset is not None:
            response.headers["Sunset"] = format_datetime(self.sunset, usegmt=True)
        link = f'<{self.link or default_link}>; rel="deprecation"'
        existing = response.headers.get("link")
        response.headers["Link"] = f"{existing}, {link}" if existing else link


def parse_deprecation(text: str) -> tuple[str, Deprecation]:
    """`OPERATION_ID[:SUNSET]`, SUNSET an ISO date (2027-06-30) or an HTTP date."""
    operation_id, _, sunset = text.partition(":")
    return operation_id, Deprecation(time.time(), parse_sunset(sunset) if sunset else None)


SUNSETS = (
    "an ISO date (2027-06-30, its midnight UTC), an ISO date and time with its offset "
    "(2027-06-30T12:00:00Z), or an HTTP date (Wed, 30 Jun 2027 00:00:00 GMT)"
)


def parse_sunset(value: str | date) -> datetime:
    """The moment a Sunset header states, in UTC: from text in one of the SUNSETS forms, a
    `date`, or a `datetime` with its tzinfo. A ValueError for a time with no zone, which
    the header, in GMT, cannot state: taken, it failed every answer to the operation."""
    moment = _read_sunset(value.strip()) if isinstance(value, str) else value
    if isinstance(moment, datetime) and moment.utcoffset() is not None:
        return moment.astimezone(UTC)
    if isinstance(moment, date) and not isinstance(moment, datetime):
        return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    raise ValueError(
        f"deprecate() takes a sunset that is {SUNSETS}, a date, or a datetime with its "
        f"tzinfo; not {value!r}"
    )


def _read_sunset(text: str) -> date | datetime | None:
    readers = (date.fromisoformat, datetime.fromisoformat, parsedate_to_datetime)
    for read in readers:
        try:
            return read(text)
        except ValueError:
            continue
    return None
