"""The API's data types (attrs classes generated from openapi.yaml's schemas).

Unknown fields a newer server sends are kept in each model's
`additional_properties`, and `status`, `priority` and `role` accept values this
version does not list.
"""

from projekt._api.models import *  # noqa: F403
from projekt._api.models import ErrorEnvelope
from projekt._api.models import __all__ as _generated

# Deprecated: API 4.0.0 renamed the envelope `ErrorEnvelope` (`Error` clashes with a type of
# their own in several languages). The old name stays until the SDK's next major version.
Error = ErrorEnvelope

__all__ = [*_generated, "Error"]
