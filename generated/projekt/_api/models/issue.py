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

from ..models.known_issue_priority import KnownIssuePriority
from ..models.known_issue_status import KnownIssueStatus
from ..types import UNSET, Unset, datetime_from_rfc3339, datetime_to_rfc3339, model_repr

_known_fields = itemgetter(
    "id",
    "project_id",
    "title",
    "status",
    "priority",
    "created_at",
    "description",
    "assignee_id",
    "updated_at",
)
fromisoformat = datetime.datetime.fromisoformat

T = TypeVar("T", bound="Issue")


@_attrs_define
class Issue:
    """One issue, as `getIssue`, `createIssue` and `updateIssue` return it.

    Known: the quickstart's `createIssue` answer carries `id`, `title`, `status`,
    `priority`, `project_id` and `created_at`, so those are required. It leaves out
    `description` (although the request sent one), `assignee_id` and `updated_at`,
    so a server may too: they are optional. Inferred: `description` and
    `assignee_id` are null when empty, and `updated_at` may be null for an issue
    that never changed.

    """

    id: str
    """ A UUID in its canonical, hyphenated form. """
    project_id: str
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
    created_at: datetime.datetime
    """ An RFC 3339 timestamp in UTC. """
    description: None | str = None
    """ A long description in Markdown. """
    assignee_id: None | str = None
    """ A UUID, or null. """
    updated_at: datetime.datetime | None = None
    """ An RFC 3339 timestamp in UTC, or null. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _request_id: str | None = _attrs_field(
        init=False, default=None, repr=False, eq=False
    )
    """ The request id of the answer this model came in (X-Request-Id), for support to find
    that request; None for a model you built, or one inside another. """

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        project_id = self.project_id

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

        created_at = datetime_to_rfc3339(self.created_at)

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

        _updated_at = UNSET if self.updated_at is None else self.updated_at
        updated_at: None | str | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        elif isinstance(_updated_at, datetime.datetime):
            updated_at = datetime_to_rfc3339(_updated_at)
        else:
            updated_at = _updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "title": title,
                "status": status,
                "priority": priority,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """This model as JSON, as the API sends it (`to_dict()`); `indent=None`: one line."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if not isinstance(src_dict, (dict, Mapping)):
            raise TypeError(f"Issue: expected dict, got {type(src_dict).__name__}")
        if len(src_dict) == 9:
            try:
                _1, _2, _3, _4, _5, _6, _7, _8, _9 = _known_fields(src_dict)
                if (
                    (type(_1) is str)
                    and (type(_2) is str)
                    and (type(_3) is str)
                    and (type(_4) is str)
                    and (type(_5) is str)
                    and (type(_6) is str)
                    and (_7 is None or type(_7) is str)
                    and (_8 is None or type(_8) is str)
                    and (_9 is None or type(_9) is str)
                ):
                    issue = object.__new__(cls)
                    issue.id = _1
                    issue.project_id = _2
                    issue.title = _3
                    issue.status = _4
                    issue.priority = _5
                    issue.created_at = fromisoformat(_6)
                    issue.description = _7
                    issue.assignee_id = _8
                    issue.updated_at = None if _9 is None else fromisoformat(_9)
                    issue.additional_properties = {}
                    issue._request_id = None
                    return issue
            except (KeyError, TypeError, ValueError):
                pass  # the careful path below says what is wrong, as it always has
        d = dict(src_dict)
        id = d.pop("id")

        project_id = d.pop("project_id")

        title = d.pop("title")

        status: KnownIssueStatus | str = d.pop("status")

        priority: KnownIssuePriority | str = d.pop("priority")

        try:
            created_at = datetime_from_rfc3339(d.pop("created_at"))
        except (TypeError, ValueError) as error:  # fromisoformat's words name no field
            raise type(error)(f"Issue.created_at: {error}") from error

        description: None | str | Unset = d.pop("description", UNSET)

        assignee_id: None | str | Unset = d.pop("assignee_id", UNSET)

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        if not isinstance(id, str):
            raise TypeError(f"Issue.id: expected str, got {type(id).__name__}")
        if not isinstance(project_id, str):
            raise TypeError(
                f"Issue.project_id: expected str, got {type(project_id).__name__}"
            )
        if not isinstance(title, str):
            raise TypeError(f"Issue.title: expected str, got {type(title).__name__}")
        if not isinstance(status, str):
            raise TypeError(f"Issue.status: expected str, got {type(status).__name__}")
        if not isinstance(priority, str):
            raise TypeError(
                f"Issue.priority: expected str, got {type(priority).__name__}"
            )
        if not isinstance(created_at, datetime.datetime):
            raise TypeError(
                f"Issue.created_at: expected datetime.datetime, got {type(created_at).__name__}"
            )
        if not isinstance(description, (str, type(None))) and not isinstance(
            description, Unset
        ):
            raise TypeError(
                f"Issue.description: expected (str, None), got {type(description).__name__}"
            )
        if not isinstance(assignee_id, (str, type(None))) and not isinstance(
            assignee_id, Unset
        ):
            raise TypeError(
                f"Issue.assignee_id: expected (str, None), got {type(assignee_id).__name__}"
            )
        if not isinstance(
            updated_at, (datetime.datetime, type(None))
        ) and not isinstance(updated_at, Unset):
            raise TypeError(
                f"Issue.updated_at: expected (datetime.datetime, None), got {type(updated_at).__name__}"
            )
        # Slot assignment instead of cls(...): the same object, built without the
        # generic __init__, which is the larger part of parsing a response.
        issue = object.__new__(cls)
        issue.id = id
        issue.project_id = project_id
        issue.title = title
        issue.status = status
        issue.priority = priority
        issue.created_at = created_at
        issue.description = None if isinstance(description, Unset) else description
        issue.assignee_id = None if isinstance(assignee_id, Unset) else assignee_id
        issue.updated_at = None if isinstance(updated_at, Unset) else updated_at

        issue.additional_properties = d
        issue._request_id = None
        return issue

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
