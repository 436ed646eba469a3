"""A local Projekt API server that implements openapi.yaml, backed by SQLite; and its test kit.

`ProjektSandbox` is the type of the `projekt_sandbox` pytest fixture, for annotating your
tests (`def test_x(projekt_sandbox: ProjektSandbox) -> None`). Both names are imported on
first use: serving the API does not import pytest, and the pipeline scripts read the spec
(`projekt_sandbox.openapi`) without importing the server.
"""

import os as _os
from typing import TYPE_CHECKING, Any

# An installed projekt_sandbox is one folder. In this repository its hand-written half
# (sandbox/projekt_sandbox/) and its generated half (generated/projekt_sandbox/) are two folders on
# sys.path, and the standard library's extend_path reads them as one package.
if not _os.path.isfile(_os.path.join(__path__[0], "_models.py")):
    from pkgutil import extend_path as _extend_path

    __path__ = _extend_path(__path__, __name__)

from ._version import __version__

if TYPE_CHECKING:
    from .app import create_app
    from .testing import ProjektSandbox

__all__ = ["ProjektSandbox", "__version__", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "ProjektSandbox":
        from .testing import ProjektSandbox

        return ProjektSandbox
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
