# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: e845b168e15aa55816e6dda2073db496913b40611e3cfece8a6a8ac39ac76389
"""msgspec twins of the response models, for the speed extra (`pip install projekt[speed]`).

Imported only by `_speed.py`, and only when msgspec is installed. Each Struct
mirrors one attrs model field for field and refuses unknown fields, so a body
that decodes into it holds exactly what the ordinary path would read: `to_<model>`
fills the attrs model from it with nothing left to check. Written by
scripts/_speed.py from the generator's view of the spec.
"""

from datetime import datetime

from msgspec import UNSET, Struct, UnsetType

from .models.api_key import ApiKey
from .models.api_key_created import ApiKeyCreated
from .models.comment import Comment
from .models.error import Error
from .models.error_body import ErrorBody
from .models.error_detail import ErrorDetail
from .models.issue import Issue
from .models.issue_summary import IssueSummary
from .models.my_orgs import MyOrgs
from .models.org_membership import OrgMembership
from .models.project import Project
from .models.project_ref import ProjectRef
from .models.user import User

fromisoformat = datetime.fromisoformat


class ApiKeyStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    token_prefix: str
    role: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None


def to_api_key(struct: ApiKeyStruct) -> ApiKey:
    model = object.__new__(ApiKey)
    model.id = struct.id
    model.name = struct.name
    model.token_prefix = struct.token_prefix
    model.role = struct.role
    value = struct.created_at
    model.created_at = fromisoformat(value)
    value = struct.last_used_at
    model.last_used_at = None if value is None else fromisoformat(value)
    value = struct.revoked_at
    model.revoked_at = None if value is None else fromisoformat(value)
    model.additional_properties = {}
    return model


class ApiKeyCreatedStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    token_prefix: str
    role: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None
    token: str


def to_api_key_created(struct: ApiKeyCreatedStruct) -> ApiKeyCreated:
    model = object.__new__(ApiKeyCreated)
    model.id = struct.id
    model.name = struct.name
    model.token_prefix = struct.token_prefix
    model.role = struct.role
    value = struct.created_at
    model.created_at = fromisoformat(value)
    value = struct.last_used_at
    model.last_used_at = None if value is None else fromisoformat(value)
    value = struct.revoked_at
    model.revoked_at = None if value is None else fromisoformat(value)
    model.token = struct.token
    model.additional_properties = {}
    return model


class CommentStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    issue_id: str
    author_id: str
    body: str
    created_at: str


def to_comment(struct: CommentStruct) -> Comment:
    model = object.__new__(Comment)
    model.id = struct.id
    model.issue_id = struct.issue_id
    model.author_id = struct.author_id
    model.body = struct.body
    value = struct.created_at
    model.created_at = fromisoformat(value)
    model.additional_properties = {}
    return model


class ErrorDetailStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    field: str
    message: str


def to_error_detail(struct: ErrorDetailStruct) -> ErrorDetail:
    model = object.__new__(ErrorDetail)
    model.field = struct.field
    model.message = struct.message
    model.additional_properties = {}
    return model


class ErrorBodyStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    code: str
    message: str
    request_id: str
    details: list[ErrorDetailStruct] | UnsetType = UNSET


def to_error_body(struct: ErrorBodyStruct) -> ErrorBody:
    model = object.__new__(ErrorBody)
    model.code = struct.code
    model.message = struct.message
    model.request_id = struct.request_id
    value = struct.details
    model.details = (
        None if value is UNSET else [to_error_detail(value) for value in value]
    )
    model.additional_properties = {}
    return model


class ErrorStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    error: ErrorBodyStruct


def to_error(struct: ErrorStruct) -> Error:
    model = object.__new__(Error)
    value = struct.error
    model.error = to_error_body(value)
    model.additional_properties = {}
    return model


class IssueStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    project_id: str
    title: str
    status: str
    priority: str
    created_at: str
    description: str | None | UnsetType = UNSET
    assignee_id: str | None | UnsetType = UNSET
    updated_at: str | None | UnsetType = UNSET


def to_issue(struct: IssueStruct) -> Issue:
    model = object.__new__(Issue)
    model.id = struct.id
    model.project_id = struct.project_id
    model.title = struct.title
    model.status = struct.status
    model.priority = struct.priority
    value = struct.created_at
    model.created_at = fromisoformat(value)
    value = struct.description
    model.description = None if value is UNSET else value
    value = struct.assignee_id
    model.assignee_id = None if value is UNSET else value
    value = struct.updated_at
    model.updated_at = (
        None if value is UNSET else None if value is None else fromisoformat(value)
    )
    model.additional_properties = {}
    return model


class IssueSummaryStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    title: str
    status: str
    priority: str
    project_id: str | UnsetType = UNSET
    description: str | None | UnsetType = UNSET
    assignee_id: str | None | UnsetType = UNSET
    created_at: str | UnsetType = UNSET
    updated_at: str | UnsetType = UNSET


def to_issue_summary(struct: IssueSummaryStruct) -> IssueSummary:
    model = object.__new__(IssueSummary)
    model.id = struct.id
    model.title = struct.title
    model.status = struct.status
    model.priority = struct.priority
    value = struct.project_id
    model.project_id = None if value is UNSET else value
    value = struct.description
    model.description = None if value is UNSET else value
    value = struct.assignee_id
    model.assignee_id = None if value is UNSET else value
    value = struct.created_at
    model.created_at = None if value is UNSET else fromisoformat(value)
    value = struct.updated_at
    model.updated_at = None if value is UNSET else fromisoformat(value)
    model.additional_properties = {}
    return model


class ProjectRefStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    key: str


def to_project_ref(struct: ProjectRefStruct) -> ProjectRef:
    model = object.__new__(ProjectRef)
    model.id = struct.id
    model.name = struct.name
    model.key = struct.key
    model.additional_properties = {}
    return model


class OrgMembershipStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    employee_id: str
    org_id: str
    org_name: str
    org_slug: str
    role: str
    projects: list[ProjectRefStruct]


def to_org_membership(struct: OrgMembershipStruct) -> OrgMembership:
    model = object.__new__(OrgMembership)
    model.employee_id = struct.employee_id
    model.org_id = struct.org_id
    model.org_name = struct.org_name
    model.org_slug = struct.org_slug
    model.role = struct.role
    value = struct.projects
    model.projects = [to_project_ref(value) for value in value]
    model.additional_properties = {}
    return model


class MyOrgsStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    orgs: list[OrgMembershipStruct]
    count: int


def to_my_orgs(struct: MyOrgsStruct) -> MyOrgs:
    model = object.__new__(MyOrgs)
    value = struct.orgs
    model.orgs = [to_org_membership(value) for value in value]
    model.count = struct.count
    model.additional_properties = {}
    return model


class ProjectStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    key: str
    created_at: str
    description: str | None | UnsetType = UNSET


def to_project(struct: ProjectStruct) -> Project:
    model = object.__new__(Project)
    model.id = struct.id
    model.name = struct.name
    model.key = struct.key
    value = struct.created_at
    model.created_at = fromisoformat(value)
    value = struct.description
    model.description = None if value is UNSET else value
    model.additional_properties = {}
    return model


class UserStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    email: str
    name: str
    username: str
    locale: str


def to_user(struct: UserStruct) -> User:
    model = object.__new__(User)
    model.id = struct.id
    model.email = struct.email
    model.name = struct.name
    model.username = struct.username
    model.locale = struct.locale
    model.additional_properties = {}
    return model


TWINS = {
    ApiKey: (ApiKeyStruct, to_api_key),
    ApiKeyCreated: (ApiKeyCreatedStruct, to_api_key_created),
    Comment: (CommentStruct, to_comment),
    ErrorDetail: (ErrorDetailStruct, to_error_detail),
    ErrorBody: (ErrorBodyStruct, to_error_body),
    Error: (ErrorStruct, to_error),
    Issue: (IssueStruct, to_issue),
    IssueSummary: (IssueSummaryStruct, to_issue_summary),
    ProjectRef: (ProjectRefStruct, to_project_ref),
    OrgMembership: (OrgMembershipStruct, to_org_membership),
    MyOrgs: (MyOrgsStruct, to_my_orgs),
    Project: (ProjectStruct, to_project),
    User: (UserStruct, to_user),
}
