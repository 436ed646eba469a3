"""What each of `serve`'s options takes, as argparse types.

A value the server could start with but not serve with (a port past 65535, a body limit
of 0, a Link origin no client can follow, an operation the spec does not have) is a
usage error naming the option, rather than a traceback or a server that fails each
request.
"""

from __future__ import annotations

import argparse
import math
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .limits import checked_rate_limit
from .notices import SUNSETS, Deprecation, parse_deprecation

__all__ = [
    "deprecation",
    "directory",
    "origin",
    "port",
    "positive_int",
    "rate_limit",
    "seconds",
]

T = TypeVar("T")


def _checked(
    convert: Callable[[str], T], ok: Callable[[T], bool], wanted: str
) -> Callable[[str], T]:
    """An argparse type: the option's text converted, and refused unless `ok`, as a usage
    error that says what is `wanted` (not a server that cannot serve with it)."""

    def parse(text: str) -> T:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r}: {wanted}") from None
        if not ok(value):
            raise argparse.ArgumentTypeError(f"{text!r}: {wanted}")
        return value

    return parse


port = _checked(int, lambda value: 0 <= value <= 65535, "a port is 0 to 65535 (0: any free one)")
positive_int = _checked(int, lambda value: value >= 1, "a whole number, at least 1")
seconds = _checked(
    float, lambda value: math.isfinite(value) and value > 0, "a number of seconds above 0"
)


def origin(text: str) -> str:
    """`--public-url`: where each Link header's target starts, so a scheme and a host alone."""
    parts = urllib.parse.urlsplit(text)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or "?" in text  # an empty query or fragment too, which urlsplit reads as none
        or "#" in text
    ):
        raise argparse.ArgumentTypeError(
            f"{text!r}: an origin, such as https://sandbox.example.com:8443 (no path or query)"
        )
    return text


def rate_limit(text: str) -> tuple[int, float]:
    count, _, seconds = text.partition("/")
    try:
        limit, window = int(count), float(seconds or 60)
    except ValueError:
        raise argparse.ArgumentTypeError("expected N/SECONDS, for example 600/60") from None
    try:
        return checked_rate_limit(limit, window)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def deprecation(text: str) -> tuple[str, Deprecation]:
    try:
        operation_id, notice = parse_deprecation(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected OPERATION_ID or OPERATION_ID:SUNSET, the sunset {SUNSETS}"
        ) from None
    from .openapi import load, operations  # the spec is read only when the option is given
    from .spec import spec_path

    known = sorted(operation.operation_id for operation in operations(load(spec_path())))
    if operation_id not in known:
        raise argparse.ArgumentTypeError(
            f"no operation {operation_id!r} in openapi.yaml; it has {', '.join(known)}"
        )
    return operation_id, notice


def directory(text: str) -> Path:
    if not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: no such directory")
    return Path(text)
