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

from ..models.known_issue_priority import KnownIssuePriority
from ..models.known_issue_status import KnownIssueStatus
from ..types import UNSET, Unset, datetime_from_rfc3339, datetime_to_rfc3339, model_repr

_known_fields = itemgetter(
    "id",
    "title",
    "status",
    "priority",
    "project_id",
    "description",
    "assignee_id",
    "created_at",
    "updated_at",
)
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="IssueSummary")


@_attrs_define
class IssueSummary:
    """An issue as a list shows it. A list may leave out `project_id`, `description`,
    `assignee_id`, `created_at` and `updated_at`; `getIssue` returns them all.

    """

    id: str
    """ A UUID in its canonical, hyphenated form. """
    title: str
    """ A one-line summary of an issue. """
    status: KnownIssueStatus | str
    """ Where an issue is in its workflow: `Backlog`, `Todo`, `In Progress`,
    `Done` or `Canceled`, the statuses known when this version of the API was
    published. The enumeration is open (`x-speakeasy-unknown-values: allow`):
    organizations and later API versions may add statuses, which the API
    accepts and returns, so accept any string.
     """
    priority: KnownIssuePriority | str
    """ How urgent an issue is: `urgent`, `high`, `medium`, `low` or `none`, the
    priorities known when this version of the API was published. The
    enumeration is open (`x-speakeasy-unknown-values: allow`): later API
    versions may add values, so accept any string.
     """
    project_id: str | None = None
    """ A UUID in its canonical, hyphenated form. """
    description: None | str = None
    """ A long description in Markdown. """
    assignee_id: None | str = None
    """ A UUID, or null. """
    created_at: datetime.datetime | None = None
    """ An RFC 3339 timestamp in UTC. """
    updated_at: datetime.datetime | None = None
    """ An RFC 3339 timestamp in UTC. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        priority: str
        if isinstance(self.priority, str):
            priority = self.priority
        else:
            priority = self.priority

        _project_id = UNSET if self.project_id is None else self.project_id
        project_id = _project_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        else:
            assignee_id = self.assignee_id

        _created_at = UNSET if self.created_at is None else self.created_at
        created_at: str | Unset = UNSET
        if not isinstance(_created_at, Unset):
            created_at = datetime_to_rfc3339(_created_at)

        _updated_at = UNSET if self.updated_at is None else self.updated_at
        updated_at: str | Unset = UNSET
        if not isinstance(_updated_at, Unset):
            updated_at = datetime_to_rfc3339(_updated_at)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "priority": priority,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if description is not UNSET:
            field_dict["description"] = description
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(
                f"IssueSummary: expected dict, got {type(src_dict).__name__}"
            )
        if len(src_dict) == 9:
            try:
                _1, _2, _3, _4, _5, _6, _7, _8, _9 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                    and (_6 is None or type(_6) is str)
                    and (_7 is None or type(_7) is str)
                    and (type(_8) is str)
                    and (type(_9) is str)
                ):
                    issue_summary = object.__new__(cls)
                    issue_summary.id = _1
                    issue_summary.title = _2
                    issue_summary.status = _3
                    issue_summary.priority = _4
                    issue_summary.project_id = _5
                    issue_summary.description = _6
                    issue_summary.assignee_id = _7
                    issue_summary.created_at = fromisoformat(_8)
                    issue_summary.updated_at = fromisoformat(_9)
                    issue_summary.additional_properties = {}
                    issue_summary._request_id = None
                    return issue_summary
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        status: KnownIssueStatus | str = d.pop("status")

        priority: KnownIssuePriority | str = d.pop("priority")

        project_id = d.pop("project_id", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        assignee_id: None | str | Unset = d.pop("assignee_id", UNSET)

        try:
            _created_at = d.pop("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = datetime_from_rfc3339(_created_at)
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"IssueSummary.created_at: {error}") from error

        try:
            _updated_at = d.pop("updated_at", UNSET)
            updated_at: datetime.datetime | Unset
            if isinstance(_updated_at, Unset):
                updated_at = UNSET
            else:
                updated_at = datetime_from_rfc3339(_updated_at)
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"IssueSummary.updated_at: {error}") from error

        if not isinstance(id, str):
            raise TypeError(f"IssueSummary.id: expected str, got {type(id).__name__}")
        if not isinstance(title, str):
            raise TypeError(
                f"IssueSummary.title: expected str, got {type(title).__name__}"
            )
        if not isinstance(status, str):
            raise TypeError(
                f"IssueSummary.status: expected str, got {type(status).__name__}"
            )
        if not isinstance(priority, str):
            raise TypeError(
                f"IssueSummary.priority: expected str, got {type(priority).__name__}"
            )
        if not isinstance(project_id, str) and not isinstance(project_id, Unset):
            raise TypeError(
                f"IssueSummary.project_id: expected str, got {type(project_id).__name__}"
            )
        if not isinstance(description, (str, type(None))) and not isinstance(
            description, Unset
        ):
            raise TypeError(
                f"IssueSummary.description: expected (str, None), got {type(description).__name__}"
            )
        if not isinstance(assignee_id, (str, type(None))) and not isinstance(
            assignee_id, Unset
        ):
            raise TypeError(
                f"IssueSummary.assignee_id: expected (str, None), got {type(assignee_id).__name__}"
            )
        if not isinstance(created_at, datetime.datetime) and not isinstance(
            created_at, Unset
        ):
            raise TypeError(
                f"IssueSummary.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        if not isinstance(updated_at, datetime.datetime) and not isinstance(
            updated_at, Unset
        ):
            raise TypeError(
                f"IssueSummary.updated_at: expected datetime.datetime, got {type(updated_at).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        issue_summary = object.__new__(cls)
        issue_summary.id = id
        issue_summary.title = title
        issue_summary.status = status
        issue_summary.priority = priority
        issue_summary.project_id = None if isinstance(project_id, Unset) else project_id
        issue_summary.description = (
            None if isinstance(description, Unset) else description
        )
        issue_summary.assignee_id = (
            None if isinstance(assignee_id, Unset) else assignee_id
        )
        issue_summary.created_at = None if isinstance(created_at, Unset) else created_at
        issue_summary.updated_at = None if isinstance(updated_at, Unset) else updated_at

        issue_summary.additional_properties = d
        issue_summary._request_id = None
        return issue_summary

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
