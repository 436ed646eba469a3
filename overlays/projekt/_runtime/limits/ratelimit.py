"""The rate-limit state a response describes, from whichever headers it sent.

Projekt sends `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`
(seconds until the window resets) and `Retry-After` on 429. Proxies and other
deployments may send the IETF draft fields instead (`RateLimit` and
`RateLimit-Policy`, or the older `RateLimit-Limit/-Remaining/-Reset`), or an
epoch timestamp in `X-RateLimit-Reset` as GitHub does. Parsing never raises: a
header that lies or cannot be read is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

from projekt._runtime import clock
from projekt._runtime.options import outcome_of

__all__ = ["RateLimit"]

_FIELDS = frozenset(
    {
        b"x-ratelimit-limit",
        b"x-ratelimit-remaining",
        b"x-ratelimit-reset",
        b"retry-after",
        b"ratelimit",
        b"ratelimit-policy",
        b"ratelimit-limit",
        b"ratelimit-remaining",
        b"ratelimit-reset",
    }
)
# A reset value this large cannot be a delta in seconds (it would be 30+ years):
# it is an epoch timestamp.
_EPOCH_THRESHOLD = 1_000_000_000
# A server that asks us to wait longer than a day is lying or broken.
_MAX_WAIT = 86_400.0


@dataclass(frozen=True, slots=True)
class RateLimit:
    """One response's view of the rate limit.

    `reset_after` and `retry_after` are seconds, measured from `observed_at` (a reading
    of the SDK's monotonic clock, clock.py). A field the response did not carry is None.
    """

    limit: int | None = None
    remaining: int | None = None
    reset_after: float | None = None
    retry_after: float | None = None
    window: float | None = None
    # Left out of the repr: a monotonic reading means nothing to whoever prints the state.
    observed_at: float = field(default=0.0, repr=False)

    @classmethod
    def from_headers(cls, headers: httpx.Headers, *, now: float | None = None) -> RateLimit:
        observed_at = clock.now() if now is None else now
        found: dict[bytes, str] = {}
        for name, value in headers.raw:  # one pass: a Headers lookup scans every header
            name = name.lower()
            if name in _FIELDS and name not in found:
                found[name] = value.decode("latin-1")
        if not found:
            return cls(observed_at=observed_at)
        wall = clock.wall()
        draft = _parse_draft(found.get(b"ratelimit"))
        policy = _parse_draft(found.get(b"ratelimit-policy"))
        limit = _int(found.get(b"x-ratelimit-limit"))
        if limit is None:
            limit = _int(found.get(b"ratelimit-limit"))
        if limit is None:
            limit = _int(draft.get("limit") or policy.get("q"))
        remaining = _int(found.get(b"x-ratelimit-remaining"))
        if remaining is None:
            remaining = _int(found.get(b"ratelimit-remaining") or draft.get("remaining"))
        if remaining is None:
            remaining = _int(draft.get("r"))
        reset = _reset_seconds(found.get(b"x-ratelimit-reset"), wall)
        if reset is None:
            reset = _reset_seconds(
                found.get(b"ratelimit-reset") or draft.get("reset") or draft.get("t"), wall
            )
        return cls(
            limit=limit,
            remaining=remaining,
            reset_after=reset,
            retry_after=_retry_after(found.get(b"retry-after"), wall),
            window=_seconds(policy.get("w")),
            observed_at=observed_at,
        )

    @classmethod
    def of(cls, response: httpx.Response) -> RateLimit:
        """The response's state, as read when it arrived (the transport records it then,
        so a reset counted from that moment stays right however late it is read)."""
        try:
            outcome = outcome_of(response.request)
        except RuntimeError:  # httpx's answer for a response made with no request
            return cls.from_headers(response.headers)
        if outcome.response is not response or outcome.rate_limit is None:
            outcome.response, outcome.rate_limit = response, cls.from_headers(response.headers)
        return outcome.rate_limit

    @property
    def is_known(self) -> bool:
        return self.remaining is not None and self.reset_after is not None

    def wait_for(self) -> float:
        """Seconds the server asked us to wait: Retry-After, else the reset when spent."""
        if self.retry_after is not None:
            return self.retry_after
        if self.remaining == 0 and self.reset_after is not None:
            return self.reset_after
        return 0.0


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if number >= 0 else None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if 0 <= number < float("inf") else None  # also refuses NaN


def _seconds(value: str | None) -> float | None:
    number = _number(value)
    return None if number is None else min(number, _MAX_WAIT)


def _reset_seconds(value: str | None, wall: float) -> float | None:
    number = _number(value)
    if number is None:
        return None
    if number >= _EPOCH_THRESHOLD:
        number -= wall
    return min(max(number, 0.0), _MAX_WAIT)


def _retry_after(value: str | None, wall: float) -> float | None:
    if value is None:
        return None
    seconds = _seconds(value)
    if seconds is not None:
        return seconds
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return min(max(when.timestamp() - wall, 0.0), _MAX_WAIT)


def _parse_draft(value: str | None) -> dict[str, str]:
    """Reads `limit=100, remaining=5, reset=30` and `"default";r=5;t=30` alike."""
    if not value:
        return {}
    fields: dict[str, str] = {}
    for item in value.replace(",", ";").split(";"):
        key, sep, raw = item.strip().partition("=")
        if sep:
            fields.setdefault(key.strip().lower(), raw.strip().strip('"'))
    return fields
