"""What the API or the spec says is deprecated, said the command line's way: on stderr, as
kubectl and gh say it, naming the command the user ran."""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator
from typing import Any

import click

from ._output import shown


@contextlib.contextmanager
def told_by_the_command() -> Iterator[None]:
    """The SDK's own notice left out while a command runs. An operation's command says each
    deprecation itself (`tell_deprecations`); login's requests only check the key. And the
    SDK's warning, made an error by PYTHONWARNINGS=error, would end the command with a
    traceback after the server acted on it."""
    import projekt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", projekt.ProjektDeprecationWarning)
        yield


def tell_deprecations(deprecations: list[Any]) -> None:
    """What the API said is deprecated (and when it stops working), on stderr, each run, as
    kubectl and gh say it. The SDK's own notice is a DeprecationWarning, which Python shows
    only for a `__main__` module's code: a command was silent about its sunset."""
    for seen in deprecations:
        call = seen.operation if seen.operation.endswith(")") else f"{seen.operation}()"
        text = str(seen).replace(call, f"`projekt {_command_of(seen.operation)}`", 1)
        click.echo(shown(f"Warning: {text}"), err=True)


def _command_of(operation: str) -> str:
    """The command line's words for an operation as the SDK names it: "issues.list", or
    'client.get("/notes")' for `projekt api`."""
    off_spec = re.fullmatch(r'client\.(\w+)\("(.*)"\)', operation)
    if off_spec:
        return f"api {off_spec[1].upper()} {off_spec[2]}"
    return " ".join(word.replace("_", "-") for word in operation.split("."))
