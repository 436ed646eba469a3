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

from ..types import datetime_from_rfc3339, datetime_to_rfc3339, model_repr

_known_fields = itemgetter("id", "issue_id", "author_id", "body", "created_at")
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="Comment")


@_attrs_define
class Comment:
    """A comment on an issue."""

    id: str
    """ A UUID in its canonical, hyphenated form. """
    issue_id: str
    """ A UUID in its canonical, hyphenated form. """
    author_id: str
    """ A UUID in its canonical, hyphenated form. """
    body: str
    """ The text of a comment, in Markdown. """
    created_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        issue_id = self.issue_id

        author_id = self.author_id

        body = self.body

        created_at = datetime_to_rfc3339(self.created_at)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "issue_id": issue_id,
                "author_id": author_id,
                "body": body,
                "created_at": created_at,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"Comment: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 5:
            try:
                _1, _2, _3, _4, _5 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                ):
                    comment = object.__new__(cls)
                    comment.id = _1
                    comment.issue_id = _2
                    comment.author_id = _3
                    comment.body = _4
                    comment.created_at = fromisoformat(_5)
                    comment.additional_properties = {}
                    comment._request_id = None
                    return comment
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        issue_id = d.pop("issue_id")

        author_id = d.pop("author_id")

        body = d.pop("body")

        try:
            created_at = datetime_from_rfc3339(d.pop("created_at"))
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"Comment.created_at: {error}") from error

        if not isinstance(id, str):
            raise TypeError(f"Comment.id: expected str, got {type(id).__name__}")
        if not isinstance(issue_id, str):
            raise TypeError(
                f"Comment.issue_id: expected str, got {type(issue_id).__name__}"
            )
        if not isinstance(author_id, str):
            raise TypeError(
                f"Comment.author_id: expected str, got {type(author_id).__name__}"
            )
        if not isinstance(body, str):
            raise TypeError(f"Comment.body: expected str, got {type(body).__name__}")
        if not isinstance(created_at, datetime.datetime):
            raise TypeError(
                f"Comment.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        comment = object.__new__(cls)
        comment.id = id
        comment.issue_id = issue_id
        comment.author_id = author_id
        comment.body = body
        comment.created_at = created_at

        comment.additional_properties = d
        comment._request_id = None
        return comment

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
