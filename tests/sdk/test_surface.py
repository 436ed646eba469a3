"""The facade generated from the spec: arguments, bodies, pagination, raw access, async."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import httpx
import pytest

import projekt
from projekt.models import IssueCreate, IssueSummary
from tests.helpers import (
    BASE_URL,
    ISSUE_ID,
    PROJECT_ID,
    TOKEN,
    ClientFactory,
    Recorder,
    issue_json,
    mock_options,
)


def page(items: int, next_cursor: str | None) -> httpx.Response:
    headers = {}
    if next_cursor:
        headers["Link"] = (
            f'<{BASE_URL}/issues?project_id={PROJECT_ID}&limit=2&cursor={next_cursor}>; rel="next"'
        )
    return httpx.Response(
        200, json=[issue_json(title=f"{next_cursor}-{i}") for i in range(items)], headers=headers
    )


def test_a_page_a_users_test_makes_reads_as_a_last_page() -> None:
    """A test that stands a `Page` in for the SDK's (a fake of `iter_pages()`) got an
    AttributeError from the code under test, which reads `next_cursor` to checkpoint."""
    fake = projekt.Page([IssueSummary.from_dict(issue_json())])
    assert (fake.next_cursor, fake.request_id, len(fake)) == (None, None, 1)


def test_list_follows_link_next_lazily_across_pages(client_for: ClientFactory) -> None:
    recorder = Recorder(page(2, "c2"), page(2, "c3"), page(1, None))
    iterator = iter(client_for(recorder).issues.list(project_id=PROJECT_ID, limit=2))
    assert recorder.requests == []
    first = next(iterator)
    assert len(recorder.requests) == 1 and isinstance(first, IssueSummary)
    rest = list(iterator)
    assert len(rest) == 4 and len(recorder.requests) == 3
    assert recorder.requests[0].url.params["limit"] == "2"
    assert recorder.requests[2].url.params["cursor"] == "c3"
    assert all(r.headers["X-Org-Id"] for r in recorder.requests)


def test_each_loop_over_a_list_starts_at_its_first_page(client_for: ClientFactory) -> None:
    """The README said `list()` returns an iterator; it is an iterable, as OpenAI's pages
    are, so `next()` needs `iter()` first and a second loop fetches the list again."""
    recorder = Recorder(page(1, "c2"), page(1, None), page(1, "c2"))
    issues = client_for(recorder).issues.list(project_id=PROJECT_ID, limit=1)
    with pytest.raises(TypeError):
        next(issues)  # type: ignore[call-overload]
    assert [i.title for i in issues] == ["c2-0", "None-0"]
    assert next(iter(issues)).title == "c2-0"
    assert "cursor" not in recorder.requests[2].url.params


def test_a_list_says_what_it_is_before_anything_is_fetched() -> None:
    """In a REPL, `client.issues.list(...)` showed `<projekt.SyncPaginator object at 0x...>`."""
    recorder = Recorder(page(1, None))
    options = mock_options(recorder)
    for client in (projekt.Projekt(**options), projekt.AsyncProjekt(**options)):
        listed = client.issues.list(project_id=PROJECT_ID)
        kind = type(listed).__name__
        assert repr(listed) == f"<{kind} issues.list(): iterate it for the items, page by page>"
    assert recorder.requests == []


def test_create_takes_fields_as_keywords(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(201, json=issue_json(title="Investigate flaky CI test")))
    created = client_for(recorder).issues.create(
        project_id=PROJECT_ID,
        title="Investigate flaky CI test",
        status="Backlog",
        priority="medium",
        description="The auth e2e test fails 1 in 5 runs.",
    )
    assert created.title == "Investigate flaky CI test"
    assert json.loads(recorder.requests[0].content) == {
        "project_id": PROJECT_ID,
        "title": "Investigate flaky CI test",
        "status": "Backlog",
        "priority": "medium",
        "description": "The auth e2e test fails 1 in 5 runs.",
    }


def test_create_takes_a_ready_model_as_body(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(201, json=issue_json()))
    client = client_for(recorder)
    model = IssueCreate(project_id=PROJECT_ID, title="From a model")
    client.issues.create(body=model)
    assert json.loads(recorder.requests[0].content) == {
        "project_id": PROJECT_ID,
        "title": "From a model",
    }
    # Which title would go? Neither: the call is refused before anything is sent.
    with pytest.raises(TypeError, match=r"create\(\) takes either body= or field arguments"):
        client.issues.create(body=model, title="From an argument")
    assert len(recorder.requests) == 1


def test_a_comment_body_is_its_text_unless_it_is_a_model(client_for: ClientFactory) -> None:
    comment = {
        "id": "c",
        "issue_id": ISSUE_ID,
        "author_id": "u",
        "body": "Hi",
        "created_at": "2026-05-28T09:30:00Z",
    }
    recorder = Recorder(httpx.Response(201, json=comment))
    client = client_for(recorder)
    client.comments.create(issue_id=ISSUE_ID, body="Hi")
    client.comments.create(ISSUE_ID, body=projekt.models.CommentCreate(body="Hi"))
    assert [json.loads(r.content) for r in recorder.requests] == [{"body": "Hi"}, {"body": "Hi"}]
    assert recorder.requests[0].url.path == f"/issues/{ISSUE_ID}/comments"


def test_update_sends_only_the_fields_given_and_delete_returns_none(
    client_for: ClientFactory,
) -> None:
    recorder = Recorder(httpx.Response(200, json=issue_json(status="Done")), httpx.Response(204))
    client = client_for(recorder)
    assert client.issues.update(ISSUE_ID, status="Done").status == "Done"
    assert client.issues.delete(ISSUE_ID) is None
    assert json.loads(recorder.requests[0].content) == {"status": "Done"}
    assert [r.method for r in recorder.requests] == ["PATCH", "DELETE"]


def test_missing_required_fields_are_a_type_error_before_sending(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(201, json=issue_json()))
    with pytest.raises(TypeError, match="title"):
        client_for(recorder).issues.create(project_id=PROJECT_ID)  # type: ignore[call-overload]
    as_fields = r"\(\*\*body\), or IssueCreate.from_dict\(body\)$"
    with pytest.raises(TypeError, match=rf"body= must be an IssueCreate, not dict: .*{as_fields}"):
        client_for(recorder).issues.create(body={"title": "x"})  # type: ignore[call-overload]
    assert recorder.requests == []


def test_unknown_enum_values_and_fields_parse_and_round_trip(client_for: ClientFactory) -> None:
    raw = issue_json(status="In Review", priority="critical", labels=["x"])
    recorder = Recorder(httpx.Response(200, json=raw))
    issue = client_for(recorder).issues.get(ISSUE_ID)
    assert (issue.status, issue.priority) == ("In Review", "critical")
    assert issue.additional_properties == {"labels": ["x"]}
    assert issue.to_dict() == raw  # the timestamps too, UTC as "Z" as the API sent them


def test_raw_response_exposes_status_headers_request_id_and_rate_limit(
    client_for: ClientFactory,
) -> None:
    headers = {
        "X-Request-Id": "req_raw0001",
        "X-RateLimit-Limit": "600",
        "X-RateLimit-Remaining": "599",
        "X-RateLimit-Reset": "42",
    }
    recorder = Recorder(httpx.Response(200, json=issue_json(), headers=headers))
    client = client_for(recorder)
    raw = client.issues.with_raw_response.get(ISSUE_ID)
    assert (raw.status_code, raw.request_id, raw.headers["X-RateLimit-Limit"]) == (
        200,
        "req_raw0001",
        "600",
    )
    assert (raw.rate_limit.limit, raw.rate_limit.remaining, raw.rate_limit.reset_after) == (
        600,
        599,
        42,
    )
    assert raw.parse().id == ISSUE_ID
    assert client.rate_limit is not None and client.rate_limit.remaining == 599


def test_debug_logging_has_method_url_status_duration_request_id_retries_and_no_token(
    client_for: ClientFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder(
        httpx.Response(200, json=issue_json(), headers={"X-Request-Id": "req_log00001"})
    )
    with caplog.at_level(logging.DEBUG, logger="projekt"):
        client_for(recorder).issues.get(ISSUE_ID)
        logging.getLogger("projekt").debug("a careless line with Bearer %s", TOKEN)
    text = caplog.text
    assert f"GET {BASE_URL}/issues/{ISSUE_ID} -> 200 in" in text
    assert "ms request_id=req_log00001 retries=0" in text
    assert TOKEN not in text and "[redacted]" in text


def test_retries_a_read_on_503_and_reports_the_retry_count(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(200, json=issue_json()))
    raw = client_for(recorder).issues.with_raw_response.get(ISSUE_ID)
    assert raw.status_code == 200 and raw.retries == 1 and len(sleeps) == 1


def test_per_call_max_retries_overrides_the_client(
    client_for: ClientFactory, sleeps: list[float]
) -> None:
    recorder = Recorder(httpx.Response(503))
    with pytest.raises(projekt.InternalServerError):
        client_for(recorder, max_retries=5).issues.get(ISSUE_ID, max_retries=0)
    assert len(recorder.requests) == 1


def test_the_public_names_are_exported() -> None:
    public = {name for name in vars(projekt) if not name.startswith("_")} - {"models"}
    assert public <= set(projekt.__all__)
    for name in projekt.__all__:
        assert hasattr(projekt, name)


def test_repr_of_clients_never_shows_the_token(client_for: ClientFactory) -> None:
    client = client_for(Recorder(httpx.Response(200)))
    for obj in (client, client.with_org("o"), client._http.auth):
        assert TOKEN not in repr(obj) and "pjk_live_***" in repr(obj)


async def test_the_async_client_works_with_await_and_async_for() -> None:
    """The harness drives AsyncProjekt for every other test; this one uses it as written."""
    recorder = Recorder(
        page(2, "c2"),
        page(1, None),
        httpx.Response(201, json=issue_json(title="async")),
        httpx.Response(
            404,
            json={"error": {"code": "not_found", "message": "No", "request_id": "req_a0000001"}},
        ),
    )
    client = projekt.AsyncProjekt(**mock_options(recorder))
    titles = [issue.title async for issue in client.issues.list(project_id=PROJECT_ID)]
    assert len(titles) == 3
    created = await client.issues.create(project_id=PROJECT_ID, title="async")
    assert created.title == "async"
    with pytest.raises(projekt.NotFoundError):
        await client.issues.get(ISSUE_ID)
    with pytest.raises(projekt.NotFoundError) as caught:  # raw too raises at once
        await client.issues.with_raw_response.get(ISSUE_ID)
    assert caught.value.response.status_code == 404
    await client.close()


def run_with_projekt_log(first_line: str = "") -> subprocess.CompletedProcess[str]:
    """A program of one call, run with PROJEKT_LOG=debug (after `first_line`, its own setup)."""
    script = (
        f"import logging, httpx, projekt\n{first_line}\n"
        "answer = lambda r: httpx.Response(200, json={'id': 'u', 'email': 'e', 'name': 'n',"
        " 'username': 'u', 'locale': 'es'}, headers={'X-Request-Id': 'req_env00001'})\n"
        f"client = projekt.Projekt(api_key={TOKEN!r}, base_url='https://api.test',"
        " http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "client.me.get()\n"
    )
    env = {**os.environ, "PROJEKT_LOG": "debug"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def test_projekt_log_debug_turns_request_logging_on_without_the_token() -> None:
    result = run_with_projekt_log()
    assert "projekt DEBUG GET https://api.test/me -> 200 in" in result.stderr
    assert "request_id=req_env00001 retries=0" in result.stderr
    assert TOKEN not in result.stderr + result.stdout


def test_projekt_log_writes_each_line_once_where_the_application_logs_too() -> None:
    """Before, an application that configured logging (after its imports, as most do) got
    every line of the SDK twice: on the SDK's stderr handler and on its own."""
    configured = "logging.basicConfig(level=logging.WARNING, format='APP %(name)s: %(message)s')"
    result = run_with_projekt_log(configured)
    lines = [line for line in result.stderr.splitlines() if "GET https://api.test/me" in line]
    assert len(lines) == 1 and lines[0].startswith("APP projekt: GET"), result.stderr


def test_debug_logging_shows_each_attempt_and_wait_of_a_refused_connection(
    caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    """PROJEKT_LOG=debug during an outage: each attempt with its error, each wait with why."""
    import socket

    with socket.socket() as probe:  # a loopback port no one listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = projekt.Projekt(api_key=TOKEN, base_url=f"http://127.0.0.1:{port}", max_retries=1)
    with (
        caplog.at_level(logging.DEBUG, logger="projekt"),
        pytest.raises(projekt.APIConnectionError, match=f"GET http://127.0.0.1:{port}/me"),
    ):
        client.me.get()
    lines = [r.getMessage() for r in caplog.records if r.name == "projekt"]
    assert len(lines) == 3, lines
    first, wait, second = lines
    assert first.startswith(f"GET http://127.0.0.1:{port}/me -> ConnectError: ")
    assert first.endswith("retries=0") and second.endswith("retries=1")
    assert wait.startswith("me.get() waits ") and wait.endswith("to retry after ConnectError.")
