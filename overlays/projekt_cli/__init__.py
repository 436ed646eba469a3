"""`projekt`, the command line of the Projekt API (`pip install projekt[cli]`).

Every operation of openapi.yaml is a command, named as in the SDK, and runs
through the SDK's client, so retries, the throttle, idempotency keys, typed
errors and redaction come with it:

    projekt issues list --project-id prj_... | jq .title
    projekt issues create --project-id prj_... --title "Fix login"
    projekt issues get iss_... -o yaml

The commands are built from generated/_projekt_commands, a table `make
generate` writes from the spec; nothing here is written per operation.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """The `projekt` console script."""
    try:
        from ._app import cli
    except ImportError as error:  # the console script exists even without the extra
        if error.name not in ("click", "rich", "yaml"):
            raise
        sys.exit("projekt: the command line needs the cli extra: pip install 'projekt[cli]'")
    cli(prog_name="projekt")
