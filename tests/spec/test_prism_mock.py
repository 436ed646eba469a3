"""Prism, mocking openapi.yaml with --errors, accepts every quickstart request and
refuses what the spec forbids. Prism validates requests against the spec, so this
checks the spec from a second tool's point of view."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator

import httpx
import pytest

from tests.helpers import NODE_BIN, ROOT, free_port, logged

TOKEN = "pjk_live_AbCd1234EfGh5678IjKl9012MnOp3456"
ORG_ID = "9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c"
PROJECT_ID = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    log = tmp_path_factory.mktemp("prism-mock") / "prism.log"
    for attempt in range(3):  # its port is picked before Prism binds it: another may take it
        base = f"http://127.0.0.1:{free_port()}"
        command = ["mock", "--errors", "-h", "127.0.0.1", "-p", base.rsplit(":", 1)[1]]
        proc = subprocess.Popen(
            [NODE_BIN / "prism", *command, ROOT / "openapi.yaml"],
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            # Its own word, not an answer on the port: another server may hold that port.
            logged(log, re.escape(f"Prism is listening on {base}"), proc, timeout=60)
            break
        except RuntimeError:
            proc.kill()
            proc.wait(timeout=10)
            if attempt == 2:
                raise
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            yield client
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_quickstart_requests_are_accepted(prism: httpx.Client) -> None:
    org = {**AUTH, "X-Org-Id": ORG_ID}
    me = prism.get("/me", headers=AUTH)
    assert me.status_code == 200 and me.json()["email"] == "you@example.com"
    orgs = prism.get("/me/orgs", headers=AUTH)
    assert orgs.status_code == 200 and orgs.json()["count"] == 1
    issues = prism.get("/issues", params={"project_id": PROJECT_ID}, headers=org)
    assert issues.status_code == 200 and isinstance(issues.json(), list)
    created = prism.post(
        "/issues",
        headers=org,
        json={
            "project_id": PROJECT_ID,
            "title": "Investigate flaky CI test",
            "status": "Backlog",
            "priority": "medium",
            "description": "The auth e2e test fails 1 in 5 runs.",
        },
    )
    assert created.status_code == 201 and created.json()["created_at"]
    assert all(h in created.headers for h in ("X-Request-Id", "X-RateLimit-Remaining"))


def test_the_contract_checks_a_status_against_the_listed_values(prism: httpx.Client) -> None:
    # A validator reads `enum` as JSON Schema does, closed; only the API's own code reads the
    # open-enum marker (tests/integration/test_quickstart_loop.py sends the same to the sandbox).
    created = prism.post(
        "/issues",
        headers={**AUTH, "X-Org-Id": ORG_ID},
        json={"project_id": PROJECT_ID, "title": "New workflow", "status": "In Review"},
    )
    assert created.status_code == 422


def test_no_token_is_401(prism: httpx.Client) -> None:
    response = prism.get("/me")
    assert response.status_code == 401


def test_org_scoped_call_without_org_header_is_4xx(prism: httpx.Client) -> None:
    response = prism.get("/issues", params={"project_id": PROJECT_ID}, headers=AUTH)
    assert 400 <= response.status_code < 500
