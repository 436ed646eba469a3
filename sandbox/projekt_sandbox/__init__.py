"""A local Projekt API server that implements openapi.yaml, backed by SQLite; and its test kit.

`ProjektSandbox` is the type of the `projekt_sandbox` pytest fixture, for annotating your
tests (`def test_x(projekt_sandbox: ProjektSandbox) -> None`). Both names are imported on
first use: serving the API does not import pytest, and the pipeline scripts read the spec
(`projekt_sandbox.openapi`) without importing the server.
"""

# An installed projekt_sandbox is one folder. In this repository its generated models sit
# in generated/projekt_sandbox/ (on sys.path in an editable install); this is the standard
# library's way to read both folders as one package.
from pkgutil import extend_path as _extend_path
from typing import TYPE_CHECKING, Any

__path__ = _extend_path(__path__, __name__)

if TYPE_CHECKING:
    from .app import create_app
    from .testing import ProjektSandbox

__all__ = ["ProjektSandbox", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "ProjektSandbox":
        from .testing import ProjektSandbox

        return ProjektSandbox
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
