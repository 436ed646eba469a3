"""The spec and generator choices leave none of the known generator traps in the
low-level client that the SDK wraps (see ../shared/guides/ANCHORS.md section A)."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest

from projekt._api.models.issue_summary import IssueSummary
from scripts._spec import resolve, snake


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    found = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, op in item.items():
            if method != "parameters":
                found.append((path, method, op, shared + op.get("parameters", [])))
    return found


def test_every_example_request_builds_into_an_http_request(spec: dict[str, Any]) -> None:
    """A header declared format: uuid makes every call raise TypeError in httpx; ours are str."""
    for _path, method, op, params in operations(spec):
        module = importlib.import_module(
            f"projekt._api.api.{snake(op['tags'][0])}.{snake(op['operationId'])}"
        )
        kwargs: dict[str, Any] = {}
        for param in map(lambda p: resolve(spec, p), params):
            kwargs[snake(param["name"])] = param["example"]
        if "requestBody" in op:
            media = op["requestBody"]["content"]["application/json"]
            example = next(iter(media["examples"].values()))["value"]
            model_name = media["schema"]["$ref"].rsplit("/", 1)[1]
            model_module = importlib.import_module(f"projekt._api.models.{snake(model_name)}")
            kwargs["body"] = getattr(model_module, model_name).from_dict(example)
        with httpx.Client(base_url="http://127.0.0.1:8787") as client:
            request = client.build_request(**module._get_kwargs(**kwargs))
        assert request.method == method.upper()


@pytest.mark.parametrize("status", ["In Review", "Blocked by legal"])
def test_a_status_added_later_parses_and_round_trips(status: str) -> None:
    raw = {
        "id": "7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d",
        "title": "t",
        "status": status,
        "priority": "critical",
        "labels": ["new-field"],
    }
    issue = IssueSummary.from_dict(raw)  # a listed issue: the fields it left out read as None
    assert issue.status == status and issue.priority == "critical"
    # Nullable fields the server left out are written back as null.
    assert issue.to_dict() == {**raw, "description": None, "assignee_id": None}


def test_sdk_names_are_unique_python_identifiers(spec: dict[str, Any]) -> None:
    names = [
        (snake(op["tags"][0]), op.get("x-sdk-method", snake(op["operationId"])))
        for _path, _method, op, _params in operations(spec)
    ]
    assert len(names) == len(set(names))
    assert all(ns.isidentifier() and m.isidentifier() for ns, m in names)
    assert {("me", "orgs"), ("issues", "list"), ("api_keys", "revoke")} <= set(names)


def test_every_inferred_operation_is_marked(spec: dict[str, Any]) -> None:
    quickstart = {("/me", "get"), ("/me/orgs", "get"), ("/issues", "get"), ("/issues", "post")}
    for path, method, op, _params in operations(spec):
        inferred = (path, method) not in quickstart
        assert op.get("x-projekt-inferred", False) is inferred, (method, path)
