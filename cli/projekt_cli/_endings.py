"""How a command ends when it does not succeed: an error reported on stderr, exit status 1,
or 2 for what the SDK refused before sending; or Ctrl-C, killed by SIGINT; or its output's
reader gone (exit 0) or its disk full (1)."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import sys
from typing import TYPE_CHECKING, NoReturn

import click

from ._output import shown

if TYPE_CHECKING:
    from projekt import ProjektError


def usage_error(error: ProjektError) -> click.UsageError:
    """A setting or an argument the SDK refused before sending anything (a malformed key, a
    header no request may carry): a usage error, exit status 2, saying how the command line
    gives what was missing."""
    said = str(error)
    said += "" if said.endswith((".", "?")) else "."  # before the hint's sentence
    return click.UsageError(said + _hint(said))


def _hint(message: str) -> str:
    """What the SDK's advice on a missing setting is on the command line."""
    if "api_key" in message:
        return " On the command line: `projekt login`, or PROJEKT_API_KEY."
    if "org_id" in message or "organization" in message:  # not a URL's .org
        return " On the command line: --org, PROJEKT_ORG_ID, or `projekt login --org`."
    return ""


def interrupted() -> NoReturn:
    """Ends as a command stopped by Ctrl-C should: killed by SIGINT, as Python itself ends on
    an uncaught one, so that a shell loop or make running `projekt` stops too. Click's own
    answer, "Aborted!" and exit status 1, tells them the command failed, and they go on."""
    with contextlib.suppress(OSError):  # a pipe already closed: nothing more to say there
        sys.stdout.flush()
    if os.name == "posix":
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    sys.exit(128 + signal.SIGINT)  # where there is no such signal to die of, its usual status


def read_enough() -> NoReturn:
    """A reader that closed the pipe (`| head`) has what it wanted, as with `gh`: exit 0."""
    _drop_unwritten_output()
    sys.exit(0)


def output_failed(error: OSError) -> NoReturn:
    """stdout could not be written (`> export.jsonl` on a full disk): said once, exit 1."""
    _drop_unwritten_output()
    click.echo(f"Error: cannot write the output: {error.strerror or error}", err=True)
    sys.exit(1)


def _drop_unwritten_output() -> None:
    """What stdout still holds goes nowhere, rather than fail again as Python exits."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def fail(error: ProjektError, key: str | None = None) -> NoReturn:
    """Reports the error on stderr, as the SDK's exception describes it, and exits 1; `key`
    says where the key a 401 refused came from."""
    status, code = getattr(error, "status_code", None), getattr(error, "code", None)
    head = " ".join(str(part) for part in (status, code) if part)
    message = getattr(error, "message", str(error))
    lines = [f"Error: {head}: {message}" if head else f"Error: {message}"]
    request_id = getattr(error, "request_id", None)
    if request_id:
        lines.append(f"  request id: {request_id}")
    if key:
        lines.append(f"  key: {key}")
    retry_after = getattr(error, "retry_after", None)  # when the server said to try again
    if retry_after:
        lines.append(f"  retry after: {retry_after:g} s (the server's Retry-After)")
    key = getattr(error, "idempotency_key", None)
    if key:
        lines.append(f"  to send it again safely, add: --idempotency-key {shlex.quote(key)}")
    details = getattr(error, "details", [])
    if details:
        lines.append("  details:")
        lines += [f"    {detail.field}: {detail.message}" for detail in details]
    click.echo(shown("\n".join(lines)), err=True)  # the message is the server's, or a proxy's
    sys.exit(1)
