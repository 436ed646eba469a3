"""Any body the spec allows is read: a 2xx's the same with the speed extra (msgspec) as
without, an error's as the exception its envelope names.

test_decoding.py holds the bodies someone thought of; here Hypothesis writes them
(tests/bodies.py) from each operation's response schemas in openapi.yaml: fields left out
where they may be, null where a field is nullable, an unknown field (a later API version's),
every string its pattern allows, every date-time RFC 3339 allows (a "t" and a "z" in lower
case, an offset, up to nine digits of a second), and an integer written `2.0`, as JSON
Schema counts one.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given

from projekt import APIStatusError
from projekt._api import _speed
from projekt._runtime.calls.operation import Operation
from tests.bodies import FACADE, OPERATIONS, body, every_answer, every_error, examples, parsed
from tests.helpers import issue_json, shape


def read(operation: Operation[Any], method: str, path: str, status: int, text: bytes) -> Any:
    return shape(parsed(operation, method, path, status, text))


def test_every_operation_that_answers_json_is_covered() -> None:
    answering = {operation.operation_id for operation in FACADE if operation.returns_body}
    assert answering and answering == {operation.operation_id for operation, *_ in OPERATIONS}


def test_a_date_time_written_in_lower_case_is_the_same_date_time() -> None:
    operation, method, path, status, _ = next(
        found for found in OPERATIONS if found[0].operation_id == "getIssue"
    )
    times = {"created_at": "2026-05-28T09:14:02.5Z", "updated_at": "2026-05-28T10:00:00+02:00"}
    lower = {name: value.lower() for name, value in times.items()}
    read_upper, read_lower = (
        read(operation, method, path, status, json.dumps(issue_json(**each)).encode())
        for each in (times, lower)
    )
    assert read_lower == read_upper
    assert read_lower[1]["created_at"] == (datetime, datetime(2026, 5, 28, 9, 14, 2, 500000, UTC))


@every_error
def test_any_error_the_spec_allows_raises_its_code_message_and_request_id(
    operation: Operation[Any], method: str, path: str, status: int, schema: dict[str, Any]
) -> None:
    @examples(20)
    @given(body(schema))
    def check(envelope: dict[str, Any]) -> None:
        with pytest.raises(APIStatusError) as raised:
            read(operation, method, path, status, json.dumps(envelope).encode())
        error, said = raised.value, envelope["error"]
        assert (error.status_code, error.code, error.request_id) == (
            status,
            said["code"],
            said["request_id"],
        )
        assert error.message.startswith(said["message"])  # a 5xx to a write says more
        assert [(d.field, d.message) for d in error.details] == [
            (d["field"], d["message"]) for d in said.get("details", [])
        ]

    check()


@every_answer
def test_any_body_the_spec_allows_is_read_the_same_by_both_installs(
    operation: Operation[Any], method: str, path: str, status: int, schema: dict[str, Any]
) -> None:
    assert _speed.speed_extra() == "msgspec"  # installed by the pinned dev requirements

    @examples(30)
    @given(body(schema))
    def check(value: Any) -> None:
        text = json.dumps(value).encode()
        fast = read(operation, method, path, status, text)
        saved = _speed._twins, _speed._missing
        _speed._twins, _speed._missing = None, True  # as installed without the speed extra
        try:
            plain = read(operation, method, path, status, text)
        finally:
            _speed._twins, _speed._missing = saved
        assert fast == plain

    check()
