"""The one answer to "may this request have acted on the server, and may it be sent again?".

Retries (transport.py), the pipeline's connection errors (pipeline.py) and the
error mapping (failures.py) all ask it here, so a write is never re-sent unless
the server cannot act on it twice, and an ambiguous failure always says so in
one wording.

A write that carries an Idempotency-Key (the SDK gives every call of an
operation that takes one a key, reused by each of its retries) can always be
sent again: the server acts on a key at most once and replays its first answer.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from typing import TypeVar

import httpx

from projekt._runtime.links import unquoted
from projekt._runtime.options import CALL, options_of, outcome_of

_Error = TypeVar("_Error", bound=BaseException)

# Methods that only read (RFC 9110, 9.2.1 "safe"); every other one is a write.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Methods that can be repeated without changing the outcome (RFC 9110, 9.2.2).
IDEMPOTENT_METHODS = READ_METHODS | {"PUT", "DELETE"}
# Errors raised before the server could have had the whole request: nothing left this
# machine, a proxy refused the tunnel to the server (ProxyError), or (LocalProtocolError)
# this side could not put the request into HTTP at all.
NOT_SENT_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,
    httpx.LocalProtocolError,
)


def idempotency_key_of(request: httpx.Request | None) -> str | None:
    """The key the request's write was sent with, as given (before its header encoding): the
    call's; on a request the SDK did not make (an error a test builds), its header's."""
    if request is None or CALL in request.extensions:  # the SDK's call: its options say
        return options_of(request).idempotency_key
    sent: str | None = request.headers.get("idempotency-key")
    return None if sent is None else unquoted(sent)  # or the bare form, sent as it is


def fails_again(error: httpx.TransportError) -> bool:
    """Would sending the request again fail the same way? Nothing was sent, and a retry
    would only put the error off: the request cannot be put into HTTP, the server's
    certificate is not one this machine trusts, the other end does not speak TLS, or the
    proxy refused its credentials (a company's proxy may lock the account after a few such
    refusals)."""
    return (
        isinstance(error, httpx.LocalProtocolError)
        or untrusted_certificate(error) is not None
        or answered_in_plain_text(error) is not None
        or (isinstance(error, httpx.ProxyError) and str(error).startswith("407 "))
    )


def untrusted_certificate(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The check of the server's certificate that failed beneath `error`, if one did."""
    return _beneath(error, ssl.SSLCertVerificationError)


def answered_in_plain_text(error: BaseException) -> ssl.SSLError | None:
    """The handshake that failed beneath `error` because the other end answered it in plain
    text, as an http:// server, or a proxy, does when given an https:// URL. OpenSSL
    calls that a wrong version number: it read the answer's first bytes as a TLS record's."""
    return _beneath(
        error, ssl.SSLError, lambda e: getattr(e, "reason", "") == "WRONG_VERSION_NUMBER"
    )


def _beneath(
    error: BaseException, kind: type[_Error], wanted: Callable[[_Error], bool] = lambda _: True
) -> _Error | None:
    """The first error of `kind` in `error`'s chain that is `wanted`.

    httpx and httpcore each raise their own error from the one beneath, so the
    handshake's own error is in the chain, whichever transport made the connection. A
    chain can loop (`a.__cause__ = b` and `b.__cause__ = a`), so each link is read once.
    """
    cause: BaseException | None = error
    read: set[int] = set()
    while cause is not None and id(cause) not in read:
        if isinstance(cause, kind) and wanted(cause):
            return cause
        read.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def may_have_acted(
    request: httpx.Request, *, error: BaseException | None = None, status: int | None = None
) -> bool:
    """True when a failed write may still have taken effect.

    A repeatable method (GET, PUT, DELETE...) never leaves doubt. A write (POST,
    PATCH) did not act when the failure (`error`) came before anything was sent,
    or when the answer (`status`) was a 429, which the API gives before any work.
    """
    if request.method in IDEMPOTENT_METHODS:
        return False
    if error is not None:
        return not isinstance(error, NOT_SENT_ERRORS)
    return status != 429


def safe_to_resend(
    request: httpx.Request, *, error: BaseException | None = None, status: int | None = None
) -> bool:
    """True when sending the request again cannot duplicate its effect."""
    if idempotency_key_of(request) is not None:
        return True
    return not may_have_acted(request, error=error, status=status)


def attempt_failure(
    request: httpx.Request, *, error: BaseException | None = None, status: int | None = None
) -> str | None:
    """How one attempt of a write failed, when it may have acted; None when it did not
    (nothing was sent, or the server refused it with a 4xx: a 409 for a key in use says
    that an earlier attempt is acting, not this one)."""
    if (status is not None and status < 500) or not may_have_acted(
        request, error=error, status=status
    ):
        return None
    if error is None:
        return f"the server answered {status}"
    if outcome_of(request).status is not None:  # its answer's headers came
        return f"the answer's body was cut short ({type(error).__name__})"
    return f"the exchange failed ({type(error).__name__})"


def call_failure(
    request: httpx.Request, *, error: BaseException | None = None, status: int | None = None
) -> str | None:
    """How a write's call failed, when it may have acted: by its last attempt, or by an
    earlier one, which leads when it did act or when the last did nothing (refused, or
    answered 429)."""
    last, history = attempt_failure(request, error=error, status=status), outcome_of(request)
    last_acted = error is not None and 200 <= (history.status or 0) < 300  # its 2xx came
    only_earlier_acted = history.took_effect is not None and not last_acted
    if history.unsure is None or (last is not None and not only_earlier_acted):
        return last
    if error is None:
        return f"{history.unsure}, and its last retry was answered {status}"
    unsent = " before it was sent" if isinstance(error, NOT_SENT_ERRORS) else ""
    return f"{history.unsure}, and its last retry failed{unsent} ({type(error).__name__})"


def outcome_unknown_message(
    request: httpx.Request, failure: str, *, answered: int | None = None
) -> str:
    """The wording of every outcome-unknown error: what failed, and what to do. A write whose
    answer's headers came with a 2xx status (`answered`) before its body was cut short did
    take effect: only its answer was lost."""
    key = idempotency_key_of(request)
    if answered is None or not 200 <= answered < 300:
        answered = outcome_of(request).took_effect  # by an earlier attempt
    if answered is not None:
        return _answer_lost(request, answered, failure, key)
    if key is None:
        return (
            f"The {request.method} was sent, then {failure}; it may or may not have taken "
            "effect, so it was not retried. Check before sending it again."
        )
    return (
        f"The {request.method} was sent, then {failure}; it may or may not have taken effect, "
        "and no retries are left. Send it again with the same key "
        f"(idempotency_key={key!r}, also in `error.idempotency_key`): the server acts on a "
        "key at most once."
    )


def _answer_lost(request: httpx.Request, status: int, failure: str, key: str | None) -> str:
    phrase = f"{status} {httpx.codes.get_reason_phrase(status)}".strip()
    done = f"The {request.method} was answered {phrase}, then {failure}: it took effect"
    if key is None:
        return f"{done}, but its answer was lost. Do not send it again."
    return (
        f"{done}, but its answer was lost, and no retries are left. Send it again with the "
        f"same key (idempotency_key={key!r}, also in `error.idempotency_key`) to get that "
        "answer back: the server acts on a key at most once."
    )


def write_took_effect(response: httpx.Response) -> bool:
    """A write (not a read) that the server answered 2xx: it acted, whatever the body says."""
    return 200 <= response.status_code < 300 and response.request.method not in READ_METHODS


def took_effect_message(response: httpx.Response, problem: str) -> str:
    """The wording of every error about a write that succeeded: say so first."""
    return (
        f"The request succeeded ({_status(response)}) but its response could not be read, "
        f"so the write took effect: do not send it again. {problem}"
    )


def took_effect_note(response: httpx.Response, key: str | None) -> str:
    """What a warning the application made an error (`-W error`) says when it is raised
    after a write succeeded: the write stands, and how to get its answer back."""
    done = (
        f"The request succeeded ({_status(response)}) before this warning was raised as an "
        f"error, so the write took effect (request_id: {response.headers.get('x-request-id')})."
    )
    if key is None:
        return f"{done} Do not send it again."
    return (
        f"{done} Sent again with idempotency_key={key!r}, it gets that answer back instead "
        "of acting twice."
    )


def _status(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".strip()  # "299" has no phrase
