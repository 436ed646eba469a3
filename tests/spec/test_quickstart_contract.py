"""Every fact of the public quickstart holds in openapi.yaml, to the letter."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from projekt_sandbox.openapi import OPEN_ENUM, open_enums
from tests import quickstart as qs
from tests.quickstart import with_ids

ELLIPSIS = qs.ELLIPSIS
QUICKSTART_ME, QUICKSTART_ORGS = qs.ME, qs.ORGS
QUICKSTART_ISSUES, QUICKSTART_CREATED = qs.ISSUES, qs.CREATED
QUICKSTART_NEW_ISSUE = qs.NEW_ISSUE


def matches_quickstart(example: Any, quickstart: Any) -> bool:
    """True when example is the quickstart's value with its elisions filled in."""
    if isinstance(quickstart, dict):
        return (
            isinstance(example, dict)
            and example.keys() == quickstart.keys()
            and all(matches_quickstart(example[k], v) for k, v in quickstart.items())
        )
    if isinstance(quickstart, list):
        return (
            isinstance(example, list)
            and len(example) == len(quickstart)
            and all(map(matches_quickstart, example, quickstart))
        )
    if isinstance(quickstart, str) and quickstart.startswith("<"):
        return isinstance(example, str)
    if isinstance(quickstart, str) and quickstart.endswith(ELLIPSIS):
        return isinstance(example, str) and example.startswith(quickstart[:-1])
    return bool(example == quickstart)


def validator(spec: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": spec["components"]})


def json_content(node: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = node["content"]["application/json"]
    return content


@pytest.mark.parametrize(
    ("path", "method", "status", "quickstart"),
    [
        ("/me", "get", "200", QUICKSTART_ME),
        ("/me/orgs", "get", "200", QUICKSTART_ORGS),
        ("/issues", "get", "200", QUICKSTART_ISSUES),
        ("/issues", "post", "201", QUICKSTART_CREATED),
    ],
)
def test_quickstart_responses_are_the_spec_examples_and_validate(
    spec: dict[str, Any], path: str, method: str, status: str, quickstart: Any
) -> None:
    media = json_content(spec["paths"][path][method]["responses"][status])
    example = media["examples"]["quickstart"]["value"]
    # The quickstart shows the created issue as an excerpt; the example fills in only the
    # fields the schema requires and the excerpt left out, and says so.
    schema = media["schema"]
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    required = set(spec["components"]["schemas"].get(name, {}).get("required", []))
    if isinstance(quickstart, dict) and example.keys() - quickstart.keys():
        assert example.keys() - quickstart.keys() <= required
        assert "excerpt" in media["examples"]["quickstart"]["description"]
        example = {k: v for k, v in example.items() if k in quickstart}
    assert matches_quickstart(example, quickstart)
    validator(spec, schema).validate(media["examples"]["quickstart"]["value"])
    # The body exactly as the quickstart shows it (ids filled in) is a valid answer.
    validator(spec, schema).validate(with_ids(quickstart))


def test_quickstart_request_body_is_the_spec_example_and_validates(spec: dict[str, Any]) -> None:
    media = json_content(spec["paths"]["/issues"]["post"]["requestBody"])
    example = media["examples"]["quickstart"]["value"]
    assert matches_quickstart(example, QUICKSTART_NEW_ISSUE)
    validator(spec, media["schema"]).validate(example)
    validator(spec, media["schema"]).validate(with_ids(QUICKSTART_NEW_ISSUE))


def test_list_issues_is_a_bare_array_filtered_by_project(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/issues"]["get"]
    assert json_content(op["responses"]["200"])["schema"]["type"] == "array"
    project_id = next(p for p in op["parameters"] if p.get("name") == "project_id")
    assert project_id["in"] == "query"


def test_created_issue_answers_201_with_project_id_and_created_at(spec: dict[str, Any]) -> None:
    responses = spec["paths"]["/issues"]["post"]["responses"]
    assert "201" in responses and "200" not in responses
    issue = spec["components"]["schemas"]["Issue"]["properties"]
    assert {"project_id", "created_at"} <= issue.keys()


def test_bearer_auth_documents_the_pat_format(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert list(schemes) == ["bearerAuth", "orgId"]
    assert schemes["bearerAuth"]["scheme"] == "bearer"
    assert schemes["bearerAuth"]["x-pat-pattern"] == "^pjk_live_[0-9A-Za-z]{32}$"
    assert "pjk_live_" in schemes["bearerAuth"]["description"]


def test_org_header_is_required_by_org_scoped_operations_only(spec: dict[str, Any]) -> None:
    org = spec["components"]["securitySchemes"]["orgId"]
    assert (org["type"], org["in"], org["name"]) == ("apiKey", "header", "X-Org-Id")
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            expected = (
                {"bearerAuth": []}
                if path.startswith("/me")
                else {
                    "bearerAuth": [],
                    "orgId": [],
                }
            )
            assert op["security"] == [expected], (method, path)


def test_enums_list_their_known_values_and_say_they_are_open(spec: dict[str, Any]) -> None:
    # Generators type the plain `enum`; the marker tells ours (and Speakeasy) it is open.
    for name in ("IssueStatus", "IssuePriority", "Role"):
        assert spec["components"]["schemas"][name][OPEN_ENUM] == "allow"
    listed = validator(spec, {"$ref": "#/components/schemas/IssueStatus"})
    assert listed.is_valid("In Progress") and not listed.is_valid("In Review")
    # The API as the sandbox and the SDK implement it accepts a status it does not list.
    status = validator(open_enums(spec), {"$ref": "#/components/schemas/IssueStatus"})
    for value in ("Backlog", "In Progress", "In Review"):
        status.validate(value)
    assert not status.is_valid("") and not status.is_valid("In\nReview")


def test_servers_are_production_and_the_sandbox(spec: dict[str, Any]) -> None:
    # No server variable: not every generator types one (openapi-generator python's client
    # fails mypy on a variable without `enum`). 8787 is `projekt-sandbox serve`'s default.
    assert [s["url"] for s in spec["servers"]] == [
        "https://projekt.3xa.es/api",
        "http://127.0.0.1:8787",
    ]
    assert not any("variables" in server for server in spec["servers"])
