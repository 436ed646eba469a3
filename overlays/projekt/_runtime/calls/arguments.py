"""What a caller passes to one call, checked and shaped before anything is sent.

A generated method hands the pipeline its operation's arguments and a `PerCall`:
the options every method takes (timeout, retries) and the extras that reach what
the spec does not describe yet (`extra_headers`, `extra_query`, `extra_body`).
Each check here fails before a byte is sent, and says so.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from projekt._api.types import NOT_GIVEN, NotGiven
from projekt._runtime.auth import unusable
from projekt._runtime.errors.exceptions import ConfigurationError, InvalidArgumentError

__all__ = [
    "Body",
    "Headers",
    "PerCall",
    "Query",
    "as_sent",
    "build_body",
    "check_call_org_id",
    "check_extras",
    "check_keywords",
    "check_mapping",
    "check_path_segment",
    "not_encodable",
    "query_as_sent",
    "with_extra_headers",
]

# A header whose value is None removes the one the SDK would send (User-Agent, say).
Headers = Mapping[str, str | None]
# How a body is framed: a value of the caller's would not match the body httpx writes, which
# h11 finds out only after the request's head went out, raising an error of its own.
FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding"})
# What describes a request's body, which the SDK writes for each call, and these with it.
BODY_HEADERS = frozenset({"content-type", "content-encoding", *FRAMING_HEADERS})
Query = Mapping[str, Any]
Body = Mapping[str, Any]
# httpx's names for what the SDK's calls name otherwise, which a caller used to httpx writes.
HTTPX_NAMES = {
    "params": "query",
    "headers": "extra_headers",
    **dict.fromkeys(("json", "data", "content"), "body"),
}


@dataclass(frozen=True, slots=True)
class PerCall:
    """The options of one call, beyond its operation's own arguments."""

    timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    extra_headers: Headers | None = None  # merged last
    extra_query: Query | None = None  # merged into the query string
    extra_body: Body | None = None  # merged into the JSON body's top level
    org_id: str | None = None  # None: the client's


DEFAULT = PerCall()


def with_extra_headers(
    operation: str, headers: dict[str, Any], extra: Headers, key_header: str | None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The request's headers with `extra` merged last, and the names `extra` removes."""
    merged, removed = dict(headers), []
    for name, value in extra.items():
        if not isinstance(name, str) or not name.isascii():
            raise InvalidArgumentError(
                f"{operation}(): extra_headers has {name!r}, which is not a header's name (an "
                "ASCII str). Nothing was sent."
            )
        lowered = name.lower()
        if lowered == "authorization":
            raise ConfigurationError(
                f"{operation}(): extra_headers cannot set Authorization; the client sends "
                "its api_key. For another key, use client.with_options(api_key=...)."
            )
        if lowered in FRAMING_HEADERS:
            raise ConfigurationError(
                f"{operation}(): extra_headers cannot set {name}; the SDK writes each "
                "request's body, and this header with it. Nothing was sent."
            )
        if key_header is not None and lowered == key_header.lower():
            raise ConfigurationError(
                f"{operation}(): pass idempotency_key=... rather than an {key_header} in "
                "extra_headers, so that every retry sends it and errors report it."
            )
        for existing in [k for k in merged if k.lower() == lowered]:
            del merged[existing]
        if value is None:
            removed.append(name)
        else:
            merged[name] = value
    return merged, tuple(removed)


def query_as_sent(query: Query) -> dict[str, Any]:
    """`query`'s parameters as they go out. One whose value is None is left out, as an
    operation's own optional parameter is when not given (httpx would send `name=`), and as a
    header whose value is None is removed; so is a None in a list of values. Each value is
    written as in a body (`as_sent`), where httpx would write its str(): a datetime with a
    space, an Enum member as `Color.red`. Any other value (bytes, a set, a dict) is a
    ValueError, where httpx would send its str() (`b'...'`), as a body refuses it."""
    sent: dict[str, Any] = {}
    for name, value in query.items():
        if isinstance(value, list | tuple):
            value = [item for item in value if item is not None]
        if value is not None:
            sent[name] = value = as_sent(value)
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, str | int | float | decimal.Decimal):  # bool: an int
                    raise ValueError(
                        f"the query parameter {name!r} holds {type(item).__name__}; give a "
                        "str, a number, a bool, or a list of them"
                    )
    return sent


def check_extras(operation: str, per_call: PerCall) -> None:
    for name in ("extra_headers", "extra_query", "extra_body"):
        check_mapping(operation, name, getattr(per_call, name))


def check_keywords(called: str, names: Iterable[str], known: Collection[str]) -> None:
    """Raises the TypeError Python raises for an unknown keyword argument (where a function
    takes **options, it would go unread), with the one meant: httpx's name's counterpart
    (`params=` is `query=`), or a near spelling."""
    for name in sorted(set(names).difference(known)):
        import difflib  # only on this mistake: most programs never pay for the import

        near = difflib.get_close_matches(name, sorted(known), n=1)
        if HTTPX_NAMES.get(name) in known:
            near = [HTTPX_NAMES[name]]
        hint = f". Did you mean {near[0]!r}?" if near else ""
        raise TypeError(f"{called}() got an unexpected keyword argument {name!r}{hint}")


def check_mapping(operation: str, name: str, value: object) -> None:
    """Refuses what must be a mapping and is not (a str; a list of pairs, which httpx takes
    for its params), which failed later with a bare AttributeError."""
    if value is not None and not isinstance(value, Mapping):
        raise InvalidArgumentError(
            f"{operation}(): {name} must be a mapping (a dict), not {type(value).__name__}. "
            "Nothing was sent."
        )


def not_encodable(
    operation: str,
    error: UnicodeEncodeError,
    arguments: Mapping[str, Any],
    headers: Mapping[str, Any] | None = None,
) -> InvalidArgumentError:
    """The error for text no request can carry, naming where it is: a header's that is not
    ASCII, or anywhere a lone surrogate (what `errors="surrogateescape"` makes of bytes that
    are not UTF-8: a file name, an argv), for which UTF-8 has no encoding."""
    held = error.object[error.start : error.end]
    header = next((k for k, v in (headers or {}).items() if held in f"{k}{v}"), None)
    if header is not None or not all("\ud800" <= char <= "\udfff" for char in held):
        return InvalidArgumentError(
            f"{operation}(): {header or 'a header'} holds {held!r}, which is not ASCII, and a "
            "header carries ASCII only (send it in the body, or encode it). Nothing was sent."
        )
    where = next(
        (k for k, v in arguments.items() if isinstance(v, str) and held in v), "the request"
    )
    return InvalidArgumentError(
        f"{operation}(): {where} holds {held!r}, a lone surrogate (what Python makes of bytes "
        "that are not UTF-8), which no request can carry. Nothing was sent."
    )


def as_sent(value: Any) -> Any:
    """`value` in the types JSON has, inside dicts, lists and tuples too: a `uuid.UUID` as
    its text (every id in the spec is a string, and a path sends one so), a `datetime` or a
    `date` in ISO 8601 (as the models send theirs), an `Enum` member as its value. JSON has
    none of these, and json.dumps refused each before anything was sent."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.date):  # a datetime is one
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return as_sent(value.value)
    if isinstance(value, Mapping):
        return {key: as_sent(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_sent(item) for item in value]
    return value


def check_call_org_id(operation: str, org_id: object) -> None:
    """Refuses an org id given for one call that could not be sent as it is. An empty one
    (from a setting left empty) would have been taken for the client's own org."""
    if not isinstance(org_id, str):
        kind = type(org_id).__name__
        raise InvalidArgumentError(
            f"{operation}(): org_id must be a str, not {kind}. Nothing was sent."
        )
    if not org_id:
        raise InvalidArgumentError(
            f"{operation}(): org_id is empty: pass an organization's id (client.me.orgs() "
            "lists yours), or leave it out for the client's. Nothing was sent."
        )
    if problem := unusable(org_id):
        raise InvalidArgumentError(f"{operation}(): org_id={org_id!r} {problem}. Nothing was sent.")


def check_path_segment(operation: str, name: str, value: object) -> None:
    """Refuses an id that would change the request's path, or that is not an id at all.

    The generated client percent-encodes every path parameter (a "/" included),
    but "." and ".." would still be resolved as dot-segments ("/issues/.." is "/").
    Anything but text, a `uuid.UUID` or a number would go out as its repr: the issue a list
    gave (`client.issues.update(issue, ...)`) was sent as "IssueSummary(id=...)", and the
    API's 404 said no such issue exists.
    """
    if value is None:
        raise InvalidArgumentError(f"{operation}(): {name} is None, not an id. Nothing was sent.")
    if isinstance(value, bool) or not isinstance(value, str | int | uuid.UUID):
        kind = type(value).__name__
        its_id = getattr(value, "id", None)
        hint = f": pass its .id ({its_id!r})" if isinstance(its_id, str | uuid.UUID) else ""
        raise InvalidArgumentError(
            f"{operation}(): {name} must be an id (a str), not {kind}{hint}. Nothing was sent."
        )
    try:
        text = str(value)
    except ValueError as error:  # an int of more digits than Python writes out
        raise InvalidArgumentError(f"{operation}(): {name}: {error}. Nothing was sent.") from None
    if text in ("", ".", ".."):
        raise InvalidArgumentError(
            f"{operation}(): {name}={text!r} is not an id; sent, it would change the "
            "request's path. Nothing was sent."
        )


def build_body(
    name: str,
    model: type[Any],
    body: Any,
    fields: dict[str, Any],
    *,
    required: tuple[str, ...],
    body_is_field: bool,
) -> Any:
    """The request model: `body=` when it is one, else built from the field arguments.

    When the model itself has a field called `body` (a comment's text), `body=`
    is that field unless a model instance is passed.
    """
    given = {key: value for key, value in fields.items() if value is not NOT_GIVEN}
    if isinstance(body, model):
        if given:
            raise TypeError(f"{name}() takes either body= or field arguments, not both")
        return body
    if body_is_field:
        if body is not NOT_GIVEN:
            given["body"] = body
    elif body is not NOT_GIVEN:
        model_name = model.__name__
        article = "an" if model_name[0] in "AEIOU" else "a"
        hint = ""
        if isinstance(body, Mapping):  # the JSON as another SDK takes it
            hint = f": pass its fields as arguments (**body), or {model_name}.from_dict(body)"
        raise TypeError(
            f"{name}() body= must be {article} {model_name}, not {type(body).__name__}{hint}"
        )
    missing = [key for key in required if key not in given]
    if missing:
        raise TypeError(f"{name}() missing required argument(s): {', '.join(missing)}")
    return model(**given)
