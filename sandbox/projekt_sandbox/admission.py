"""Who is calling: the bearer token, and the organization named by X-Org-Id."""

from __future__ import annotations

from starlette.requests import Request

from .operations import ApiError
from .schemas import Schemas
from .store import Caller, Store

__all__ = ["authenticate", "org_of"]

ORG_HEADER = "x-org-id"


def authenticate(store: Store, request: Request) -> Caller | None:
    """The caller the request's bearer token belongs to; None when there is none."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return store.authenticate(token.strip())


def org_of(request: Request, caller: Caller, schemas: Schemas) -> str:
    """The organization the request acts in, once it is the one the token is bound to."""
    raw = request.headers.get(ORG_HEADER)
    if not raw:
        raise ApiError(400, "org_required", "This operation needs the X-Org-Id header.")
    if not schemas.is_uuid(raw):
        raise ApiError(400, "bad_request", "X-Org-Id must be an organization id (a UUID).")
    if raw.lower() != caller.org_id:
        raise ApiError(403, "org_forbidden", "This token is not bound to that organization.")
    return caller.org_id
