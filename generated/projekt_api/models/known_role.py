# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0ff5d90a6d16ad75310a9de41ce97f9d96a9af8652f20c64f171a6745e80b4af
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
