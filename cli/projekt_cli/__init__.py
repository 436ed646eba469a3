"""`projekt`, the command line of the Projekt API (`pip install projekt[cli]`, projekt-cli).

Every operation of openapi.yaml is a command, named as in the SDK, and runs
through the SDK's client, so retries, the throttle, idempotency keys, typed
errors and redaction come with it:

    projekt issues list --project-id prj_... | jq .title
    projekt issues create --project-id prj_... --title "Fix login"
    projekt issues get iss_... -o yaml

The commands are built from projekt_cli._commands, a table `make generate` writes
from the spec (generated/projekt_cli/_commands); nothing here is written per operation.
"""

# An installed projekt_cli is one folder. In this repository its generated command table
# sits in generated/projekt_cli/ (on sys.path in an editable install); this is the
# standard library's way to read both folders as one package.
from pkgutil import extend_path as _extend_path

__path__ = _extend_path(__path__, __name__)

__all__ = ["main"]


def main() -> None:
    """The `projekt` console script."""
    from ._app import cli  # the package is imported by `python -m`; click only when run

    cli(prog_name="projekt")
