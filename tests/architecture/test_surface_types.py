"""What users read carries no generator sentinels, and every facade method is documented."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any

import pytest

import projekt._api.models
import projekt._resources
from projekt._api.models import Issue, IssueSummary


def request_models(spec: dict[str, Any]) -> set[str]:
    return {
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        for item in spec["paths"].values()
        for method, op in item.items()
        if method != "parameters" and "requestBody" in op
    }


def test_a_listed_issue_from_the_smallest_body_reads_none_for_every_absent_field() -> None:
    smallest = {"id": "i", "title": "t", "status": "Todo", "priority": "low"}
    issue = IssueSummary.from_dict(smallest)
    absent = ("project_id", "description", "assignee_id", "created_at", "updated_at")
    assert {name: getattr(issue, name) for name in absent} == dict.fromkeys(absent)
    with pytest.raises(KeyError):  # a single issue always carries them: its types say so
        Issue.from_dict(smallest)


def test_no_response_model_annotation_mentions_unset(spec: dict[str, Any]) -> None:
    sent = request_models(spec)
    # Models name each other lazily (under TYPE_CHECKING), so resolve them by name.
    every_model = {name: getattr(projekt._api.models, name) for name in projekt._api.models.__all__}
    checked = []
    for name in projekt._api.models.__all__:
        model = getattr(projekt._api.models, name)
        if not inspect.isclass(model) or not hasattr(model, "from_dict") or name in sent:
            continue
        hints = typing.get_type_hints(model, localns=every_model)
        assert not [field for field, hint in hints.items() if "Unset" in repr(hint)], name
        checked.append(name)
    assert {"Issue", "Project", "User", "Comment", "ApiKey"} <= set(checked)


def test_request_models_still_tell_omitted_from_null() -> None:
    update = projekt._api.models.IssueUpdate(description=None)
    assert update.to_dict() == {"description": None}


def facade_methods() -> list[tuple[str, Any]]:
    found = []
    for class_name, cls in vars(projekt._resources).items():
        if inspect.isclass(cls) and class_name.endswith(("Resource", "ResourceWithRawResponse")):
            for name, method in vars(cls).items():
                if inspect.isfunction(method) and not name.startswith("_"):
                    found.append((f"{class_name}.{name}", method))
    return found


def test_every_facade_method_documents_each_argument_its_return_and_errors() -> None:
    methods = facade_methods()
    assert len(methods) == 4 * 15  # sync, async, each plain and raw, 15 operations
    for name, method in methods:
        doc = inspect.getdoc(method) or ""
        args = doc.split("Args:", 1)[-1].split("Returns:", 1)[0]
        documented = set(re.findall(r"^\s+(\w+) \(", args, re.MULTILINE))
        parameters = set(inspect.signature(method).parameters) - {"self"}
        assert parameters <= documented, f"{name} leaves out {parameters - documented}"
        assert "Returns:" in doc and "Raises:" in doc, name
