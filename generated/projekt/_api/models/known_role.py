# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: f3569983f4d9f9c91e2c9c4ccdc84ea9a82b5f37c6c8e2e8c4900c8aa5a92982
from typing import Literal

KnownRole = Literal["admin", "guest", "manager", "member", "owner"]

KNOWN_ROLE_VALUES: set[KnownRole] = {
    "admin",
    "guest",
    "manager",
    "member",
    "owner",
}


def check_known_role(value: str) -> KnownRole:
    if value in KNOWN_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KNOWN_ROLE_VALUES!r}"
    )
