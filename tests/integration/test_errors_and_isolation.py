"""Each error status through the SDK, and no data crossing from one org to another."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import projekt
from projekt import Projekt
from tests.helpers import Sandbox

GLOBEX_KEY = "other@example.com"


@pytest.fixture(scope="module")
def globex(sandbox_process: Sandbox) -> Iterator[Projekt]:
    credentials = sandbox_process.mint(GLOBEX_KEY, "globex")
    with Projekt(
        api_key=credentials["api_key"], org_id=credentials["org_id"], base_url=sandbox_process.url
    ) as client:
        yield client


@pytest.fixture(scope="module")
def acme_issue(sandbox_process: Sandbox) -> str:
    with Projekt(
        api_key=sandbox_process.owner["api_key"],
        org_id=sandbox_process.owner["org_id"],
        base_url=sandbox_process.url,
    ) as c:
        issue = c.issues.create(project_id=sandbox_process.owner["project_id"], title="Acme secret")
        c.comments.create(issue_id=issue.id, body="Acme-only comment")
        return issue.id


def test_an_unknown_token_is_401(sandbox_process: Sandbox) -> None:
    client = Projekt(
        api_key="an-oauth-token-the-sandbox-never-issued", base_url=sandbox_process.url
    )
    with pytest.raises(projekt.AuthenticationError) as caught:
        client.me.get()
    assert caught.value.code == "unauthorized"


def test_a_malformed_org_is_400(owner: Projekt) -> None:
    with pytest.raises(projekt.BadRequestError):
        owner.with_org("not-a-uuid").projects.list().iter_pages().__next__()


def test_an_invalid_field_is_422_naming_it(owner: Projekt, sandbox_process: Sandbox) -> None:
    with pytest.raises(projekt.UnprocessableEntityError) as caught:
        owner.issues.create(project_id=sandbox_process.owner["project_id"], title="two\nlines")
    assert caught.value.code == "validation_failed"
    assert isinstance(caught.value.body, dict)
    assert [d["field"] for d in caught.value.body["error"]["details"]] == ["title"]
    assert [detail.field for detail in caught.value.details] == ["title"]
    message = caught.value.details[0].message
    assert f"[title: {message}]" in str(caught.value)  # what a log line or a traceback shows


def test_a_member_may_not_manage_keys(sandbox_process: Sandbox) -> None:
    member = sandbox_process.mint("member@example.com", "acme")
    client = Projekt(
        api_key=member["api_key"], org_id=member["org_id"], base_url=sandbox_process.url
    )
    assert client.me.get().email == "member@example.com"
    with pytest.raises(projekt.PermissionDeniedError):
        client.api_keys.create(name="not allowed")
    some_key = next(iter(client.api_keys.list()))
    with pytest.raises(projekt.PermissionDeniedError):
        client.api_keys.revoke(some_key.id)


@pytest.fixture(scope="module")
def acme_key(sandbox_process: Sandbox) -> str:
    with Projekt(
        api_key=sandbox_process.owner["api_key"],
        org_id=sandbox_process.owner["org_id"],
        base_url=sandbox_process.url,
    ) as client:
        return client.api_keys.create(name="acme-only key").id


def test_another_orgs_owner_cannot_revoke_an_acme_key(
    globex: Projekt, sandbox_process: Sandbox, acme_key: str
) -> None:
    with pytest.raises(projekt.NotFoundError):
        globex.api_keys.revoke(acme_key)
    with Projekt(
        api_key=sandbox_process.owner["api_key"],
        org_id=sandbox_process.owner["org_id"],
        base_url=sandbox_process.url,
    ) as client:
        key = next(k for k in client.api_keys.list() if k.id == acme_key)
        assert key.revoked_at is None


ORG_SCOPED_CALLS: dict[str, Callable[[Projekt, str, str], Any]] = {
    "issues.list": lambda c, project, issue: list(c.issues.list(project_id=project)),
    "issues.create": lambda c, project, issue: c.issues.create(project_id=project, title="x"),
    "issues.get": lambda c, project, issue: c.issues.get(issue),
    "issues.update": lambda c, project, issue: c.issues.update(issue, title="taken over"),
    "issues.delete": lambda c, project, issue: c.issues.delete(issue),
    "comments.list": lambda c, project, issue: list(c.comments.list(issue_id=issue)),
    "comments.create": lambda c, project, issue: c.comments.create(issue_id=issue, body="x"),
    "projects.get": lambda c, project, issue: c.projects.get(project),
}


@pytest.mark.parametrize("call", ORG_SCOPED_CALLS)
def test_another_orgs_key_cannot_see_or_change_acme_data(
    call: str, globex: Projekt, sandbox_process: Sandbox, acme_issue: str
) -> None:
    with pytest.raises(projekt.NotFoundError):
        ORG_SCOPED_CALLS[call](globex, sandbox_process.owner["project_id"], acme_issue)


ALL_ORG_SCOPED: dict[str, Callable[[Projekt, str, str], Any]] = {
    **ORG_SCOPED_CALLS,
    "projects.list": lambda c, project, issue: list(c.projects.list()),
    "projects.create": lambda c, project, issue: c.projects.create(name="x", key="XX"),
    "api_keys.list": lambda c, project, issue: list(c.api_keys.list()),
    "api_keys.create": lambda c, project, issue: c.api_keys.create(name="x"),
    "api_keys.revoke": lambda c, project, issue: c.api_keys.revoke(issue),
}


@pytest.mark.parametrize("call", ALL_ORG_SCOPED)
def test_naming_another_org_in_x_org_id_is_403(
    call: str, globex: Projekt, sandbox_process: Sandbox, acme_issue: str
) -> None:
    acme_with_globex_header = Projekt(
        api_key=sandbox_process.owner["api_key"],
        org_id=str(globex.org_id),
        base_url=sandbox_process.url,
    )
    with pytest.raises(projekt.PermissionDeniedError) as caught:
        ALL_ORG_SCOPED[call](
            acme_with_globex_header, sandbox_process.owner["project_id"], acme_issue
        )
    assert caught.value.code == "org_forbidden"


def test_lists_never_show_another_orgs_data(globex: Projekt, acme_issue: str) -> None:
    assert [p.key for p in globex.projects.list()] == ["HAM"]
    assert all(k.role == "owner" for k in globex.api_keys.list())
    ham = next(iter(globex.projects.list()))
    assert [i.title for i in globex.issues.list(project_id=ham.id)] == ["Globex-only issue"]
    assert [o.org_slug for o in globex.me.orgs().orgs] == ["globex"]


def test_the_acme_issue_is_untouched_after_the_attempts(
    sandbox_process: Sandbox, acme_issue: str
) -> None:
    with Projekt(
        api_key=sandbox_process.owner["api_key"],
        org_id=sandbox_process.owner["org_id"],
        base_url=sandbox_process.url,
    ) as c:
        assert c.issues.get(acme_issue).title == "Acme secret"
        assert [x.body for x in c.comments.list(issue_id=acme_issue)] == ["Acme-only comment"]


def test_a_spent_window_is_429_with_retry_after(tmp_path: Path) -> None:
    tight = Sandbox(tmp_path / "tight.db", rate_limit="3/60")
    try:
        client = Projekt(
            api_key=tight.owner["api_key"], base_url=tight.url, max_retries=0, throttle=False
        )
        for _ in range(3):
            client.me.get()
        assert client.rate_limit is not None and client.rate_limit.remaining == 0
        with pytest.raises(projekt.RateLimitError) as caught:
            client.me.get()
        assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 60
        assert caught.value.rate_limit.remaining == 0 and caught.value.code == "rate_limited"
    finally:
        tight.stop()


def test_the_throttle_waits_for_the_reset_instead_of_collecting_a_429(tmp_path: Path) -> None:
    tight = Sandbox(tmp_path / "throttled.db", rate_limit="3/1")
    try:
        client = Projekt(api_key=tight.owner["api_key"], base_url=tight.url, max_retries=0)
        for _ in range(7):
            assert client.me.with_raw_response.get().status_code == 200
    finally:
        tight.stop()
