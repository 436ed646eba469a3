"""Validation details in words a person would write, in the spec's terms: through the SDK
against the sandbox, and for every kind of rule the spec uses."""

from __future__ import annotations

from typing import Any

import pytest

import projekt
from projekt_sandbox.schemas import Schemas, problems
from projekt_sandbox.testing import ProjektSandbox
from projekt_sandbox.wording import said

UUID = "Must be a UUID, such as 9f1c7a2e-6d4b-4e8a-b3c1-2f5d6e7a8b9c."
PRIORITIES = (
    "Must be one of urgent, high, medium, low, none (or another value of 1 to 64 characters, "
    "without control characters)."
)


def details_of(error: projekt.APIStatusError) -> dict[str, str]:
    return {detail.field: detail.message for detail in error.details}


def test_a_bad_body_is_described_field_by_field(projekt_sandbox: ProjektSandbox) -> None:
    with projekt_sandbox.client() as client, pytest.raises(projekt.UnprocessableEntityError) as e:
        client.issues.create(project_id="nope", title="", priority="")
    assert details_of(e.value) == {
        "project_id": UUID,
        "title": "Must not be empty.",
        "priority": PRIORITIES,
    }


def test_a_bad_query_parameter_is_described(projekt_sandbox: ProjektSandbox) -> None:
    with projekt_sandbox.client() as client, pytest.raises(projekt.UnprocessableEntityError) as e:
        list(client.projects.list(extra_query={"limit": 500}))
    assert details_of(e.value) == {"limit": "Must be at most 200."}
    # A number out of range is not malformed, as the message said before.
    assert e.value.message == "The query parameter limit is invalid."


@pytest.mark.parametrize(
    ("pointer", "value", "expected"),
    [
        (
            "IssueCreate",
            {},
            {"project_id": "This field is required.", "title": "This field is required."},
        ),
        ("IssueUpdate", {}, {"body": "Must have at least 1 field."}),
        ("IssueUpdate", {"title": 5}, {"title": "Must be text."}),
        (
            "IssueUpdate",
            {"title": "a\nb"},
            {"title": "Must not be empty or contain control characters."},
        ),
        ("IssueUpdate", {"assignee_id": "x"}, {"assignee_id": UUID}),
        (
            "ProjectCreate",
            {"name": "n" * 201, "key": "WEB"},
            {"name": "Must be at most 200 characters."},
        ),
        ("ProjectCreate", {"name": "n", "key": "W"}, {"key": "Must be at least 2 characters."}),
        (
            "ProjectCreate",
            {"name": "n", "key": "web"},
            {
                "key": "Must match ^[A-Z][A-Z0-9]{1,9}$ (a short upper-case key that prefixes "
                "issue numbers, such as `WEB`)."
            },
        ),
    ],
)
def test_each_rule_of_a_request_schema_in_words(
    spec: dict[str, Any], pointer: str, value: Any, expected: dict[str, str]
) -> None:
    check = Schemas(spec).at(f"/components/schemas/{pointer}")
    assert {d["field"]: d["message"] for d in problems(check, value)} == expected


# Each JSON Schema keyword the spec may use, as the validator names its failure, with
# the details the validator gives.
KINDS = {
    "type": ("Type", {"types": ["string"]}),
    "minLength": ("MinLength", {"limit": 3}),
    "maxLength": ("MaxLength", {"limit": 3}),
    "pattern": ("Pattern", {"pattern": "^x$"}),
    "minimum": ("Minimum", {"limit": 1}),
    "maximum": ("Maximum", {"limit": 9}),
    "maxItems": ("MaxItems", {"limit": 9}),
    "minProperties": ("MinProperties", {"limit": 1}),
    "enum": ("Enum", {}),
    "anyOf": ("AnyOf", {}),
    "format": ("Format", {"format": "date-time"}),
    "required": ("Required", {"property": "x"}),
    "additionalProperties": ("AdditionalProperties", {"unexpected": ["x"]}),
}


def keywords(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for value in node.values() for k in keywords(value)}
    if isinstance(node, list):
        return {k for value in node for k in keywords(value)}
    return set()


def test_every_kind_of_rule_the_spec_uses_has_words(spec: dict[str, Any]) -> None:
    used = keywords(spec["components"]) & {*KINDS, "uniqueItems", "const", "oneOf", "not"}
    assert used <= set(KINDS), f"give {used - set(KINDS)} words in wording.py"
    rule = {"enum": ["a"], "anyOf": [{"enum": ["a"]}], "properties": {"y": {}}}
    for keyword in sorted(used):
        kind, details = KINDS[keyword]
        assert said(kind, details, rule, spec), keyword
