"""Reaching what the spec does not describe yet, against the sandbox, sync and async:
per-call extras on every generated method, and `client.get/post/...` for paths off the
spec, each with the client's auth, org header, retries, throttle and Idempotency-Key."""

from __future__ import annotations

import asyncio
import datetime
import decimal
import enum
import platform
import uuid
from typing import Any

import httpx
import pytest

import projekt
from projekt._runtime.calls.undocumented import spec_template
from projekt.models import Issue, IssueCreate, IssueSummary
from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import ROOT

SEEDED_ISSUE = "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d"  # "Fix login bug"
UNKNOWN_ISSUE = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def client(sandbox_client: Any) -> Any:
    return sandbox_client


def titled(client: Any, project_id: str, title: str) -> int:
    return sum(issue.title == title for issue in client.issues.list(project_id=project_id))


def test_extra_headers_reach_the_server_and_none_removes_a_default(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    credentials = {"X-Api-Key": "gw_1", "X-Auth-Token": "gw_2", "Cookie": "session=gw_3"}
    client.me.get(extra_headers={"X-Trace-Tag": "nightly", "User-Agent": None, **credentials})
    (seen,) = projekt_sandbox.requests
    assert seen.headers["x-trace-tag"] == "nightly"
    assert "user-agent" not in seen.headers
    # The record never holds the token, nor any other credential: a test may print it.
    masked = ["authorization", *(name.lower() for name in credentials)]
    assert [seen.headers[name] for name in masked] == ["[REDACTED]"] * 4
    assert "gw_" not in repr(projekt_sandbox.requests)


def test_extra_headers_override_the_sdks_own_but_never_authorization(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    client.issues.get(SEEDED_ISSUE, extra_headers={"user-agent": "my-agent/1"})
    assert projekt_sandbox.requests[-1].headers["user-agent"] == "my-agent/1"
    # Written in another case, a header the operation sets goes once, with the caller's
    # value: another org's id is that org's 403, not the 400 of two ids in one header.
    with pytest.raises(projekt.PermissionDeniedError):
        client.issues.get(SEEDED_ISSUE, extra_headers={"x-org-id": str(uuid.uuid4())})
    with pytest.raises(projekt.ConfigurationError, match="cannot set Authorization"):
        client.issues.get(SEEDED_ISSUE, extra_headers={"Authorization": "Bearer other"})
    with pytest.raises(projekt.ConfigurationError, match="pass idempotency_key"):
        client.issues.delete(SEEDED_ISSUE, extra_headers={"idempotency-key": "mine"})
    # A body's length is the SDK's to write: "Content-Length: 5" raised h11's own error
    # after the request's head went out, and a chunked one went out with a length too.
    for framing in ({"Content-Length": "5"}, {"transfer-encoding": "chunked"}):
        with pytest.raises(projekt.ConfigurationError, match="this header with it"):
            client.issues.update(SEEDED_ISSUE, title="Framed", extra_headers=framing)
    assert len(projekt_sandbox.requests) == 2  # none of those was sent


def test_default_headers_go_on_every_call_and_a_call_overrides_them(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    tagged = client.with_options(default_headers={"X-Tenant": "acme", "User-Agent": None})
    pages = tagged.issues.list(project_id=projekt_sandbox.project_id, limit=2)
    assert len(list(pages)) > 2  # more than one page: each is a request of its own
    tagged.issues.create(project_id=projekt_sandbox.project_id, title="Tagged")
    tagged.with_org(projekt_sandbox.org_id).me.get()  # a copy of the copy keeps them
    tagged.me.get(extra_headers={"X-Tenant": "globex"})
    tagged.me.get(extra_headers={"X-Tenant": None})
    client.me.get()  # the client the copy was made from sends none
    *every_call, overridden, removed, original = projekt_sandbox.requests
    assert len(every_call) >= 4
    assert all(r.headers["x-tenant"] == "acme" for r in every_call)
    assert not any("user-agent" in r.headers for r in [*every_call, overridden, removed])
    assert overridden.headers["x-tenant"] == "globex"
    assert "x-tenant" not in removed.headers and "x-tenant" not in original.headers
    assert original.headers["user-agent"].startswith("projekt-python/")


def test_a_copy_adds_default_headers_to_its_clients(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """A copy made to tag some calls keeps the gateway's key its client sends."""
    gated = client.with_options(default_headers={"X-Api-Key": "gw_1", "X-Batch": "6"})
    gated.with_options(default_headers={"X-Batch": "7"}).me.get()
    gated.with_options(default_headers={"x-api-key": None}).me.get()
    gated.with_options(default_headers=None).me.get()
    both, removed, neither = projekt_sandbox.requests
    assert (both.headers["x-api-key"], both.headers["x-batch"]) == ("[REDACTED]", "7")
    assert "x-api-key" not in removed.headers and removed.headers["x-batch"] == "6"
    assert "x-api-key" not in neither.headers and "x-batch" not in neither.headers


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        ({"Authorization": "Bearer other"}, "cannot set Authorization; pass api_key="),
        ({"x-org-id": "9f1c7a2e"}, r"cannot set x-org-id; pass org_id= \(or use client.with_org"),
        ({"Idempotency-Key": "one"}, "cannot set Idempotency-Key; pass idempotency_key="),
        ({"Content-Type": "text/plain"}, "cannot set Content-Type; the SDK writes each request"),
        ({"X Tenant": "acme"}, "has 'X Tenant', which is not a header name"),
        ({"X-Gateway-Key": "s3cret\r\nX-Evil: 1"}, r"\['X-Gateway-Key'\] must be printable ASCII"),
        ({"X-Gateway-Key": "s3crét"}, r"\['X-Gateway-Key'\] must be printable ASCII"),
        ({"X-Count": 3}, r"\['X-Count'\] must be printable ASCII text with no space"),
        ({"X-Tag": "padded "}, r"\['X-Tag'\] must be printable ASCII text with no space"),
        ([("X-Tenant", "acme")], "default_headers must be a mapping \\(a dict\\), not list"),
    ],
)
def test_a_default_header_no_call_could_send_is_refused_before_any_call(
    client: Any, projekt_sandbox: ProjektSandbox, headers: Any, said: str
) -> None:
    """A key as a default would replay every later write as the first: each is refused when
    the client is made, naming the setting to use, and never echoing a value."""
    with pytest.raises(projekt.ConfigurationError, match=said) as caught:
        client.with_options(default_headers=headers)
    assert "s3cr" not in str(caught.value)
    assert projekt_sandbox.requests == []


def test_default_headers_go_through_your_own_http_client(projekt_sandbox: ProjektSandbox) -> None:
    creds = {"api_key": projekt_sandbox.api_key, "base_url": projekt_sandbox.base_url}
    own = httpx.Client(headers={"X-App": "mine"})
    with own, projekt.Projekt(**creds, http_client=own, default_headers={"X-Tenant": "a"}) as sdk:
        sdk.me.get()
    (seen,) = projekt_sandbox.requests
    assert (seen.headers["x-app"], seen.headers["x-tenant"]) == ("mine", "a")


@pytest.mark.parametrize(
    "body_header",
    [
        {"Content-Length": "5"},
        {"Transfer-Encoding": "chunked"},
        {"Content-Encoding": "gzip"},
        {"Content-Type": "text/plain"},
    ],
    ids=["content-length", "transfer-encoding", "content-encoding", "content-type"],
)
def test_your_http_clients_body_headers_describe_its_bodies_not_the_sdks(
    projekt_sandbox: ProjektSandbox, body_header: dict[str, str]
) -> None:
    """A default header of your client that describes a body is for your own calls' bodies:
    each of the SDK's writes describes its own JSON. Copied onto them, a Content-Length
    failed in h11 with an error of its own, a Content-Encoding labelled JSON as gzip."""
    creds = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    own = httpx.Client(headers={**body_header, "X-App": "mine"})
    with own, projekt.Projekt(**creds, base_url=projekt_sandbox.base_url, http_client=own) as sdk:
        made = sdk.issues.create(project_id=projekt_sandbox.project_id, title="Described")
    assert made.title == "Described"
    (seen,) = projekt_sandbox.requests
    assert seen.headers["content-type"] == "application/json"
    assert "content-encoding" not in seen.headers and seen.headers["x-app"] == "mine"


def test_your_http_clients_user_agent_follows_the_sdks(projekt_sandbox: ProjektSandbox) -> None:
    """Before, the SDK's User-Agent replaced the one your client set, which names your
    application in a gateway's logs; httpx's own default is still left out."""
    creds = {"api_key": projekt_sandbox.api_key, "org_id": projekt_sandbox.org_id}
    for own, ends in (
        (httpx.Client(headers={"User-Agent": "nightly-sync/2"}), " nightly-sync/2"),
        (httpx.Client(), f" python/{platform.python_version()}"),
    ):
        with (
            own,
            projekt.Projekt(**creds, base_url=projekt_sandbox.base_url, http_client=own) as sdk,
        ):
            sdk.me.get()
        sent = projekt_sandbox.requests[-1].headers["user-agent"]
        assert sent.startswith(f"projekt-python/{projekt.__version__} ") and sent.endswith(ends)


def test_default_headers_show_their_values_masked(client: Any) -> None:
    tagged = client.with_options(default_headers={"X-Gateway-Key": "s3cret", "Accept": None})
    shown = repr(tagged.settings)
    assert "default_headers={'X-Gateway-Key': '[redacted]', 'Accept': None}" in shown
    assert "s3cret" not in shown
    assert tagged.settings.default_headers == {"X-Gateway-Key": "s3cret", "Accept": None}


def test_extra_query_reaches_the_server(client: Any, projekt_sandbox: ProjektSandbox) -> None:
    pages = client.issues.list(project_id=projekt_sandbox.project_id, extra_query={"limit": 1})
    first = next(iter(pages.iter_pages()))
    assert len(first) == 1
    # The sandbox, like a strict server, refuses a parameter it does not know, by name.
    with pytest.raises(projekt.UnprocessableEntityError, match="Unknown query parameter: status"):
        list(client.issues.list(project_id=projekt_sandbox.project_id, extra_query={"status": "x"}))
    assert projekt_sandbox.requests[-1].query.endswith("status=x")


def test_a_query_parameter_given_none_is_left_out(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """None leaves a parameter out, as an operation's own optional one is when not given and
    as extra_headers' None removes a header; httpx alone would send `limit=`, which the
    sandbox, like a strict server, refuses as no number."""
    project = projekt_sandbox.project_id
    assert list(client.issues.list(project_id=project, limit=1, extra_query={"limit": None}))
    assert projekt_sandbox.requests[-1].query == f"project_id={project}"
    assert client.get("/me?trace=1", query={"trace": None, "locale": None})["username"]
    assert projekt_sandbox.requests[-1].query == ""


@pytest.mark.parametrize("value", [b"raw", {"a", "b"}, {"nested": 1}, ["ok", b"raw"]])
def test_a_query_value_no_query_carries_is_refused_as_in_a_body(
    client: Any, projekt_sandbox: ProjektSandbox, value: object
) -> None:
    """httpx writes such a value as its str(): bytes went out as `tag=b%27raw%27`, a set as
    `{'a', 'b'}`, where `extra_body` refused the same values."""
    with pytest.raises(projekt.InvalidArgumentError, match="query parameter 'tag' holds"):
        client.me.get(extra_query={"tag": value})
    with pytest.raises(projekt.InvalidArgumentError, match="query parameter 'tag' holds"):
        client.get("/me", query={"tag": value})
    assert projekt_sandbox.requests == []


def test_a_decimal_goes_in_a_query_as_its_text(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """A body refuses a Decimal (JSON has no such number); a query writes it as it reads."""
    with pytest.raises(projekt.UnprocessableEntityError, match="Unknown query parameter"):
        client.me.get(extra_query={"amount": decimal.Decimal("1.50")})
    assert projekt_sandbox.requests[-1].query == "amount=1.50"


def test_the_sandboxs_record_masks_a_query_parameter_named_as_a_credential(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """A gateway's key in the query (`subscription-key`, as Azure API Management takes it)
    stays out of the record a test may print, as a key in a header does; the rest is as sent."""
    query = {"subscription-key": "gw_5", "access_token": "gw_6", "key": "gw_7", "keyword": "a b"}
    with pytest.raises(projekt.UnprocessableEntityError):  # the sandbox knows none of them
        client.me.get(extra_query=query)
    (seen,) = projekt_sandbox.requests
    masked = "subscription-key=[REDACTED]&access_token=[REDACTED]&key=[REDACTED]"
    assert seen.query == f"{masked}&keyword=a+b"
    assert "gw_" not in repr(projekt_sandbox.requests)


def test_extra_body_is_merged_into_the_json_body(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    issue = client.issues.create(
        project_id=projekt_sandbox.project_id,
        title="With extras",
        extra_body={"description": "sent through extra_body"},
    )
    assert issue.description == "sent through extra_body"


def test_a_uuid_goes_in_a_body_as_its_text_as_in_a_path(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """An id held as a `uuid.UUID` (a Django or SQLAlchemy UUID column's) went into a path or
    a query as its text, and into a body not at all: "Object of type UUID is not JSON
    serializable", before anything was sent."""
    project = uuid.UUID(projekt_sandbox.project_id)
    note = uuid.uuid4()
    issue = client.issues.create(
        project_id=project, title="By UUID", extra_body={"description": note}
    )
    assert (issue.project_id, issue.description) == (str(project), str(note))
    assert client.issues.get(uuid.UUID(issue.id)).title == "By UUID"
    modelled = IssueCreate(project_id=project, title="Modelled by UUID")  # type: ignore[arg-type]
    assert client.issues.create(body=modelled).project_id == str(project)
    body = {"project_id": project, "title": "Hatched by UUID"}
    assert client.post("/issues", body=body, cast_to=Issue).project_id == str(project)


class Weight(enum.Enum):
    HIGH = "high"


WHEN = datetime.datetime(2027, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)


def test_a_time_a_date_or_an_enum_goes_out_as_the_api_writes_it(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """JSON has no datetime, date or Enum: in a body, json.dumps refused each before anything
    was sent; in a query, httpx wrote each as its str(), `2027-01-02 03:04:05+00:00` and
    `Weight.HIGH`. Each goes out as the models send theirs, ISO 8601, or as its value."""
    project = projekt_sandbox.project_id
    extra = {"description": WHEN, "priority": Weight.HIGH}
    issue = client.issues.create(project_id=project, title="Dated", extra_body=extra)
    assert (issue.description, issue.priority) == ("2027-01-02T03:04:05+00:00", "high")
    body = {"project_id": project, "title": "Hatched", "description": WHEN.date()}
    assert client.post("/issues", body=body, cast_to=Issue).description == "2027-01-02"
    with pytest.raises(projekt.UnprocessableEntityError):  # the sandbox knows neither
        client.me.get(extra_query={"since": WHEN, "weight": [Weight.HIGH, None]})
    since = "2027-01-02T03%3A04%3A05%2B00%3A00"
    assert projekt_sandbox.requests[-1].query == f"since={since}&weight=high"


def test_the_escape_hatch_lists_and_reads(client: Any, projekt_sandbox: ProjektSandbox) -> None:
    items = client.get("/issues", query={"project_id": projekt_sandbox.project_id}, cast_to=list)
    assert SEEDED_ISSUE in {item["id"] for item in items}
    issue = client.get("/issues/{issue_id}", path_params={"issue_id": SEEDED_ISSUE}, cast_to=Issue)
    assert isinstance(issue, Issue) and issue.title == "Fix login bug"
    me = client.get("/me")  # a dict by default
    assert isinstance(me, dict) and me["username"]
    with pytest.raises(projekt.UnprocessableEntityError):  # sent: the sandbox knows no `note`
        client.get("/me?note=https://example.test/x")  # a URL in the query is only a value
    assert projekt_sandbox.requests[-1].query == "note=https%3A%2F%2Fexample.test%2Fx"
    raw = client.get(f"{projekt_sandbox.base_url}/me", cast_to=httpx.Response)
    assert raw.status_code == 200 and raw.headers["x-request-id"]
    seen = projekt_sandbox.requests
    assert all(r.headers["x-org-id"] == projekt_sandbox.org_id for r in seen)
    assert all("idempotency-key" not in r.headers for r in seen)  # reads carry no key


def test_the_escape_hatch_follows_a_list_page_by_page(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    query = {"project_id": projekt_sandbox.project_id}
    listed = [issue.to_dict() for issue in client.issues.list(**query)]
    items = list(client.get_list("/issues", query={**query, "limit": 2}))
    assert [item["id"] for item in items] == [item["id"] for item in listed]
    pages = [r for r in projekt_sandbox.requests if "limit=2" in r.query]
    assert len(pages) == (len(listed) + 1) // 2  # each page asked for once, the query kept
    assert all(r.headers["x-org-id"] == projekt_sandbox.org_id for r in pages)
    models = list(client.get_list("/issues", query=query, cast_to=IssueSummary))
    assert [model.title for model in models] == [item["title"] for item in listed]


def test_an_awaited_list_off_the_spec_is_its_first_page_and_resumes(
    projekt_sandbox: ProjektSandbox,
) -> None:
    query = {"project_id": projekt_sandbox.project_id, "limit": 2}

    async def main() -> tuple[Any, list[str]]:
        async with projekt_sandbox.async_client() as client:
            first = await client.get_list("/issues", query=query)
            after = {**query, "cursor": first.next_cursor}
            return first, [item["id"] async for item in client.get_list("/issues", query=after)]

    first, rest = asyncio.run(main())
    with projekt_sandbox.client() as client:
        everything = [i.id for i in client.issues.list(project_id=projekt_sandbox.project_id)]
    assert isinstance(first, projekt.Page) and first.request_id.startswith("req_")
    assert [item["id"] for item in first] + rest == everything and len(first) == 2


def test_the_escape_hatch_reads_an_array_of_models_as_openai_pythons_does(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """`cast_to=list[Issue]`, as openai-python's `cast_to` takes it: a write may answer with
    an array, which get_list() cannot read, since no list follows it."""
    query = {"project_id": projekt_sandbox.project_id}
    models = client.get("/issues", query=query, cast_to=list[IssueSummary])
    assert {type(model) for model in models} == {IssueSummary}
    assert [model.title for model in models] == [i.title for i in client.issues.list(**query)]
    assert client.get("/issues", query=query, cast_to=list[dict])[0]["id"] == models[0].id
    needs = (
        r"cast_to=list\[IssueSummary\] needs a JSON array; the answer is an object: cast_to=dict"
    )
    with pytest.raises(projekt.APIResponseValidationError, match=needs):
        client.get("/me", cast_to=list[IssueSummary])
    sent = len(projekt_sandbox.requests)
    for refused in (list[int], tuple[Issue], list[str]):
        with pytest.raises(projekt.ConfigurationError, match=r"a list of them \(list\[Issue\]\)"):
            client.get("/me", cast_to=refused)
    each = r"cast_to=list\[Issue\] is not one it reads each item as.*\(cast_to=Issue for a list"
    with pytest.raises(projekt.ConfigurationError, match=each):
        client.get_list("/issues", cast_to=list[Issue])
    assert len(projekt_sandbox.requests) == sent  # refused before anything was sent


def test_the_escape_hatch_lists_only_a_list(client: Any, projekt_sandbox: ProjektSandbox) -> None:
    reads = r"the answer is an object, which client\.get\(\) reads"
    with pytest.raises(projekt.APIResponseValidationError, match=reads) as wrong:
        list(client.get_list("/me"))
    assert wrong.value.request_id == projekt_sandbox.requests[-1].request_id
    with pytest.raises(projekt.ConfigurationError, match="dict, or a model"):
        client.get_list("/issues", cast_to=list)
    with pytest.raises(projekt.APIResponseValidationError, match=r"client\.get_list\(\) every"):
        client.get("/issues", query={"project_id": projekt_sandbox.project_id})


def test_the_escape_hatch_writes_once_through_a_lost_answer(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    body = {"project_id": projekt_sandbox.project_id, "title": "Hatched once"}
    created = client.post("/issues", body=body, cast_to=Issue)
    assert created.title == "Hatched once"
    posts = [r for r in projekt_sandbox.requests if r.method == "POST"]
    assert len(posts) == 2 and len({r.headers["idempotency-key"] for r in posts}) == 1
    assert titled(client, projekt_sandbox.project_id, "Hatched once") == 1
    assert client.delete("/issues/{id}", path_params={"id": created.id}) is None
    assert "idempotency-key" in projekt_sandbox.requests[-1].headers  # a DELETE gets one too


def test_the_escape_hatch_patches_and_puts_as_it_posts(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """PATCH and PUT are writes like POST: each carries an Idempotency-Key, and reads its
    answer as `cast_to` says (None: no body read); a PUT the API has nowhere is its 405."""
    where = {"path_params": {"issue_id": SEEDED_ISSUE}}
    updated = client.patch("/issues/{issue_id}", **where, body={"status": "Done"}, cast_to=Issue)
    assert isinstance(updated, Issue) and updated.status == "Done"
    patched = client.patch("/issues/{issue_id}", **where, body={"priority": "low"})  # a dict
    assert (patched["status"], patched["priority"]) == ("Done", "low")
    title = {"title": "Hatched"}
    assert client.patch("/issues/{issue_id}", **where, body=title, cast_to=None) is None
    with pytest.raises(projekt.APIStatusError) as refused:
        client.put("/issues/{issue_id}", **where, body={"title": "Put"})
    assert refused.value.status_code == 405 and refused.value.request_id
    writes = [r for r in projekt_sandbox.requests if r.method in ("PATCH", "PUT")]
    assert [r.method for r in writes] == ["PATCH"] * 3 + ["PUT"]
    assert all(r.headers["idempotency-key"] for r in writes)
    assert client.issues.get(SEEDED_ISSUE).title == "Hatched"


class Ticket:
    """A class of the caller's own, read through `cast_to=`, whose `_request_id` is its own."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Ticket:
        return cls(data)

    @property
    def _request_id(self) -> str:
        return "its own"


def test_the_escape_hatch_returns_a_class_of_the_callers_own_as_it_made_it(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """The SDK's models take their answer's request id. A class that will not take it is
    returned all the same, not turned into an error once its write has taken effect."""
    body = {"project_id": projekt_sandbox.project_id, "title": "Ticketed"}
    ticket = client.post("/issues", body=body, cast_to=Ticket)
    assert ticket.data["title"] == "Ticketed" and ticket._request_id == "its own"
    assert titled(client, projekt_sandbox.project_id, "Ticketed") == 1


def test_the_escape_hatch_raises_the_typed_errors(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    with pytest.raises(projekt.NotFoundError) as caught:
        client.get("/issues/{issue_id}", path_params={"issue_id": str(uuid.uuid4())})
    assert caught.value.status_code == 404 and caught.value.request_id
    with pytest.raises(projekt.NotFoundError):
        client.get("/no-such-endpoint")
    with pytest.raises(projekt.APIResponseValidationError, match="cast_to=list") as wrong:
        client.get("/me", cast_to=list)
    assert "the answer is an object: cast_to=dict reads it" in str(wrong.value)
    with pytest.raises(projekt.APIResponseValidationError) as wrong:  # the default, dict
        client.get("/issues", query={"project_id": projekt_sandbox.project_id})
    assert "the answer is an array: cast_to=list reads it" in str(wrong.value)


def test_the_escape_hatch_stays_under_the_base_url(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    for path in ("https://evil.example/me", "/issues/../../admin", "/%2e%2e/admin"):
        with pytest.raises(projekt.ConfigurationError):
            client.get(path)
    with pytest.raises(projekt.InvalidArgumentError, match="placeholders"):
        client.get("/issues/{issue_id}", path_params={"id": SEEDED_ISSUE})
    with pytest.raises(projekt.InvalidArgumentError, match="is not an id"):
        client.get("/issues/{issue_id}", path_params={"issue_id": ".."})
    with pytest.raises(projekt.ConfigurationError, match="cast_to"):
        client.get("/me", cast_to=str)
    assert projekt_sandbox.requests == []  # none of them was sent


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda c: c.get("/issues", query=[("project_id", "p")]), "query must be a mapping"),
        (lambda c: c.get_list("/issues", query=[("limit", 5)]), "query must be a mapping"),
        (lambda c: c.get("/issues/{id}", path_params=[SEEDED_ISSUE]), "path_params must be"),
        (lambda c: c.get(None), r"^client\.get\(\): path must be a str"),
        (lambda c: c.request(b"GET", "/me"), "method must be a str"),
        (lambda c: c.request("GE T", "/me"), r"^client\.request\(\): 'GE T' is not an HTTP method"),
        (lambda c: c.request("HEAD", "/me"), r"^client\.request\(\): a HEAD answer has no body"),
    ],
    ids=[
        "query-pairs",
        "list-query-pairs",
        "path-params-list",
        "path-none",
        "method-bytes",
        "method-space",
        "head-read-as-a-dict",
    ],
)
def test_the_escape_hatch_refuses_arguments_of_another_shape_typed(
    client: Any, projekt_sandbox: ProjektSandbox, call: Any, said: str
) -> None:
    """A list of pairs, as httpx takes for its params, a path or a method that is no str:
    each failed with a bare AttributeError or TypeError. A method with a space in it was
    refused by h11, in words that named the call `client.ge t()`. A HEAD, whose answer has
    no body, was sent and then failed to read one as a dict (the default `cast_to`), in words
    that named a `client.head()` there is not."""
    with pytest.raises(projekt.InvalidArgumentError, match=said):
        call(client)
    assert projekt_sandbox.requests == []


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda c: c.get("/me", params={"a": 1}), r"^client\.get\(\) .* 'params'\. .* 'query'\?$"),
        (lambda c: c.get("/me", timout=1), r"^client\.get\(\) .* 'timout'\. .* 'timeout'\?$"),
        (lambda c: c.get("/me", body={}), r"^client\.get\(\) got an unexpected .* 'body'$"),
        (lambda c: c.get_list("/issues", headers={}), r"'headers'\. Did you mean 'extra_headers'"),
        (lambda c: c.post("/issues", json={}), r"^client\.post\(\) .* 'json'\. .* 'body'\?$"),
        (lambda c: c.delete("/me", data={}), r"^client\.delete\(\) .* 'data'\. .* 'body'\?$"),
        (lambda c: c.request("HEAD", "/me", org="o"), r"^client\.request\(\) .* 'org_id'\?$"),
    ],
    ids=["params", "misspelt", "get-body", "list-headers", "json", "data", "request"],
)
def test_an_option_the_escape_hatch_does_not_take_is_a_type_error(
    client: Any, projekt_sandbox: ProjektSandbox, call: Any, said: str
) -> None:
    """Before, it went unread: `params=` and `headers=`, as httpx names them, and a misspelt
    `timout=` were sent without, `json=` sent no body, and `get(body=...)` a GET with one."""
    with pytest.raises(TypeError, match=said):
        call(client)
    assert projekt_sandbox.requests == []


def test_a_head_request_reads_its_status_and_headers(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    answer = client.request("HEAD", "/me", cast_to=httpx.Response)
    assert answer.status_code == 200 and answer.content == b""
    assert answer.headers["X-Request-Id"] == projekt_sandbox.requests[-1].request_id
    with pytest.raises(projekt.NotFoundError):  # a HEAD's error status is its typed error
        client.request("HEAD", "/issues/{id}", path_params={"id": UNKNOWN_ISSUE}, cast_to=None)


def test_the_escape_hatch_waits_for_the_throttle(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.rate_limit(2, 1.0)
    for _ in range(3):
        client.get("/me")
    # The third waited for the window: without the throttle it meets a 429 and is retried.
    assert [r.method for r in projekt_sandbox.requests] == ["GET"] * 3


def test_org_id_per_call_and_without_one(projekt_sandbox: ProjektSandbox) -> None:
    with projekt.Projekt(api_key=projekt_sandbox.api_key, base_url=projekt_sandbox.base_url) as c:
        assert c.get("/me")["username"]  # needs no org: no X-Org-Id is sent
        assert "x-org-id" not in projekt_sandbox.requests[-1].headers
        c.get("/issues/{id}", path_params={"id": SEEDED_ISSUE}, org_id=projekt_sandbox.org_id)
        assert projekt_sandbox.requests[-1].headers["x-org-id"] == projekt_sandbox.org_id


def test_an_empty_org_id_per_call_is_refused_not_taken_for_the_clients(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    """A tenant's org id read from a setting left empty went out as the client's own org,
    and the call acted there; `with_org("")` was already refused."""
    with pytest.raises(projekt.InvalidArgumentError, match=r"^client\.delete\(\): org_id is empty"):
        client.delete("/issues/{id}", path_params={"id": SEEDED_ISSUE}, org_id="")
    assert projekt_sandbox.requests == []
    assert client.get("/issues/{id}", path_params={"id": SEEDED_ISSUE})["id"] == SEEDED_ISSUE


def test_the_readmes_example_runs_as_written(
    projekt_sandbox: ProjektSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (ROOT / "README.md").read_text().split("## Beyond the spec", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("PROJEKT_API_KEY", projekt_sandbox.api_key)
    monkeypatch.setenv("PROJEKT_ORG_ID", projekt_sandbox.org_id)
    monkeypatch.setenv("PROJEKT_BASE_URL", projekt_sandbox.base_url)
    names: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), names)
    with names["client"]:
        assert names["again"].title == "Fix login" and names["again"].description == "Reopened"
        assert "Fix login" in names["titled"]
        assert "Fix login" in names["titles"](projekt_sandbox.project_id)
        assert "Via post" not in names["titles"](projekt_sandbox.project_id)  # deleted


def test_the_escape_hatch_reports_a_deprecation_once_per_path(
    client: Any, projekt_sandbox: ProjektSandbox
) -> None:
    projekt_sandbox.deprecate("getMe", sunset="2027-06-30")
    projekt_sandbox.deprecate("listProjects")
    with pytest.warns(projekt.ProjektDeprecationWarning, match=r'client.get\("/me"\) is dep'):
        client.get("/me")
    client.get("/me")
    with pytest.warns(projekt.ProjektDeprecationWarning, match="/projects"):
        client.get("/projects", cast_to=list)  # another path: its own notice
    me, projects = client.deprecations
    assert me.operation == 'client.get("/me")' and me.sunset and me.sunset.year == 2027
    assert projects.operation == 'client.get("/projects")'


def test_a_path_written_out_in_full_fits_the_spec_template_with_fewest_placeholders() -> None:
    templates = ("/me", "/me/{name}", "/me/orgs", "/issues/{issue_id}")
    assert spec_template("/me/orgs", templates) == "/me/orgs"
    assert spec_template("/me/keys", templates) == "/me/{name}"
    assert spec_template("/issues/7e2b%2F4d", templates) == "/issues/{issue_id}"
    for unfit in ("/issues/", "/issues/1/comments", "/other"):
        assert spec_template(unfit, templates) is None
