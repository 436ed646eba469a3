"""Every body the quickstart shows reads as shown: through the SDK and the sandbox's models.

The bodies come from the verbatim copy of the seed file (tests/quickstart.py), with
only their elided ids filled in. A server that answers exactly as the quickstart
documents must never make the SDK raise, least of all on a create that succeeded.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

import projekt_sandbox._models as sandbox_models
from tests import quickstart
from tests.helpers import ClientFactory, Recorder

# (the SDK call, its status, the quickstart's body, the sandbox's response model)
RESPONSES = [
    ("me.get", 200, quickstart.ME, sandbox_models.User),
    ("me.orgs", 200, quickstart.ORGS, sandbox_models.MyOrgs),
    ("issues.list", 200, quickstart.ISSUES, list[sandbox_models.IssueSummary]),
    ("issues.create", 201, quickstart.CREATED, sandbox_models.Issue),
]
IDS = [operation for operation, *_ in RESPONSES]


def call(client: Any, operation: str) -> Any:
    if operation == "issues.list":
        return list(client.issues.list(project_id=quickstart.with_ids("…")))
    if operation == "issues.create":
        return client.issues.create(**quickstart.with_ids(quickstart.NEW_ISSUE))
    namespace, method = operation.split(".")
    return getattr(getattr(client, namespace), method)()


def assert_reads_as_shown(value: Any, shown: Any, where: str = "body") -> None:
    """`value` (models, lists, datetimes) holds exactly what the JSON `shown` says."""
    if isinstance(shown, dict):
        for key, item in shown.items():
            assert_reads_as_shown(getattr(value, key), item, f"{where}.{key}")
    elif isinstance(shown, list):
        assert len(value) == len(shown), where
        for index, (got, item) in enumerate(zip(value, shown, strict=True)):
            assert_reads_as_shown(got, item, f"{where}[{index}]")
    elif isinstance(value, datetime.datetime):
        assert value == datetime.datetime.fromisoformat(shown), where
    else:
        assert value == shown and type(shown)(value) == shown, where


@pytest.mark.parametrize(("operation", "status", "body", "model"), RESPONSES, ids=IDS)
def test_the_sdk_reads_each_quickstart_response_as_shown(
    client_for: ClientFactory,
    decoding: str,
    operation: str,
    status: int,
    body: Any,
    model: Any,
) -> None:
    shown = quickstart.with_ids(body)
    recorder = Recorder(httpx.Response(status, json=shown, headers={"X-Request-Id": "req_qs1"}))
    with client_for(recorder) as client:
        result = call(client, operation)
    assert_reads_as_shown(result, shown)


def test_the_created_issue_leaves_unshown_fields_empty(
    client_for: ClientFactory, decoding: str
) -> None:
    shown = quickstart.with_ids(quickstart.CREATED)
    recorder = Recorder(httpx.Response(201, json=shown))
    with client_for(recorder) as client:
        created = call(client, "issues.create")
    assert (created.description, created.assignee_id, created.updated_at) == (None, None, None)
    assert created.additional_properties == {}


def test_the_sdk_sends_the_quickstart_create_body_as_shown(client_for: ClientFactory) -> None:
    recorder = Recorder(httpx.Response(201, json=quickstart.with_ids(quickstart.CREATED)))
    with client_for(recorder) as client:
        call(client, "issues.create")
    assert json.loads(recorder.requests[0].content) == quickstart.with_ids(quickstart.NEW_ISSUE)


@pytest.mark.parametrize(("operation", "status", "body", "model"), RESPONSES, ids=IDS)
def test_the_sandboxs_response_models_read_each_quickstart_response(
    operation: str, status: int, body: Any, model: Any
) -> None:
    shown = quickstart.with_ids(body)
    parsed = TypeAdapter(model).validate_python(shown)
    assert_reads_as_shown(parsed, shown)


def test_the_sandboxs_request_model_reads_the_quickstart_create_body() -> None:
    body = quickstart.with_ids(quickstart.NEW_ISSUE)
    parsed: BaseModel = sandbox_models.IssueCreate.model_validate(body)
    assert parsed.model_dump(mode="json", exclude_unset=True) == body


# The seed file's SHA-256 when it was copied: the copy must still be that file, and
# wherever the seed is beside the repository (as in CI), so must the seed.
SEED_SHA256 = "46ba559074121db426df061786bc702bcd6997f67f956c0d4b83760cc542d597"


def test_the_copy_of_the_quickstart_is_the_seed_file_byte_for_byte() -> None:
    assert hashlib.sha256(quickstart.COPY.read_bytes()).hexdigest() == SEED_SHA256
    if quickstart.SEED.exists():
        assert quickstart.SEED.read_bytes() == quickstart.COPY.read_bytes(), (
            "shared/seed/quickstart.txt changed: copy it to tests/quickstart.txt, update "
            "SEED_SHA256, and make the spec honour what it now shows"
        )
