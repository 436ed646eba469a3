# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: fb94440bad9cb9e8f67d1fa11125be66d839a5159205355e500178ae915e75d7
"""msgspec twins of the response models, for the speed extra (`pip install projekt[speed]`).

Imported only by `_speed.py`, and only when msgspec is installed. Each Struct
mirrors one attrs model field for field and refuses unknown fields, so a body
that decodes into it holds exactly what the ordinary path would read:
`to_<model>_list` fills the attrs models from a page of them with nothing left to
check, and `to_<model>` one. Written by
scripts/_speed.py from the generator's view of the spec.
"""

from datetime import datetime

from msgspec import UNSET, Struct, UnsetType

from .models.api_key import ApiKey
from .models.api_key_created import ApiKeyCreated
from .models.comment import Comment
from .models.error_body import ErrorBody
from .models.error_detail import ErrorDetail
from .models.error_envelope import ErrorEnvelope
from .models.issue import Issue
from .models.issue_summary import IssueSummary
from .models.my_orgs import MyOrgs
from .models.org_membership import OrgMembership
from .models.project import Project
from .models.project_ref import ProjectRef
from .models.user import User

fromisoformat = datetime.fromisoformat
new = object.__new__


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


def to_api_key_list(structs: list[ApiKeyStruct]) -> list[ApiKey]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ApiKey] = []
    append = models.append
    for struct in structs:
        model = new(ApiKey)
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
        model._request_id = None
        append(model)
    return models


def to_api_key(struct: ApiKeyStruct) -> ApiKey:
    return to_api_key_list([struct])[0]


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


def to_api_key_created_list(structs: list[ApiKeyCreatedStruct]) -> list[ApiKeyCreated]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ApiKeyCreated] = []
    append = models.append
    for struct in structs:
        model = new(ApiKeyCreated)
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
        model._request_id = None
        append(model)
    return models


def to_api_key_created(struct: ApiKeyCreatedStruct) -> ApiKeyCreated:
    return to_api_key_created_list([struct])[0]


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


def to_comment_list(structs: list[CommentStruct]) -> list[Comment]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[Comment] = []
    append = models.append
    for struct in structs:
        model = new(Comment)
        model.id = struct.id
        model.issue_id = struct.issue_id
        model.author_id = struct.author_id
        model.body = struct.body
        value = struct.created_at
        model.created_at = fromisoformat(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_comment(struct: CommentStruct) -> Comment:
    return to_comment_list([struct])[0]


class ErrorDetailStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    field: str
    message: str


def to_error_detail_list(structs: list[ErrorDetailStruct]) -> list[ErrorDetail]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ErrorDetail] = []
    append = models.append
    for struct in structs:
        model = new(ErrorDetail)
        model.field = struct.field
        model.message = struct.message
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_error_detail(struct: ErrorDetailStruct) -> ErrorDetail:
    return to_error_detail_list([struct])[0]


class ErrorBodyStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    code: str
    message: str
    request_id: str
    details: list[ErrorDetailStruct] | UnsetType = UNSET


def to_error_body_list(structs: list[ErrorBodyStruct]) -> list[ErrorBody]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ErrorBody] = []
    append = models.append
    for struct in structs:
        model = new(ErrorBody)
        model.code = struct.code
        model.message = struct.message
        model.request_id = struct.request_id
        value = struct.details
        model.details = None if value is UNSET else to_error_detail_list(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_error_body(struct: ErrorBodyStruct) -> ErrorBody:
    return to_error_body_list([struct])[0]


class ErrorEnvelopeStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    error: ErrorBodyStruct


def to_error_envelope_list(structs: list[ErrorEnvelopeStruct]) -> list[ErrorEnvelope]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ErrorEnvelope] = []
    append = models.append
    for struct in structs:
        model = new(ErrorEnvelope)
        value = struct.error
        model.error = to_error_body(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_error_envelope(struct: ErrorEnvelopeStruct) -> ErrorEnvelope:
    return to_error_envelope_list([struct])[0]


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
    description: str | None = None
    assignee_id: str | None = None
    updated_at: str | None = None


def to_issue_list(structs: list[IssueStruct]) -> list[Issue]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[Issue] = []
    append = models.append
    for struct in structs:
        model = new(Issue)
        model.id = struct.id
        model.project_id = struct.project_id
        model.title = struct.title
        model.status = struct.status
        model.priority = struct.priority
        value = struct.created_at
        model.created_at = fromisoformat(value)
        model.description = struct.description
        model.assignee_id = struct.assignee_id
        value = struct.updated_at
        model.updated_at = None if value is None else fromisoformat(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_issue(struct: IssueStruct) -> Issue:
    return to_issue_list([struct])[0]


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
    description: str | None = None
    assignee_id: str | None = None
    created_at: str | UnsetType = UNSET
    updated_at: str | UnsetType = UNSET


def to_issue_summary_list(structs: list[IssueSummaryStruct]) -> list[IssueSummary]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[IssueSummary] = []
    append = models.append
    for struct in structs:
        model = new(IssueSummary)
        model.id = struct.id
        model.title = struct.title
        model.status = struct.status
        model.priority = struct.priority
        value = struct.project_id
        model.project_id = None if value is UNSET else value
        model.description = struct.description
        model.assignee_id = struct.assignee_id
        value = struct.created_at
        model.created_at = None if value is UNSET else fromisoformat(value)
        value = struct.updated_at
        model.updated_at = None if value is UNSET else fromisoformat(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_issue_summary(struct: IssueSummaryStruct) -> IssueSummary:
    return to_issue_summary_list([struct])[0]


class ProjectRefStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    key: str


def to_project_ref_list(structs: list[ProjectRefStruct]) -> list[ProjectRef]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[ProjectRef] = []
    append = models.append
    for struct in structs:
        model = new(ProjectRef)
        model.id = struct.id
        model.name = struct.name
        model.key = struct.key
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_project_ref(struct: ProjectRefStruct) -> ProjectRef:
    return to_project_ref_list([struct])[0]


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


def to_org_membership_list(structs: list[OrgMembershipStruct]) -> list[OrgMembership]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[OrgMembership] = []
    append = models.append
    for struct in structs:
        model = new(OrgMembership)
        model.employee_id = struct.employee_id
        model.org_id = struct.org_id
        model.org_name = struct.org_name
        model.org_slug = struct.org_slug
        model.role = struct.role
        value = struct.projects
        model.projects = to_project_ref_list(value)
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_org_membership(struct: OrgMembershipStruct) -> OrgMembership:
    return to_org_membership_list([struct])[0]


class MyOrgsStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    orgs: list[OrgMembershipStruct]
    count: int


def to_my_orgs_list(structs: list[MyOrgsStruct]) -> list[MyOrgs]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[MyOrgs] = []
    append = models.append
    for struct in structs:
        model = new(MyOrgs)
        value = struct.orgs
        model.orgs = to_org_membership_list(value)
        model.count = struct.count
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_my_orgs(struct: MyOrgsStruct) -> MyOrgs:
    return to_my_orgs_list([struct])[0]


class ProjectStruct(
    Struct,
    forbid_unknown_fields=True,
    gc=False,
):
    id: str
    name: str
    key: str
    created_at: str
    description: str | None = None


def to_project_list(structs: list[ProjectStruct]) -> list[Project]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[Project] = []
    append = models.append
    for struct in structs:
        model = new(Project)
        model.id = struct.id
        model.name = struct.name
        model.key = struct.key
        value = struct.created_at
        model.created_at = fromisoformat(value)
        model.description = struct.description
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_project(struct: ProjectStruct) -> Project:
    return to_project_list([struct])[0]


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


def to_user_list(structs: list[UserStruct]) -> list[User]:
    # One loop for a whole page: a function call per item costs more than its fields.
    models: list[User] = []
    append = models.append
    for struct in structs:
        model = new(User)
        model.id = struct.id
        model.email = struct.email
        model.name = struct.name
        model.username = struct.username
        model.locale = struct.locale
        model.additional_properties = {}
        model._request_id = None
        append(model)
    return models


def to_user(struct: UserStruct) -> User:
    return to_user_list([struct])[0]


TWINS = {
    ApiKey: (ApiKeyStruct, to_api_key, to_api_key_list),
    ApiKeyCreated: (ApiKeyCreatedStruct, to_api_key_created, to_api_key_created_list),
    Comment: (CommentStruct, to_comment, to_comment_list),
    ErrorDetail: (ErrorDetailStruct, to_error_detail, to_error_detail_list),
    ErrorBody: (ErrorBodyStruct, to_error_body, to_error_body_list),
    ErrorEnvelope: (ErrorEnvelopeStruct, to_error_envelope, to_error_envelope_list),
    Issue: (IssueStruct, to_issue, to_issue_list),
    IssueSummary: (IssueSummaryStruct, to_issue_summary, to_issue_summary_list),
    ProjectRef: (ProjectRefStruct, to_project_ref, to_project_ref_list),
    OrgMembership: (OrgMembershipStruct, to_org_membership, to_org_membership_list),
    MyOrgs: (MyOrgsStruct, to_my_orgs, to_my_orgs_list),
    Project: (ProjectStruct, to_project, to_project_list),
    User: (UserStruct, to_user, to_user_list),
}
