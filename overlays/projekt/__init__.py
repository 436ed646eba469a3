"""The Python SDK for the Projekt API.

from projekt import Projekt

client = Projekt()  # PROJEKT_API_KEY, PROJEKT_ORG_ID, PROJEKT_BASE_URL
for issue in client.issues.list(project_id="..."):
    print(issue.title)

The layers below this package, each importing only the ones under it: the
facade `projekt._resources` (generated from openapi.yaml), the hand-written
runtime `projekt._runtime`, and the generated low-level client `projekt._api`.
"""

import os as _os

# An installed projekt is one folder. In this repository its hand-written half
# (overlays/projekt/) and its generated half (generated/projekt/) are two folders on
# sys.path, and the standard library's extend_path reads them as one package.
if not _os.path.isdir(_os.path.join(__path__[0], "_api")):
    from pkgutil import extend_path as _extend_path

    __path__ = _extend_path(__path__, __name__)

from httpx import Timeout

from projekt._api.types import NOT_GIVEN, NotGiven
from projekt._runtime.calls.operation import RawResponse
from projekt._runtime.calls.pagination import AsyncPaginator, Page, RawPage, SyncPaginator
from projekt._runtime.errors import exceptions as _errors
from projekt._runtime.errors.exceptions import *  # noqa: F403  (see its __all__)
from projekt._runtime.limits.ratelimit import RateLimit
from projekt._runtime.observability.deprecation import (
    Deprecation,
    ProjektDeprecationWarning,
)
from projekt._runtime.observability.log import setup_logging as _setup_logging

from ._client import AsyncProjekt, Projekt
from ._settings import ClientSettings, SettingsChanges
from ._version import __version__

__all__ = [
    "NOT_GIVEN",
    "AsyncPaginator",
    "AsyncProjekt",
    "ClientSettings",
    "Deprecation",
    "NotGiven",
    "Page",
    "Projekt",
    "ProjektDeprecationWarning",
    "RateLimit",
    "RawPage",
    "RawResponse",
    "SettingsChanges",
    "SyncPaginator",
    "Timeout",
    "__version__",
]
__all__ += _errors.__all__

# The SDK's public classes read as `projekt.X` in tracebacks and reprs, wherever they
# are defined (httpx does the same); a re-exported one (Timeout is httpx's) keeps its own.
for _name in __all__:
    if getattr(globals()[_name], "__module__", "").startswith("projekt."):
        globals()[_name].__module__ = __name__

_setup_logging()
