"""Testing your own code against the Projekt sandbox: a complete test file.

    pip install projekt projekt-sandbox pytest
    pytest test_with_sandbox.py

The `projekt_sandbox` fixture comes with projekt-sandbox (no conftest needed):
a local server for the session, and a freshly seeded database for every test.
Its type, `ProjektSandbox`, makes the file pass `mypy --strict` and `pyright --strict`.
"""

from __future__ import annotations

import asyncio

import pytest

import projekt
from projekt_sandbox import ProjektSandbox


def open_issue_titles(client: projekt.Projekt, project_id: str) -> list[str]:
    """The code under test: your own logic on top of the SDK."""
    return [i.title for i in client.issues.list(project_id=project_id) if i.status != "Done"]


def test_the_quickstart_loop(projekt_sandbox: ProjektSandbox) -> None:
    with projekt_sandbox.client() as client:
        assert client.me.get().email == "you@example.com"
        project = client.me.orgs().orgs[0].projects[0]
        created = client.issues.create(project_id=project.id, title="Investigate flaky CI test")
        assert created.status == "Backlog"
        assert "Investigate flaky CI test" in open_issue_titles(client, project.id)


def test_each_test_starts_from_the_seed_data(projekt_sandbox: ProjektSandbox) -> None:
    """The issue the test above created is not here: every test gets a fresh database."""
    with projekt_sandbox.client() as client:
        titles = open_issue_titles(client, projekt_sandbox.project_id)
        assert "Investigate flaky CI test" not in titles
        assert "Fix login bug" in titles


def test_a_503_on_a_read_is_retried(projekt_sandbox: ProjektSandbox) -> None:
    projekt_sandbox.fail_next(503, method="GET", path="/issues")
    with projekt_sandbox.client() as client:
        raw = client.issues.with_raw_response.list(project_id=projekt_sandbox.project_id)
        assert raw.status_code == 200 and raw.retries == 1


def test_a_503_on_a_create_is_retried_and_creates_one_issue(
    projekt_sandbox: ProjektSandbox,
) -> None:
    projekt_sandbox.fail_next(503, method="POST", path="/issues")
    with projekt_sandbox.client() as client:
        client.issues.create(project_id=projekt_sandbox.project_id, title="Created once")
        assert open_issue_titles(client, projekt_sandbox.project_id).count("Created once") == 1


def test_a_lost_answer_is_replayed_to_the_retry(projekt_sandbox: ProjektSandbox) -> None:
    """The sandbox creates the issue, then drops the connection: the SDK retries with the
    same Idempotency-Key, and the sandbox replays its first answer instead of acting again."""
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    with projekt_sandbox.client() as client:
        raw = client.issues.with_raw_response.create(
            project_id=projekt_sandbox.project_id, title="Exactly once"
        )
        assert raw.replayed and raw.parse().title == "Exactly once"
        assert open_issue_titles(client, projekt_sandbox.project_id).count("Exactly once") == 1


def test_a_slow_answer_meets_the_timeout_and_the_retry_writes_once(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """The sandbox creates the issue, then holds its answer past the client's timeout: the
    SDK gives up on it and retries with the same Idempotency-Key, which gets it replayed."""
    projekt_sandbox.delay_next(5, method="POST", path="/issues")
    with projekt_sandbox.client(timeout=1) as client:
        client.issues.create(project_id=projekt_sandbox.project_id, title="Slow once")
        assert open_issue_titles(client, projekt_sandbox.project_id).count("Slow once") == 1


def test_with_no_retries_a_lost_answer_is_outcome_unknown(projekt_sandbox: ProjektSandbox) -> None:
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    with projekt_sandbox.client(max_retries=0) as client:
        with pytest.raises(projekt.APIOutcomeUnknownError) as caught:
            client.issues.create(project_id=projekt_sandbox.project_id, title="Maybe")
        # Sending it again with the same key cannot create a second issue.
        key = caught.value.idempotency_key
        assert key is not None  # every create carries one
        client.issues.create(
            project_id=projekt_sandbox.project_id, title="Maybe", idempotency_key=key
        )
        assert open_issue_titles(client, projekt_sandbox.project_id).count("Maybe") == 1


def test_a_lost_answer_then_a_429_names_the_key_to_send_it_again_with(
    projekt_sandbox: ProjektSandbox,
) -> None:
    """Plans are met in the order they were made: the create acts and its answer is lost,
    then its retry gets a 429. It may have acted, so the error carries its key."""
    projekt_sandbox.lose_next_response(method="POST", path="/issues")
    projekt_sandbox.fail_next(429, method="POST", path="/issues")
    with projekt_sandbox.client(max_retries=1) as client:
        with pytest.raises(projekt.RateLimitError) as caught:
            client.issues.create(project_id=projekt_sandbox.project_id, title="Once")
        key = caught.value.idempotency_key
        assert key is not None
        client.issues.create(
            project_id=projekt_sandbox.project_id, title="Once", idempotency_key=key
        )
        assert open_issue_titles(client, projekt_sandbox.project_id).count("Once") == 1


def test_a_deprecated_operation_warns_once(projekt_sandbox: ProjektSandbox) -> None:
    projekt_sandbox.deprecate("getMe", sunset="2027-06-30")
    with projekt_sandbox.client() as client:
        with pytest.warns(projekt.ProjektDeprecationWarning, match="2027-06-30"):
            client.me.get()
            client.me.get()  # once per operation per client, not once per call
        assert [d.operation for d in client.deprecations] == ["me.get"]


def test_a_429_with_retry_after_is_waited_out(projekt_sandbox: ProjektSandbox) -> None:
    projekt_sandbox.fail_next(429, headers={"Retry-After": "1"})
    with projekt_sandbox.client() as client:
        assert client.me.get().username == "you"


def test_the_async_client(projekt_sandbox: ProjektSandbox) -> None:
    async def main() -> list[str]:
        async with projekt_sandbox.async_client() as client:
            await client.issues.create(project_id=projekt_sandbox.project_id, title="From asyncio")
            # Awaited, a list is its first page alone; `async for` goes through every page.
            first = await client.issues.list(project_id=projekt_sandbox.project_id, limit=2)
            assert len(first) == 2 and first.next_cursor is not None
            return [
                i.title async for i in client.issues.list(project_id=projekt_sandbox.project_id)
            ]

    assert "From asyncio" in asyncio.run(main())
