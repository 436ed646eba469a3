"""A local Projekt API server that implements openapi.yaml, backed by SQLite; and its test kit.

`ProjektSandbox` is the type of the `projekt_sandbox` pytest fixture, for annotating your
tests (`def test_x(projekt_sandbox: ProjektSandbox) -> None`). It is imported on first use,
so that serving the API does not import pytest.
"""

from typing import TYPE_CHECKING, Any

from .app import create_app

if TYPE_CHECKING:
    from .testing import ProjektSandbox

__all__ = ["ProjektSandbox", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "ProjektSandbox":
        from .testing import ProjektSandbox

        return ProjektSandbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
