"""The one place that turns a failed exchange or a non-2xx response into an exception.

The classes are in errors.py. Any body is accepted here: the envelope, HTML from
a proxy, nothing, garbage, or JSON nested too deep to decode; a token the server
echoes is masked before it can reach an exception.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

import httpx

from projekt._runtime.errors.exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ConnectionOutcomeUnknownError,
    IdempotencyConflictError,
    IdempotencyKeyReusedError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    ProjektError,
    RateLimitError,
    ServerOutcomeUnknownError,
    UnprocessableEntityError,
)
from projekt._runtime.errors.pages import CHECK_BASE_URL, is_web_page, one_line, page_title
from projekt._runtime.errors.safety import (
    IDEMPOTENT_METHODS,
    answered_in_plain_text,
    call_failure,
    outcome_unknown_message,
    untrusted_certificate,
)
from projekt._runtime.limits.deadline import attempt_seconds
from projekt._runtime.observability.redaction import (
    mask_url,
    redact,
    redact_json,
    token_of,
    unsendable_header,
)
from projekt._runtime.options import CallOutcome, options_of, outcome_of

__all__ = [
    "BODY_NOT_READ",
    "CHECK_BASE_URL",
    "NO_CONNECTION",
    "body_of",
    "connection_failed",
    "error_from_response",
]

# A response extension: why the SDK could not read the body of the answer it carries.
BODY_NOT_READ = "projekt.body_not_read"
# What a PoolTimeout means, which httpcore's own says with no words at all.
NO_CONNECTION = "No connection of the client's pool came free in time"


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
# The idempotency errors are their statuses' errors, told apart by their code.
_CODE_ERRORS: dict[tuple[int, str], type[APIStatusError]] = {
    (409, "idempotency_key_in_use"): IdempotencyConflictError,
    (422, "idempotency_key_reused"): IdempotencyKeyReusedError,
}


def error_from_response(response: httpx.Response) -> APIStatusError:
    """The one place that turns a non-2xx response into an exception.

    Any body is accepted: the envelope, HTML from a proxy, nothing, garbage, or
    JSON nested too deep to decode. A token the server echoes is masked.
    """
    body = body_of(response, text_limit=500)
    envelope = body.get("error") if isinstance(body, dict) else None
    envelope = envelope if isinstance(envelope, dict) else {}
    code = _str_or_none(envelope.get("code"))
    message = _str_or_none(envelope.get("message")) or _fallback_message(response, body)
    request_id = _str_or_none(envelope.get("request_id")) or response.headers.get("x-request-id")
    status = response.status_code
    cls = _CODE_ERRORS.get((status, code or ""), _STATUS_ERRORS.get(status, APIStatusError))
    if status >= 500:
        cls = InternalServerError
    if (failure := call_failure(response.request, status=status)) is not None:
        # A 4xx keeps its class: this attempt was refused, and an earlier one may have acted.
        cls = ServerOutcomeUnknownError if status >= 500 else cls
        message += " (" + outcome_unknown_message(response.request, failure) + ")"
        earlier = outcome_of(response.request).unsure_request_id
        if earlier is not None and earlier != request_id:
            message += f" (the earlier attempt's request id: {earlier})"
    if why := outcome_of(response.request).not_retried:
        message += f" (not retried: {why})"
    return cls(message, response=response, body=body, code=code, request_id=request_id)


def body_of(response: httpx.Response, *, text_limit: int | None = None) -> Any:
    """What a response's body says, for an error to carry: its JSON when it decodes,
    else its text (None when empty). A token the server echoes is masked."""
    token = token_of(response.request)
    try:
        return redact_json(response.json(), token)
    except (ValueError, RecursionError):  # ValueError: bad JSON; RecursionError: too deep
        return redact(response.text[:text_limit], token) if response.content else None


def raised_from(error: httpx.HTTPError) -> httpx.HTTPError | None:
    """What the failure made of `error` is raised from: `error` itself, but nothing for a
    request that could not be written, whose error (and each under it: httpcore's, h11's)
    quotes the value h11 refused, which may be a credential."""
    return None if isinstance(error, httpx.LocalProtocolError) else error


def connection_failed(error: httpx.HTTPError, request: httpx.Request | None = None) -> ProjektError:
    """The one place that turns a failed exchange (no usable response) into an exception;
    by default, of the request httpx says the error was raised for, when it knows it."""
    if request is None:
        with contextlib.suppress(RuntimeError):  # raised when there was no request yet
            request = error.request
    if isinstance(error, httpx.LocalProtocolError):  # a header value with a line break, say
        operation = options_of(request).operation
        detail = unsendable_header(request) or redact(str(error), token_of(request))
        return InvalidArgumentError(
            f"{operation.name if operation else 'request'}(): no request can carry this: "
            f"{type(error).__name__}: {detail}. Nothing was sent."
        )
    # The answer's headers came when its body was cut short: support can find it by this.
    heard = outcome_of(request) if request is not None else CallOutcome()
    request_id = heard.request_id
    if request is not None and (failure := call_failure(request, error=error)) is not None:
        return ConnectionOutcomeUnknownError(
            outcome_unknown_message(request, failure, answered=heard.status),
            request=request,
            request_id=heard.unsure_request_id or request_id,
        )
    if (refused := untrusted_certificate(error)) is not None:
        return APIConnectionError(
            f"Connection error{_where(request)}: the server's TLS certificate is not trusted "
            f"({refused.verify_message or refused}), so the request was not sent, and was not "
            "retried. Behind a proxy or a firewall that inspects TLS, point SSL_CERT_FILE at a "
            "CA bundle that holds its certificate (trust_env=True, the default, reads it), or "
            f"pass an http_client= whose verify= trusts it.{_bundle_httpx_does_not_read()}",
            request=request,
        )
    detail = redact(str(error), token_of(request))
    if isinstance(error, httpx.PoolTimeout) and not detail:  # httpcore's says nothing
        detail = NO_CONNECTION
    if answered_in_plain_text(error) is not None:
        return APIConnectionError(
            f"Connection error{_where(request)}: the other end answered the TLS handshake in "
            f"plain text ({detail}), as an http:// server does, so the request was not sent, "
            "and was not retried. Check the scheme of the base URL (the sandbox's is http://), "
            "and of a proxy's URL from HTTPS_PROXY or ALL_PROXY (most proxies take http://, "
            "even for https).",
            request=request,
        )
    # No attempt may have acted (else the error above): whoever reads it wonders, for a write.
    harmless = ""
    if request is not None and request.method not in IDEMPOTENT_METHODS:
        harmless = f" The {request.method} took no effect, so sending it again is safe."
    if isinstance(error, httpx.TimeoutException):
        why = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
        return APITimeoutError(
            f"Request timed out{_where(request)} ({why}).{harmless}",
            request=request,
            request_id=request_id,
        )
    return APIConnectionError(
        f"Connection error{_where(request)}: {type(error).__name__}: {detail}"
        + (f".{harmless}" if harmless else ""),
        request=request,
        request_id=request_id,
    )


def _bundle_httpx_does_not_read() -> str:
    """A CA bundle named for requests or curl, the usual reason a company's CA is not
    trusted here: httpx reads neither variable."""
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        if os.environ.get(name) and not os.environ.get("SSL_CERT_FILE"):
            return f" {name} is set, which httpx does not read: set SSL_CERT_FILE to it too."
    return ""


def _where(request: httpx.Request | None) -> str:
    """ ": GET https://host/path, after 15 s, 3 attempts": what was tried, and how hard."""
    if request is None:
        return ""
    url = request.url
    host = f"[{url.host}]" if ":" in url.host else url.host  # an IPv6 address, as URLs write it
    said = f": {request.method} {url.scheme}://{host}{f':{url.port}' if url.port else ''}"
    said += url.path
    outcome, seconds = outcome_of(request), attempt_seconds(request)
    if outcome.total_timeout is not None:  # what ended the last attempt
        said += f", a total_timeout of {outcome.total_timeout:g} s"
    elif seconds is not None:
        said += f", a timeout of {seconds:g} s{_shorter_parts(request, seconds)}"
    attempts = outcome.attempts or 1
    said += f", {attempts} attempt{'s' if attempts != 1 else ''}"
    if outcome.not_retried and outcome.total_timeout is None:  # else the total says it
        said += f" (not retried: {outcome.not_retried})"
    return said


def _shorter_parts(request: httpx.Request, seconds: float) -> str:
    """' (connect 2 s)': the parts of an `httpx.Timeout(60, connect=2)` shorter than the
    attempt's deadline, any of which may have ended it first."""
    parts = request.extensions.get("timeout", {}).items()
    shorter = [f"{part} {value:g} s" for part, value in parts if value and value < seconds]
    return f" ({', '.join(shorter)})" if shorter else ""


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


# Where other servers put their words, when a body is not the API's envelope: an API
# gateway's "message", a framework's "detail", OAuth's "error_description".
_THEIR_WORDS = ("message", "detail", "error_description", "error", "title")


def _their_words(response: httpx.Response, body: Any) -> str | None:
    """What a body that is not the envelope says: a string field of a JSON object, a plain
    text, or a web page's title (a proxy's, a firewall's: "Attention Required! | Cloudflare").
    `body` is masked already (body_of)."""
    said: object = None
    if isinstance(body, dict):
        said = next((body[key] for key in _THEIR_WORDS if _str_or_none(body.get(key))), None)
    elif isinstance(body, str) and is_web_page(response):
        said = page_title(body)
    elif isinstance(body, str):
        kind = response.headers.get("content-type", "").lower()
        said = body if kind.startswith("text/plain") else None
    return one_line(said) if isinstance(said, str) else None


def _fallback_message(response: httpx.Response, body: Any = None) -> str:
    phrase = response.reason_phrase or "Unexpected status"
    if why := response.extensions.get(BODY_NOT_READ):
        return f"{phrase} (its body was not read: {why})"
    location = response.headers.get("location")
    if 300 <= response.status_code < 400 and response.status_code != 304 and location:
        # The SDK follows no redirect: the token would go along. The usual cause is
        # http:// for https://, or a base URL missing its path.
        target = mask_url(str(response.request.url.join(location)))
        return (
            f"{phrase}: the server redirects to {target}, which the SDK does not follow; "
            "check the base URL (http:// for https://, the host, the path)"
        )
    if response.status_code == 407:  # a proxy's, for the request it was given to forward
        return (
            f"{phrase}: a proxy between here and the API did not accept the credentials sent "
            "(none, or those in its URL: HTTP_PROXY, HTTPS_PROXY, ALL_PROXY or your "
            "http_client='s)"
        )
    if is_web_page(response) and response.status_code in (404, 405):
        # A web app's answer to a path or a method it lacks: the API answers JSON.
        return f"{phrase} (a web page, not the API's JSON: {CHECK_BASE_URL})"
    kind = response.headers.get("content-type", "no content type").split(";")[0]
    if said := _their_words(response, body):  # "Forbidden: Forbidden: ..." reads as one
        phrase = said if said.lower().startswith(phrase.lower()) else f"{phrase}: {said}"
    return f"{phrase} (the body was not a Projekt error envelope: {kind})"
