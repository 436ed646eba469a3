"""The Python SDK for the Projekt API.

from projekt import Projekt

client = Projekt()  # PROJEKT_API_KEY, PROJEKT_ORG_ID, PROJEKT_BASE_URL
for issue in client.issues.list(project_id="..."):
    print(issue.title)

The layers below this package, each importing only the ones under it: the
facade `_projekt_resources` (generated from openapi.yaml), the hand-written
runtime `_projekt_runtime`, and the generated low-level client `projekt_api`.
"""

from _projekt_runtime import errors as _errors
from _projekt_runtime.deprecation import Deprecation, ProjektDeprecationWarning
from _projekt_runtime.errors import *  # noqa: F403  (the exception hierarchy; see its __all__)
from _projekt_runtime.log import setup_logging as _setup_logging
from _projekt_runtime.operation import RawResponse
from _projekt_runtime.pagination import AsyncPaginator, SyncPaginator
from _projekt_runtime.ratelimit import RateLimit

from ._client import AsyncProjekt, Projekt
from ._settings import ClientSettings
from ._version import __version__

__all__ = [
    "AsyncPaginator",
    "AsyncProjekt",
    "ClientSettings",
    "Deprecation",
    "Projekt",
    "ProjektDeprecationWarning",
    "RateLimit",
    "RawResponse",
    "SyncPaginator",
    "__version__",
]
__all__ += _errors.__all__

# Public classes read as `projekt.X` in tracebacks and reprs, wherever they are
# defined (httpx does the same).
for _name in __all__:
    if hasattr(globals()[_name], "__module__"):
        globals()[_name].__module__ = __name__

_setup_logging()
