"""A 2xx body reads the same with the speed extra (msgspec) as without it.

Each body goes through the SDK twice, once per path; both must return equal
models of the same types, or both raise APIResponseValidationError. The fast
paths (the msgspec twin, and from_dict's common case) are checked to have been
taken where they should, so this cannot pass by both runs taking the slow path.
Either way, the model an answer carried knows that answer's request id.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import projekt
from projekt._api import _speed
from projekt._api.models.issue import Issue
from projekt._api.models.issue_create import IssueCreate
from projekt._api.models.my_orgs import MyOrgs
from projekt_sandbox.testing import ProjektSandbox
from tests import quickstart
from tests.helpers import ORG_ID, PROJECT_ID, TOKEN, issue_json, shape

FULL = issue_json(
    description="**Markdown**",
    assignee_id="ad8c5e1f-3b2a-4c7d-9e0f-1a2b3c4d5e6f",
    created_at="2026-05-28T09:14:02.123456+02:00",
    updated_at="2026-05-28T09:14:02.123456789Z",
)
ORGS = {
    "count": 1,
    "orgs": [
        {
            "employee_id": "e1",
            "org_id": ORG_ID,
            "org_name": "Acme",
            "org_slug": "acme",
            "role": "a role from a later API version",
            "projects": [{"id": PROJECT_ID, "name": "Web", "key": "WEB"}],
        }
    ],
}
KEY = {
    "id": "k",
    "name": "CI",
    "token_prefix": "pjk_live_AbCd",
    "role": "admin",
    "created_at": "2026-05-28T09:14:02Z",
    "last_used_at": None,
    "revoked_at": "2026-06-01T00:00:00+00:00",
}


def text(value: Any) -> bytes:
    return json.dumps(value).encode()


# (operation, body, whether the msgspec twin should take it)
BODIES = [
    # The quickstart's own bodies, as the seed file shows them.
    ("me.get", text(quickstart.with_ids(quickstart.ME)), True),
    ("me.orgs", text(quickstart.with_ids(quickstart.ORGS)), True),
    ("issues.list", text(quickstart.with_ids(quickstart.ISSUES)), True),
    ("issues.get", text(quickstart.with_ids(quickstart.CREATED)), True),
    ("issues.list", text([FULL, FULL]), True),
    ("issues.list", text([issue_json()]), True),  # optional fields left out
    ("issues.list", text([]), True),
    ("issues.get", text({**FULL, "description": None, "assignee_id": None}), True),
    ("issues.get", text({**FULL, "status": "Blocked by legal"}), True),  # open enum
    ("me.orgs", text(ORGS), True),
    ("api_keys.list", text([KEY]), True),
    ("issues.get", text({**FULL, "labels": ["a"]}), False),  # an unknown field is kept
    ("issues.get", text({**FULL, "project_id": None}), False),  # null where not nullable
    ("issues.get", text({**FULL, "title": 7}), False),
    ("issues.get", text({**FULL, "created_at": "yesterday"}), False),
    ("issues.get", text({**FULL, "created_at": "2026-05-28T23:59:60Z"}), False),
    ("issues.get", text({**FULL, "created_at": "2026-05-28t09:14:02.5z"}), False),  # RFC 3339
    ("issues.get", text({**FULL, "updated_at": 1780000000}), False),
    (
        "issues.list",
        b'[{"id": "i", "id": "j", "title": "t", "status": "s", "priority": "p"}]',
        True,
    ),
    ("issues.list", b'[{"id": "\\ud800", "title": "t", "status": "s", "priority": "p"}]', False),
    ("issues.get", b"\xef\xbb\xbf" + text(FULL), False),  # a BOM: json reads it, msgspec not
    ("issues.get", text({**FULL, "extra": 10**30}), False),
    (
        "issues.list",
        b'[{"id": "i", "title": "t", "status": "s", "priority": "p", "x": NaN}]',
        False,
    ),
    ("issues.get", b'{"id": "i", "title": ', False),
    ("issues.get", b"<html>maintenance</html>", False),
    ("me.orgs", text({**ORGS, "count": True}), False),
    ("me.orgs", text({**ORGS, "orgs": [{**ORGS["orgs"][0], "projects": [{"id": 1}]}]}), False),
    ("api_keys.list", text([{**KEY, "last_used_at": "not a date"}]), False),
]


def call(operation: str, body: bytes) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json", "X-Request-Id": "req_dec1"}
        return httpx.Response(200, headers=headers, content=body)

    client = projekt.Projekt(
        api_key=TOKEN,
        org_id=ORG_ID,
        base_url="https://api.test",
        transport=httpx.MockTransport(answer),
    )
    namespace, method = operation.split(".")
    target: Callable[..., Any] = getattr(getattr(client, namespace), method)
    try:
        if method == "list":
            return list(target(project_id=PROJECT_ID) if namespace == "issues" else target())
        return target("i") if namespace == "issues" else target()
    except projekt.APIResponseValidationError as error:
        assert (error.status_code, error.request_id) == (200, "req_dec1")
        return "APIResponseValidationError"


@pytest.mark.parametrize(("operation", "body", "twin_takes_it"), BODIES)
def test_a_body_reads_the_same_with_and_without_the_speed_extra(
    operation: str, body: bytes, twin_takes_it: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _speed.speed_extra() == "msgspec"  # installed by the pinned dev requirements
    taken: list[bool] = []
    decode = _speed.decode

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = decode(*args, **kwargs)
        taken.append(result is not None)
        return result

    monkeypatch.setattr(_speed, "decode", spy)
    for module in ("list_issues", "get_issue"):
        monkeypatch.setattr(f"projekt._api.api.issues.{module}.decode", spy)
    monkeypatch.setattr("projekt._api.api.me.list_my_orgs.decode", spy)
    monkeypatch.setattr("projekt._api.api.me.get_me.decode", spy)
    monkeypatch.setattr("projekt._api.api.api_keys.list_api_keys.decode", spy)
    fast = call(operation, body)
    assert taken == [twin_takes_it]

    monkeypatch.setattr(_speed, "_twins", None)
    monkeypatch.setattr(_speed, "_missing", True)
    plain = call(operation, body)
    assert shape(fast) == shape(plain)


def test_from_dicts_common_case_builds_what_the_careful_path_builds() -> None:
    common = Issue.from_dict(FULL)
    careful = Issue.from_dict({**FULL, "labels": ["a"]})  # one unknown key: the careful path
    assert careful.additional_properties == {"labels": ["a"]}
    careful.additional_properties = {}
    assert shape(common) == shape(careful)
    assert common._request_id is None and careful._request_id is None  # each path sets it
    assert common.created_at is not None and common.created_at.utcoffset() is not None
    orgs = MyOrgs.from_dict(ORGS)
    assert orgs.orgs[0].projects[0].key == "WEB" and orgs.orgs[0].role == ORGS["orgs"][0]["role"]


@pytest.mark.parametrize(
    "bad", [{**FULL, "title": 7}, {**FULL, "created_at": "yesterday"}, {**FULL, "id": None}]
)
def test_from_dict_raises_the_careful_paths_error_for_a_bad_body(bad: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)) as caught:
        Issue.from_dict(bad)
    assert "Issue." in str(caught.value) or "isoformat" in str(caught.value)


def test_a_models_repr_shows_additional_properties_only_when_the_answer_had_some() -> None:
    """Every model has `additional_properties`; printed empty, at the end of each model and
    of each nested one, it told nothing. A field the spec does not know yet still shows."""
    orgs = repr(call("me.orgs", text(ORGS)))
    assert "additional_properties" not in orgs
    assert "ProjectRef(id='3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b', name='Web', key='WEB')" in orgs
    labelled = repr(call("issues.get", text({**FULL, "labels": ["a"]})))
    assert labelled.endswith(", additional_properties={'labels': ['a']})")
    assert labelled.startswith("Issue(id=")


def test_a_model_an_answer_carried_knows_its_request_id(
    sandbox_client: Any, projekt_sandbox: ProjektSandbox, decoding: str
) -> None:
    """openai-python's `_request_id`: support finds a request by its answer's id, which a
    call that succeeded gave only through `with_raw_response`."""
    client = sandbox_client
    created = client.issues.create(project_id=projekt_sandbox.project_id, title="Traced")
    fetched = client.issues.get(created.id)
    orgs = client.me.orgs()
    ids = [created._request_id, fetched._request_id, orgs._request_id]
    assert all(str(each).startswith("req_") for each in ids) and len(set(ids)) == 3
    raw = client.issues.with_raw_response.get(created.id)
    assert raw.parse()._request_id == raw.request_id
    # It is not the issue's data: not printed, compared, sent back, nor lost in a pickle.
    rebuilt = Issue.from_dict(fetched.to_dict())
    assert rebuilt == fetched and rebuilt._request_id is None
    assert "_request_id" not in fetched.to_dict() and "req_" not in repr(fetched)
    assert pickle.loads(pickle.dumps(fetched))._request_id == fetched._request_id
    # A model inside an answer, an item of a list and a model you build have none.
    first = next(iter(client.issues.list(project_id=projekt_sandbox.project_id, limit=1)))
    assert orgs.orgs[0]._request_id is None and first._request_id is None
    assert IssueCreate(project_id=projekt_sandbox.project_id, title="x")._request_id is None


def test_a_model_writes_itself_as_the_json_the_api_sent(
    sandbox_client: Any, projekt_sandbox: ProjektSandbox, decoding: str
) -> None:
    """openai-python's `to_json()`: a model logged, stored or handed to another program as
    the JSON it was read from, its text as written (not escaped to ASCII)."""
    title = "Café ✓ “quoted”"
    raw = sandbox_client.issues.with_raw_response.create(
        project_id=projekt_sandbox.project_id, title=title
    )
    issue, orgs = raw.parse(), sandbox_client.me.orgs()
    assert json.loads(issue.to_json()) == raw.http_response.json()
    assert Issue.from_dict(json.loads(issue.to_json())) == issue
    assert MyOrgs.from_dict(json.loads(orgs.to_json())) == orgs
    one_line = issue.to_json(indent=None)
    assert f'"title": "{title}"' in one_line and "\n" not in one_line
    assert issue.to_json().startswith('{\n  "id": ')
