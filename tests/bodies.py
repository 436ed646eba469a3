"""Bodies Hypothesis writes from the response schemas of openapi.yaml, for the tests of what
the SDK and the CLI make of any answer the spec allows.

The schemas use a handful of JSON Schema's keywords; `body()` reads each of them and
refuses any other, so a schema that grows a new one fails the tests until it is read too.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import projekt._resources as resources
from projekt._runtime.calls.operation import Operation, parse_response
from projekt._runtime.errors.safety import READ_METHODS
from tests.helpers import ROOT

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
# Keywords that say nothing of what a value may be.
NOTES = {
    "description",
    "example",
    "examples",
    "title",
    "x-speakeasy-unknown-values",
    "x-projekt-columns",
}
READ = {"type", "enum", "allOf", "properties", "required", "items", "maxItems", "format"}
READ |= {"pattern", "minLength", "maxLength", "minimum", "maximum"}
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


def resolved(node: Any) -> Any:
    """`node` with every `$ref` replaced by what it points to."""
    if isinstance(node, list):
        return [resolved(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return resolved({**copy.deepcopy(target), **siblings})
    return {key: resolved(value) for key, value in node.items()}


def merged(schema: dict[str, Any]) -> dict[str, Any]:
    """An `allOf` of objects as the one object it describes."""
    whole = {key: value for key, value in schema.items() if key != "allOf"}
    for part in map(merged, schema.get("allOf", [])):
        whole["properties"] = {**whole.get("properties", {}), **part.get("properties", {})}
        whole["required"] = [*whole.get("required", []), *part.get("required", [])]
        whole.update({k: v for k, v in part.items() if k not in ("properties", "required")})
    return whole


def rfc3339() -> st.SearchStrategy[str]:
    """Date-times as RFC 3339 (section 5.6) writes them, in every form it allows."""
    fraction = st.integers(0, 9).flatmap(
        lambda digits: st.text("0123456789", min_size=digits, max_size=digits)
    )
    offset = st.sampled_from(["Z", "z"]) | st.builds(
        "{}{:02d}:{:02d}".format, st.sampled_from("+-"), st.integers(0, 23), st.integers(0, 59)
    )
    return st.builds(
        lambda when, t, fraction, offset: (
            f"{when.year:04d}-{when:%m-%d}{t}{when:%H:%M:%S}{'.' + fraction if fraction else ''}"
            f"{offset}"
        ),
        st.datetimes(),
        st.sampled_from("Tt"),
        fraction,
        offset,
    )


def body(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Every value `schema` allows (as far as a test needs to look)."""
    schema = merged(schema)
    unread = set(schema) - READ - NOTES
    assert not unread, f"teach body() the keywords {sorted(unread)}"
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([body({**schema, "type": kind}) for kind in kinds])
    if kinds == "null":
        return st.none()
    if kinds == "integer":
        number = st.integers(schema.get("minimum"), schema.get("maximum"))
        return number | number.map(float)  # 2.0 is an integer to JSON Schema
    if kinds == "array":
        return st.lists(body(schema["items"]), max_size=min(schema.get("maxItems", 3), 3))
    if kinds == "object":
        return object_body(schema)
    assert kinds == "string", schema
    if schema.get("format") == "date-time":
        return rfc3339()
    least, most = schema.get("minLength", 0), schema.get("maxLength", 40)
    if "pattern" in schema:
        text = st.from_regex(schema["pattern"], fullmatch=True)
        return text.filter(lambda value: least <= len(value) <= most)
    return st.text(min_size=least, max_size=min(most, 40))


def object_body(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    fields = {name: body(part) for name, part in schema.get("properties", {}).items()}
    required = set(schema.get("required", []))
    unknown = st.dictionaries(st.text(max_size=8).filter(lambda name: name not in fields), JSON)
    return st.builds(
        lambda given, optional, unknown: {**unknown, **given, **optional},
        st.fixed_dictionaries({name: fields[name] for name in required}),
        st.fixed_dictionaries({}, optional={n: s for n, s in fields.items() if n not in required}),
        unknown,
    )


def documented(*, errors: bool) -> list[tuple[Operation[Any], str, str, int, dict[str, Any]]]:
    """Each operation of the facade's JSON answers (its 2xx, or its errors): its method, path,
    status and schema."""
    in_spec = {
        spec["operationId"]: (method.upper(), path, resolved(spec["responses"]))
        for path, item in SPEC["paths"].items()
        for method, spec in item.items()
        if isinstance(spec, dict) and "operationId" in spec
    }
    found = []
    for operation in FACADE:
        method, path, responses = in_spec[operation.operation_id]
        for status, answer in responses.items():
            media = answer.get("content", {}).get("application/json")
            if media and str(status).startswith("2") != errors:
                found.append((operation, method, path, int(status), media["schema"]))
    return found


FACADE = [value for value in vars(resources).values() if isinstance(value, Operation)]
OPERATIONS = documented(errors=False)
# The error mapping tells a read from a write (a 5xx to a write may have acted), nothing else
# of an operation: one of each kind a status.
ERRORS = list(
    {(found[3], found[1] in READ_METHODS): found for found in documented(errors=True)}.values()
)


def parsed(operation: Operation[Any], method: str, path: str, status: int, text: bytes) -> Any:
    """What the SDK makes of `text`, answered with `status` to the operation."""
    request = httpx.Request(method, f"https://api.test{path}")
    headers = {"Content-Type": "application/json", "X-Request-Id": "req_any1"}
    answer = httpx.Response(status, headers=headers, content=text, request=request)
    return parse_response(operation, answer)


# A test of (operation, method, path, status, schema), run for each 2xx answer, or each error.
FIELDS = ("operation", "method", "path", "status", "schema")
every_answer = pytest.mark.parametrize(
    FIELDS, OPERATIONS, ids=[operation.operation_id or "" for operation, *_ in OPERATIONS]
)
every_error = pytest.mark.parametrize(
    FIELDS,
    ERRORS,
    ids=[f"{operation.operation_id}-{status}" for operation, _, _, status, _ in ERRORS],
)


def examples(count: int) -> settings:
    """`count` bodies a test, however long each takes."""
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow])
