# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
from __future__ import annotations

import json
from collections.abc import Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.org_membership import OrgMembership


_known_fields = itemgetter("orgs", "count")

T = TypeVar("T", bound="MyOrgs")


@_attrs_define
class MyOrgs:
    """The organizations of the current user."""

    orgs: list[OrgMembership]
    """ One entry per organization the user belongs to. """
    count: int
    """ The number of entries in `orgs`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        orgs = []
        for orgs_item_data in self.orgs:
            orgs_item = orgs_item_data.to_dict()
            orgs.append(orgs_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "orgs": orgs,
                "count": count,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.org_membership import OrgMembership

        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"MyOrgs: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 2:
            try:
                _1, _2 = _known_fields(src_dict)
                if (type(_1) is list) and (type(_2) is int):
                    my_orgs = object.__new__(cls)
                    my_orgs.orgs = [OrgMembership.from_dict(_1) for _1 in _1]
                    my_orgs.count = _2
                    my_orgs.additional_properties = {}
                    my_orgs._request_id = None
                    return my_orgs
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        orgs = []
        _orgs = d.pop("orgs")
        if not isinstance(_orgs, list):
            raise TypeError(f"MyOrgs.orgs: expected list, got {type(_orgs).__name__}")
        for orgs_item_data in _orgs:
            orgs_item = OrgMembership.from_dict(orgs_item_data)

            orgs.append(orgs_item)

        count = d.pop("count")

        if not isinstance(orgs, list):
            raise TypeError(f"MyOrgs.orgs: expected list, got {type(orgs).__name__}")
        if isinstance(count, float) and count.is_integer():
            count = int(count)  # JSON Schema's integer
        elif isinstance(count, bool):
            raise TypeError("MyOrgs.count: expected int, got bool")
        if not isinstance(count, int):
            raise TypeError(f"MyOrgs.count: expected int, got {type(count).__name__}")
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        my_orgs = object.__new__(cls)
        my_orgs.orgs = orgs
        my_orgs.count = count

        my_orgs.additional_properties = d
        my_orgs._request_id = None
        return my_orgs

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
