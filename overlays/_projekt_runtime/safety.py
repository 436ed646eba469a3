"""The one answer to "may this request have acted on the server?".

Retries (transport.py), the pipeline's connection errors (pipeline.py) and the
error mapping (failures.py) all ask it here, so a write is never re-sent once it
may have taken effect, and an ambiguous failure always says so in one wording.
"""

from __future__ import annotations

import httpx

# Methods that only read (RFC 9110, 9.2.1 "safe"); every other one is a write.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Methods that can be repeated without changing the outcome (RFC 9110, 9.2.2).
IDEMPOTENT_METHODS = READ_METHODS | {"PUT", "DELETE"}
# Errors raised before a single byte of the request left this machine.
NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def safe_to_resend(
    method: str, *, error: BaseException | None = None, status: int | None = None
) -> bool:
    """True when sending the request again cannot duplicate its effect.

    Repeating an idempotent method is always harmless. A write (POST, PATCH) is
    safe to resend only when the server provably did not act on it: the failure
    (`error`) happened before anything was sent, or the answer (`status`) was a
    429, which the API gives before doing any work.
    """
    if method in IDEMPOTENT_METHODS:
        return True
    if error is not None:
        return isinstance(error, NOT_SENT_ERRORS)
    return status == 429


def outcome_unknown_message(method: str, failure: str) -> str:
    """The wording of every outcome-unknown error: what failed, and what to do."""
    return (
        f"The {method} was sent, then {failure}; it may or may not have taken effect, "
        "so it was not retried. Check before sending it again."
    )


def write_took_effect(response: httpx.Response) -> bool:
    """A write (not a read) that the server answered 2xx: it acted, whatever the body says."""
    return 200 <= response.status_code < 300 and response.request.method not in READ_METHODS


def took_effect_message(response: httpx.Response, problem: str) -> str:
    """The wording of every error about a write that succeeded: say so first."""
    label = f"{response.status_code} {response.reason_phrase}".strip()  # "299" has no phrase
    return (
        f"The request succeeded ({label}) but its response could not be read, "
        f"so the write took effect: do not send it again. {problem}"
    )
