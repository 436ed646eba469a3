"""Masking secrets in anything the SDK prints or raises: log records and error messages.

A token can reach text by accident: a careless log line, or a server or proxy
that echoes it in an error message. Everything the SDK shows passes through
`redact`, which masks Projekt keys, any `Bearer <token>`, the exact token the
request carried, whatever its shape, and the password of any URL (a Redis URL's,
a proxy's), in its userinfo or its query. `mask_url` does the last alone, for the
settings' reprs. `masked_headers` masks the value of each header `is_secret_header`
names as a credential, in a request or a response written out of the process (a pickled
error's, which `request_without_credentials` and `response_without_credentials` make).
`unsendable_header` names a header h11 refuses to send, without its value.
"""

from __future__ import annotations

import copy
import re

import httpx

MASK = "[redacted]"
_SECRET = re.compile(r"(pjk_[A-Za-z0-9_]+|(?i:bearer)\s+[^\s'\"]+)")
# The userinfo of a URL ("scheme://user:password@host"): the password is what is masked,
# up to the last "@" of the authority, as urllib splits it, so an unescaped "@" in a
# password is masked too.
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@'\"]*):[^\s/'\"]*@")
# A user name or password with an unescaped "/", "?" or "#" ends the authority early, as
# urllib splits a URL, and the rest of it reads as the path: "redis://:pa/ss@host". Where
# the authority holds a ":" or an "@", and an "@" follows a "/", "?" or "#", all before the
# last "@" may be the password, and is masked (a URL with a port and an "@" in its path too).
_BROKEN_USERINFO = re.compile(
    r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://)(?=[^/?#\s'\"]*[:@])[^/?#\s'\"]*[/?#][^\s'\"]*@"
)
# A secret in a URL's query: redis-py reads `redis://host/0?password=...` as it reads the
# userinfo's, and other services take a token or a key the same way (an API gateway's
# `subscription-key` or `key`, on every request of a user's own http_client=). A name that
# holds password, secret, token or credential; one that ends in key (or key id: AWS's
# AWSAccessKeyId); and sig or signature alone or as its last part (X-Amz-Signature), which
# OpenTelemetry's conventions name too, but not inside a word ("assignee_id").
_QUERY_SECRET = re.compile(
    r"(?P<head>[?&;](?i:[\w.-]*(?:passw(?:or)?d|pwd|secret|token|credential)[\w.-]*"
    r"|[\w.-]*key(?:[_-]?id)?|(?:[\w.-]*[_.-])?sig(?:nature)?)=)"
    r"[^&;#\s'\"]*"
)

# A header named as a credential is (Authorization, Cookie, an API gateway's X-Api-Key or
# Ocp-Apim-Subscription-Key, a service's X-Auth-Token): its value stays in the process.
_SECRET_HEADER = re.compile(
    r"(?i).*(?:authorization|cookie|token|secret|passw(?:or)?d|signature"
    r"|(?:api|access|subscription|private)[_-]?key).*"
)

PAT_PREFIX = "pjk_live_"


def redact(text: str, token: str | None = None) -> str:
    if token and len(token) >= 8:
        text = text.replace(token, MASK)
        if token.startswith(PAT_PREFIX):  # the secret part alone is as good as the token
            text = text.replace(token.removeprefix(PAT_PREFIX), MASK)
    return _SECRET.sub(MASK, mask_url(text))


def mask_url(text: str) -> str:
    """`text` with the password of every URL in it masked, in its userinfo or its query:
    redis://:***@host:6379/0, redis://host:6379/0?password=***; and all before the host of
    a URL whose password holds an unescaped "/", "?" or "#": redis://***@host:6379/0."""
    text = _BROKEN_USERINFO.sub(r"\g<head>***@", _QUERY_SECRET.sub(r"\g<head>***", text))
    return _URL_PASSWORD.sub(r"\g<head>:***@", text)


SPLIT_USERINFO = (
    "its user name or password holds a '/', '?' or '#', which ends a URL's host part; "
    "percent-encode it, as urllib.parse.quote(password, safe='') does"
)


def breaks_its_userinfo(url: str) -> bool:
    """Does `url` hold a user name or password with an unescaped "/", "?" or "#"? (A
    password in its query may hold an "@".)"""
    return _BROKEN_USERINFO.match(_QUERY_SECRET.sub(r"\g<head>***", url)) is not None


def redact_json(value: object, token: str | None = None) -> object:
    """A decoded JSON body with every string in it redacted."""
    if isinstance(value, str):
        return redact(value, token)
    if isinstance(value, list):
        return [redact_json(item, token) for item in value]
    if isinstance(value, dict):
        return {key: redact_json(item, token) for key, item in value.items()}
    return value


def is_secret_header(name: str) -> bool:
    """Is `name` a header that carries a credential? (Idempotency-Key, X-Org-Id: no.)"""
    return _SECRET_HEADER.fullmatch(name) is not None


def masked_headers(headers: httpx.Headers) -> httpx.Headers:
    """`headers`, each one named as a credential with its value masked (for a copy that
    leaves the process: a pickled error's request and response)."""
    pairs = headers.multi_items()
    return httpx.Headers([(k, MASK if is_secret_header(k) else v) for k, v in pairs])


def request_without_credentials(request: httpx.Request) -> httpx.Request:
    """`request` without its credentials: the token, any other header named as one (a
    gateway's key in `default_headers`, a cookie of the user's own client), and a query
    parameter named as one (a gateway's `subscription-key` in the user's client's params)."""
    shared = copy.copy(request)  # as httpx pickles it: no stream, no extensions
    shared.headers = masked_headers(request.headers)
    shared.url = httpx.URL(mask_url(str(request.url)))
    return shared


def response_without_credentials(
    response: httpx.Response, request: httpx.Request
) -> httpx.Response:
    """`response`, answering `request`, less the credentials it carried (a session's
    Set-Cookie); the redirect it names (if any) goes without a token."""
    shared = copy.copy(response)  # as httpx pickles it: no stream, no extensions
    shared.request = request
    shared.headers = masked_headers(response.headers)
    if shared.next_request is not None:
        shared.next_request = request_without_credentials(shared.next_request)
    return shared


def token_of(request: httpx.Request | None) -> str | None:
    """The bearer token a request carried, so that an echo of it can be masked."""
    if request is None:
        return None
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


# What h11 sends as a header's value: visible characters, with spaces or tabs between them
# only. h11's own error quotes the value it refuses, which may be a credential (an API key
# read from a file, its line break with it).
_SENDABLE_VALUE = re.compile(rb"(?:[\x21-\x7e\x80-\xff]+(?:[ \t]+[\x21-\x7e\x80-\xff]+)*)?")


def unsendable_header(request: httpx.Request | None) -> str | None:
    """The header whose value h11 refuses, named without that value; None if none is."""
    for name, value in request.headers.raw if request is not None else ():
        if not _SENDABLE_VALUE.fullmatch(value):
            return (
                f"the value of {name.decode('ascii', 'replace')} has a space around it, a line "
                "break or a control character (the value is not shown here)"
            )
    return None
