"""Deprecation and sunset, as the server announces them and as the spec marks them.

A response with `Deprecation` (RFC 9745: `@<epoch>`, or the legacy `true`) says its
operation is deprecated; `Sunset` (RFC 8594, an HTTP date) when it stops working;
`Link: <url>; rel="deprecation"` where to read more. Each client warns once per
operation (a `ProjektDeprecationWarning`, and a WARNING on the `projekt` logger),
not once per call, and lists what it saw in `client.deprecations`.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

import httpx

from projekt._runtime import clock
from projekt._runtime.links import link_to
from projekt._runtime.observability.hooks import guarded
from projekt._runtime.observability.log import logger
from projekt._runtime.options import options_of

__all__ = ["Deprecation", "Deprecations", "ProjektDeprecationWarning", "warn_deprecated"]

# Frames of these packages (and their subpackages) are the SDK's own: a warning points at the
# caller's line.
_OWN_PACKAGES = frozenset({"projekt", "httpx", "httpcore", "asyncio"})


class ProjektDeprecationWarning(DeprecationWarning):
    """An operation or argument of the API is deprecated: it will stop working."""


class Deprecation(NamedTuple):
    """One deprecated operation, as the server announced it."""

    operation: str  # as users write it: "issues.list", 'client.get("/me")' off the spec
    since: datetime | None  # None: the server said only that it is deprecated
    sunset: datetime | None  # when it stops working, if the server said
    link: str | None  # where to read more (`Link: <...>; rel="deprecation"`)

    def __str__(self) -> str:
        since = f" since {self.since:%Y-%m-%d}" if self.since else ""
        sunset = ""
        if self.sunset is not None and self.sunset.timestamp() <= clock.wall():
            # A server may keep answering past the sunset it announced, for a while.
            sunset = f"; its sunset, {self.sunset:%Y-%m-%d}, has passed: it may stop any time"
        elif self.sunset is not None:
            sunset = f"; it stops working on {self.sunset:%Y-%m-%d} (sunset)"
        link = f"; see {self.link}" if self.link else ""
        call = self.operation if self.operation.endswith(")") else f"{self.operation}()"
        return f"{call} is deprecated by the API{since}{sunset}{link}."


class Deprecations:
    """What one client (and its copies) has been told is deprecated, each told once."""

    def __init__(self) -> None:
        # No lock: copy() and setdefault() are atomic, and a process forked while another
        # thread held a lock would never get it back.
        self._seen: dict[str, Deprecation] = {}

    def __iter__(self) -> Iterator[Deprecation]:
        return iter(self._seen.copy().values())

    @guarded("deprecation notice")
    def observe(self, response: httpx.Response) -> None:
        announced = response.headers.get("deprecation")
        if announced is None:  # the common case: one header lookup
            return
        op = options_of(response.request).operation
        if op is None:
            name = f"{response.request.method} {response.url.path}"
        elif op.operation_id is None:  # a path off the spec: one notice per template
            name = f'{op.name}("{op.url_template or op.endpoint.url}")'
        else:
            name = op.name
        if name in self._seen:
            return
        seen = Deprecation(
            name,
            _since(announced),
            _date(response.headers.get("sunset")),
            link_to(response, "deprecation"),
        )
        if self._seen.setdefault(name, seen) is seen:  # of threads told at once, one warns
            warn_deprecated(str(seen))


def warn_deprecated(message: str) -> None:
    """The warning, pointed at the caller's line, and the same on the `projekt` logger
    when the application logs: in a plain script, logging's last resort would print the
    text a second time under the warning."""
    warnings.warn(message, ProjektDeprecationWarning, stacklevel=_callers_level())
    if logger.hasHandlers():
        logger.warning("%s", message)


def _callers_level() -> int:
    """How many frames up the first one outside the SDK (and httpx, asyncio) is."""
    frame, level = sys._getframe(2), 2
    while frame.f_back is not None and _own(frame.f_globals.get("__name__", "")):
        frame, level = frame.f_back, level + 1
    return level


def _own(module: str) -> bool:
    return module.partition(".")[0] in _OWN_PACKAGES


def _since(value: str) -> datetime | None:
    value = value.strip()
    if value.startswith("@"):  # RFC 9745: a structured-field date, seconds since the epoch
        try:
            return datetime.fromtimestamp(int(value[1:]), UTC)
        except (ValueError, OverflowError, OSError):
            return None
    return _date(value)  # "true" (the draft's form) gives None; an HTTP date is read


def _date(value: str | None) -> datetime | None:
    """An HTTP date, read leniently (an ISO date too); None when it is neither."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        pass
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
