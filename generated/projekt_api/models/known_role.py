# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 8eb3ccf7a947c580db3bff5bac7aad9f63648e56a8c5bce4b7a80c70a820c50d
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
