"""What the model template is told of each model, beyond what the generator knows.

- `runtime_types`: the type each decoded field must have (from_dict checks it);
- `integral`: whether a field is JSON Schema's integer alone, which counts 1.0 as one;
- `parses_datetimes`: whether a model reads a date-time (with types.py's
  `datetime_from_rfc3339`);
- `request_models`: the models request bodies carry, which keep `Unset` (omission means
  omission), where a response model reads a field the server left out as None;
- `secret_fields`: the fields the spec marks as secrets (`format: password`), which a
  model masks in repr().
"""

from __future__ import annotations

from typing import Any

from _facade import request_body
from _properties import (
    BooleanProperty,
    DateProperty,
    DateTimeProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    LiteralEnumProperty,
    ModelProperty,
    NoneProperty,
    StringProperty,
    kind_of,
)
from openapi_python_client import Project

# The runtime type a decoded field must have, per generator property class (a
# datetime's or a model's is the value its construct code made).
RUNTIME_TYPES: dict[type, tuple[str, ...]] = {
    StringProperty: ("str",),
    IntProperty: ("int",),
    FloatProperty: ("int", "float"),
    BooleanProperty: ("bool",),
    DateTimeProperty: ("datetime.datetime",),
    DateProperty: ("datetime.date",),
    ListProperty: ("list",),
    NoneProperty: ("type(None)",),
}


def runtime_types(prop: Any) -> str:
    """The `isinstance` argument that checks a decoded field, or "" where anything goes."""
    kinds: list[str] = []
    for member in getattr(prop, "inner_properties", None) or [prop]:
        kind = kind_of(member)
        if kind is LiteralEnumProperty:
            kinds.append(member.value_type.__name__)
        elif kind is ModelProperty:
            kinds.append(member.class_info.name)
        elif kind in RUNTIME_TYPES:
            kinds.extend(RUNTIME_TYPES[kind])
        else:
            return ""  # Any, const, file: not checked
    unique = sorted(set(kinds))
    return unique[0] if len(unique) == 1 else "(" + ", ".join(unique) + ")"


def integral(prop: Any) -> bool:
    """Is the field an integer and no other number? JSON Schema counts 1.0 as an integer, which
    `json` reads as a float, and a boolean as none, which Python counts as an int."""
    kinds = [kind_of(member) for member in getattr(prop, "inner_properties", None) or [prop]]
    return IntProperty in kinds and FloatProperty not in kinds


def parses_datetimes(model: Any) -> bool:
    """Does one of the model's fields, or a member of one's union, hold a date-time?"""
    return any(
        kind_of(member) is DateTimeProperty
        for prop in model.required_properties + model.optional_properties
        for member in getattr(prop, "inner_properties", None) or [prop]
    )


def request_models(project: Project) -> set[str]:
    """The models that request bodies carry: they keep `Unset`, so omission means omission."""
    return {
        body.class_info.name
        for collection in project.openapi.endpoint_collections_by_tag.values()
        for endpoint in collection.endpoints
        if (body := request_body(endpoint)) is not None
    }


def secret_fields(project: Project, spec: dict[str, Any]) -> dict[str, list[str]]:
    """Per model class, the JSON names of the fields its schema marks as secrets (`format:
    password`), its allOf members' included: the model masks them in repr()."""
    schemas = spec.get("components", {}).get("schemas", {})

    def secrets(schema: dict[str, Any]) -> set[str]:
        if "$ref" in schema:
            return secrets(schemas[schema["$ref"].rsplit("/", 1)[-1]])
        properties = schema.get("properties", {}).items()
        found = {name for name, prop in properties if prop.get("format") == "password"}
        for member in schema.get("allOf", []):
            found |= secrets(member)
        return found

    return {
        model.class_info.name: sorted(found)
        for model in project.openapi.models
        if (found := secrets(schemas.get(model.name.get_untrusted_value().rsplit("/", 1)[-1], {})))
    }
