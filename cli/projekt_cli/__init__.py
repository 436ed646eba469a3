"""`projekt`, the command line of the Projekt API (`pip install projekt[cli]`, projekt-cli).

Every operation of openapi.yaml is a command, named as in the SDK, and runs
through the SDK's client, so retries, the throttle, idempotency keys, typed
errors and redaction come with it:

    projekt issues list --project-id 3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b | jq .title
    projekt issues create --project-id 3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b --title "Fix login"
    projekt issues get 7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d -o yaml

The commands are built from projekt_cli._commands, a table `make generate` writes
from the spec (generated/projekt_cli/_commands); nothing here is written per operation.
"""

import os as _os

# An installed projekt_cli is one folder. In this repository its hand-written half
# (cli/projekt_cli/) and its generated half (generated/projekt_cli/) are two folders on
# sys.path, and the standard library's extend_path reads them as one package.
if not _os.path.isdir(_os.path.join(__path__[0], "_commands")):
    from pkgutil import extend_path as _extend_path

    __path__ = _extend_path(__path__, __name__)

__all__ = ["main"]


def main() -> None:
    """The `projekt` console script."""
    import sys

    from ._app import cli  # the package is imported by `python -m`; click only when run
    from ._endings import output_failed, read_enough

    if sys.stdout is None:  # started with it closed (`>&-`): every command writes to it
        sys.exit("Error: cannot write the output: stdout is closed")
    if sys.stdin is None:  # started with it closed (`<&-`): read as empty, as /dev/null is
        sys.stdin = open(_os.devnull)  # noqa: SIM115 (open as long as the process, as stdin is)
    try:
        try:
            cli(prog_name="projekt")
        finally:
            sys.stdout.flush()  # so that a write that fails fails here, not as Python exits
    except BrokenPipeError:
        read_enough()
    except OSError as error:  # a command's output, any command's: nothing else raises one
        output_failed(error)
