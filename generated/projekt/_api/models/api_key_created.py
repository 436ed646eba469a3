# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_role import KnownRole
from ..types import Unset, datetime_from_rfc3339, datetime_to_rfc3339, model_repr

_known_fields = itemgetter(
    "id",
    "name",
    "token_prefix",
    "role",
    "created_at",
    "last_used_at",
    "revoked_at",
    "token",
)
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="ApiKeyCreated")


def _masked(value: object) -> str:
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


def _secrets_masked(cls: type, fields: list[Any]) -> list[Any]:
    """repr() shows the spec's secrets masked: printed, logged or in a traceback, they
    would be readable."""
    secret = ["token"]
    return [
        field.evolve(repr=_masked) if field.name in secret else field
        for field in fields
    ]


@_attrs_define(field_transformer=_secrets_masked)
class ApiKeyCreated:
    """A freshly minted API key, with its plaintext token. The token is shown only here."""

    id: str
    """ A UUID in its canonical, hyphenated form. """
    name: str
    """ A label for an API key. """
    token_prefix: str
    """ The token's first 13 characters, to recognise it by; not a secret. """
    role: KnownRole | str
    """ A member's role in an organization: `owner`, `admin`, `manager` (these
    three can mint API keys), `member` or `guest`, the roles known when this
    version of the API was published. Other values may be added later: the
    enumeration is open (`x-speakeasy-unknown-values: allow`), so accept any
    string and treat an unknown role as the least privileged.
     """
    created_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    last_used_at: datetime.datetime | None
    """ An RFC 3339 timestamp in UTC, or null. """
    revoked_at: datetime.datetime | None
    """ An RFC 3339 timestamp in UTC, or null. """
    token: str
    """ The plaintext token. Store it now; it cannot be shown again. A secret (`format: password`): tools that show
    it should mask it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        token_prefix = self.token_prefix

        role: str
        if isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        created_at = datetime_to_rfc3339(self.created_at)

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = datetime_to_rfc3339(self.last_used_at)
        else:
            last_used_at = self.last_used_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = datetime_to_rfc3339(self.revoked_at)
        else:
            revoked_at = self.revoked_at

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "token_prefix": token_prefix,
                "role": role,
                "created_at": created_at,
                "last_used_at": last_used_at,
                "revoked_at": revoked_at,
                "token": token,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(
                f"ApiKeyCreated: expected dict, got {type(src_dict).__name__}"
            )
        if len(src_dict) == 8:
            try:
                _1, _2, _3, _4, _5, _6, _7, _8 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                    and (_6 is None or type(_6) is str)
                    and (_7 is None or type(_7) is str)
                    and (type(_8) is str)
                ):
                    api_key_created = object.__new__(cls)
                    api_key_created.id = _1
                    api_key_created.name = _2
                    api_key_created.token_prefix = _3
                    api_key_created.role = _4
                    api_key_created.created_at = fromisoformat(_5)
                    api_key_created.last_used_at = (
                        None if _6 is None else fromisoformat(_6)
                    )
                    api_key_created.revoked_at = (
                        None if _7 is None else fromisoformat(_7)
                    )
                    api_key_created.token = _8
                    api_key_created.additional_properties = {}
                    api_key_created._request_id = None
                    return api_key_created
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        token_prefix = d.pop("token_prefix")

        role: KnownRole | str = d.pop("role")

        try:
            created_at = datetime_from_rfc3339(d.pop("created_at"))
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"ApiKeyCreated.created_at: {error}") from error

        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_timestamp_type_0 = datetime_from_rfc3339(
                    data
                )

                return componentsschemas_nullable_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_nullable_timestamp_type_0 = datetime_from_rfc3339(
                    data
                )

                return componentsschemas_nullable_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        token = d.pop("token")

        if not isinstance(id, str):
            raise TypeError(f"ApiKeyCreated.id: expected str, got {type(id).__name__}")
        if not isinstance(name, str):
            raise TypeError(
                f"ApiKeyCreated.name: expected str, got {type(name).__name__}"
            )
        if not isinstance(token_prefix, str):
            raise TypeError(
                f"ApiKeyCreated.token_prefix: expected str, got {type(token_prefix).__name__}"
            )
        if not isinstance(role, str):
            raise TypeError(
                f"ApiKeyCreated.role: expected str, got {type(role).__name__}"
            )
        if not isinstance(created_at, datetime.datetime):
            raise TypeError(
                f"ApiKeyCreated.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        if not isinstance(last_used_at, (datetime.datetime, type(None))):
            raise TypeError(
                f"ApiKeyCreated.last_used_at: expected (datetime.datetime, None), got {type(last_used_at).__name__}"
            )
        if not isinstance(revoked_at, (datetime.datetime, type(None))):
            raise TypeError(
                f"ApiKeyCreated.revoked_at: expected (datetime.datetime, None), got {type(revoked_at).__name__}"
            )
        if not isinstance(token, str):
            raise TypeError(
                f"ApiKeyCreated.token: expected str, got {type(token).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        api_key_created = object.__new__(cls)
        api_key_created.id = id
        api_key_created.name = name
        api_key_created.token_prefix = token_prefix
        api_key_created.role = role
        api_key_created.created_at = created_at
        api_key_created.last_used_at = last_used_at
        api_key_created.revoked_at = revoked_at
        api_key_created.token = token

        api_key_created.additional_properties = d
        api_key_created._request_id = None
        return api_key_created

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
