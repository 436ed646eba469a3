# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, datetime_from_rfc3339, datetime_to_rfc3339, model_repr

_known_fields = itemgetter("id", "name", "key", "created_at", "description")
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="Project")


@_attrs_define
class Project:
    """A project."""

    id: str
    """ A UUID in its canonical, hyphenated form. """
    name: str
    """ A project's display name. """
    key: str
    """ A short upper-case key that prefixes issue numbers, such as `WEB`. """
    created_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    description: None | str = None
    """ A long description in Markdown. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        key = self.key

        created_at = datetime_to_rfc3339(self.created_at)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "key": key,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"Project: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 5:
            try:
                _1, _2, _3, _4, _5 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (_5 is None or type(_5) is str)
                ):
                    project = object.__new__(cls)
                    project.id = _1
                    project.name = _2
                    project.key = _3
                    project.created_at = fromisoformat(_4)
                    project.description = _5
                    project.additional_properties = {}
                    project._request_id = None
                    return project
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        key = d.pop("key")

        try:
            created_at = datetime_from_rfc3339(d.pop("created_at"))
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"Project.created_at: {error}") from error

        description: None | str | Unset = d.pop("description", UNSET)

        if not isinstance(id, str):
            raise TypeError(f"Project.id: expected str, got {type(id).__name__}")
        if not isinstance(name, str):
            raise TypeError(f"Project.name: expected str, got {type(name).__name__}")
        if not isinstance(key, str):
            raise TypeError(f"Project.key: expected str, got {type(key).__name__}")
        if not isinstance(created_at, datetime.datetime):
            raise TypeError(
                f"Project.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        if not isinstance(description, (str, type(None))) and not isinstance(
            description, Unset
        ):
            raise TypeError(
                f"Project.description: expected (str, None), got {type(description).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        project = object.__new__(cls)
        project.id = id
        project.name = name
        project.key = key
        project.created_at = created_at
        project.description = None if isinstance(description, Unset) else description

        project.additional_properties = d
        project._request_id = None
        return project

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
