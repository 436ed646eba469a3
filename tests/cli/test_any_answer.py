"""Any answer the spec allows is written in every output format, and reads back as it came.

Hypothesis writes the bodies from each operation's response schema (tests/bodies.py); the
SDK reads each, and the CLI writes what it read as `-o json`, `jsonl`, `yaml` and `table`
to a terminal. JSON and YAML must read back as the model's JSON (`to_dict()`), and a table
must hold no control character but its own styling.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
import yaml
from hypothesis import given
from ruamel.yaml import YAML

from projekt._runtime.calls.operation import Operation
from projekt_cli._output import FORMATS, plain, write_list, write_object
from tests.bodies import body, every_answer, examples, parsed

CONTROLS = {chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
STYLING = re.compile(r"\x1b\[[0-9;]*m")  # rich's bold headers
YAML_1_2 = YAML(typ="safe", pure=True)  # as yq and js-yaml read it; PyYAML reads YAML 1.1


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def written(value: Any, fmt: str) -> str:
    out = Terminal()
    if isinstance(value, list):
        write_list([value], fmt, None, out, io.StringIO())
    else:
        write_object(value, fmt, out, io.StringIO())
    return out.getvalue()


def read_back(text: str, fmt: str, many: bool) -> Any:
    if fmt == "jsonl" and many:
        return [json.loads(line) for line in text.splitlines()]
    if fmt in ("json", "jsonl"):
        return json.loads(text)
    read = yaml.safe_load(text)
    assert YAML_1_2.load(text) == read
    return read


@every_answer
def test_any_answer_is_written_in_every_format_and_reads_back(
    operation: Operation[Any], method: str, path: str, status: int, schema: dict[str, Any]
) -> None:
    @examples(10)
    @given(body(schema))
    def check(answer: Any) -> None:
        value = parsed(operation, method, path, status, json.dumps(answer).encode())
        many = isinstance(value, list)
        expected = [plain(item) for item in value] if many else plain(value)
        for fmt in FORMATS:
            text = written(value, fmt)
            if fmt == "table":
                assert not CONTROLS & set(STYLING.sub("", text)), text
            elif not (fmt == "yaml" and many and not value):  # an empty list's YAML is "[]"
                assert read_back(text, fmt, many) == expected, fmt

    check()


@pytest.mark.parametrize("text", ["1e3", "1E+3", "-2.5e-3", ".5e3", "0o17", "no", "12:30", "~"])
def test_yaml_writes_text_that_reads_as_text_in_yaml_1_1_and_1_2(text: str) -> None:
    """PyYAML writes YAML 1.1, which reads `1e3` and `0o17` as text, so it wrote them bare,
    and YAML 1.2 (ruamel.yaml, yq, js-yaml) read the numbers 1000.0 and 15."""
    written_yaml = written({"title": text, "count": 3, "ratio": 0.5}, "yaml")
    assert yaml.safe_load(written_yaml) == YAML_1_2.load(written_yaml)
    assert yaml.safe_load(written_yaml) == {"title": text, "count": 3, "ratio": 0.5}
    assert yaml.safe_dump({"t": "1e3"}) == "t: 1e3\n"  # the program's own PyYAML is as it was
