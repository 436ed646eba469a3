"""The Python SDK for the Projekt API.

from projekt import Projekt

client = Projekt()  # PROJEKT_API_KEY, PROJEKT_ORG_ID, PROJEKT_BASE_URL
for issue in client.issues.list(project_id="..."):
    print(issue.title)
"""

from ._base import AsyncPaginator, RawResponse, SyncPaginator
from ._client import AsyncProjekt, Projekt
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIOutcomeUnknownError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ConnectionOutcomeUnknownError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    ProjektError,
    RateLimitError,
    ServerOutcomeUnknownError,
    UnprocessableEntityError,
)
from ._logging import setup_logging as _setup_logging
from ._ratelimit import RateLimit
from ._version import __version__

_setup_logging()

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIOutcomeUnknownError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "AsyncProjekt",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ConnectionOutcomeUnknownError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "Projekt",
    "ProjektError",
    "RateLimit",
    "RateLimitError",
    "RawResponse",
    "ServerOutcomeUnknownError",
    "SyncPaginator",
    "UnprocessableEntityError",
    "__version__",
]
