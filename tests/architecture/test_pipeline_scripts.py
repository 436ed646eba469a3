"""The pipeline's scripts fail loudly when a generator upgrade changes what they read."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import _properties
import _speed
import generate


class PropertyOfANewKind:
    """What a future openapi-python-client might hand the scripts."""

    name = "labels"
    required = True
    default = None


@pytest.mark.parametrize(
    "read",
    [_speed.member, _speed.field, _speed.nested_models, generate.runtime_types],
    ids=["speed.member", "speed.field", "speed.nested_models", "generate.runtime_types"],
)
def test_a_property_of_an_unknown_kind_is_refused_by_name(read: Any) -> None:
    with pytest.raises(_properties.UnknownPropertyKind, match=r"PropertyOfANewKind.*'labels'"):
        read(PropertyOfANewKind())


def test_table_columns_naming_a_field_the_schema_lacks_stop_the_generation() -> None:
    import _commands

    def listing(columns: list[str]) -> dict[str, Any]:
        items = {"properties": {"id": {}, "body": {}}, "x-projekt-columns": columns}
        schema = {"type": "array", "items": items}
        ok = {"content": {"application/json": {"schema": schema}}}
        return {"operationId": "listNotes", "responses": {"200": ok}}

    assert _commands.table_columns({}, listing(["body", "id"])) == ["body", "id"]
    with pytest.raises(SystemExit, match=r"listNotes: x-projekt-columns names \['text'\]"):
        _commands.table_columns({}, listing(["text"]))


def test_an_id_written_as_format_uuid_is_sent_to_the_specs_uuid_schema() -> None:
    """`format: uuid`, the usual way to write an id, stopped the generation with a message
    that sent the maintainer into the scripts, not to the spec's own Uuid schema."""
    import _commands

    made_for_format_uuid = object.__new__(_properties.UuidProperty)
    with pytest.raises(SystemExit, match=r"getNote: .* '#/components/schemas/Uuid'"):
        _commands.option_type(made_for_format_uuid, "getNote")


def test_every_kind_the_installed_generator_has_is_known() -> None:
    from openapi_python_client.parser import properties

    kinds = {
        value
        for name, value in vars(properties).items()
        if name.endswith("Property") and isinstance(value, type)
    }
    assert kinds <= set(_properties.KNOWN_KINDS)


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_scripts_do_not_depend_on_the_sandboxs_server() -> None:
    """The pipeline reads the spec through projekt_sandbox.openapi, and nothing else of it."""
    scripts = sorted((ROOT / "scripts").glob("*.py"))
    assert len(scripts) >= 10
    reaching = {
        str(path.relative_to(ROOT)): name
        for path in scripts
        for name in imported_modules(path)
        if name.split(".")[0] == "projekt_sandbox" and name != "projekt_sandbox.openapi"
    }
    assert reaching == {}
    script = "import sys, projekt_sandbox.openapi; print(sorted(set(sys.modules) & {'starlette'}))"
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert loaded.stdout.strip() == "[]", loaded.stderr


def test_the_spec_is_read_in_one_place() -> None:
    """Only projekt_sandbox.openapi parses openapi.yaml in hand-written code (tests aside)."""
    readers = [
        str(path.relative_to(ROOT))
        for folder in ("scripts", "sandbox", "overlays", "cli")
        for path in (ROOT / folder).rglob("*.py")
        if {"yaml", "ruamel.yaml"} & imported_modules(path)
    ]
    # The CLI imports PyYAML to write `-o yaml`; it reads no YAML at all.
    assert sorted(readers) == ["cli/projekt_cli/_yaml.py", "sandbox/projekt_sandbox/openapi.py"]
