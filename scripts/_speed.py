"""The fast paths of response parsing, as the templates render them.

- With the speed extra installed, a 2xx body is decoded by msgspec into a Struct
  twin of its response model (structs.py.jinja), which checks every type in C, and
  the attrs model is filled from it.
- Without it, the model's `from_dict` (model.py.jinja) first tries the common case:
  exactly its fields, each of its exact JSON type, read with one itemgetter.

Both only stay "the same result either way" where each field maps one-to-one, so
a model gets them only when every field is one of the kinds below (and every model
it nests does too). Anything else keeps the ordinary path; nothing is approximated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from _facade import untrusted
from _properties import (
    AnyProperty,
    BooleanProperty,
    DateTimeProperty,
    IntProperty,
    ListProperty,
    LiteralEnumProperty,
    ModelProperty,
    NoneProperty,
    StringProperty,
    kind_of,
)
from openapi_python_client import Project

# Per generator property kind: the Struct type, and how a decoded dict's value is
# checked. Datetimes travel as text and are parsed by the same
# `datetime.fromisoformat` as the ordinary path.
SCALARS: dict[type, str] = {StringProperty: "str", IntProperty: "int", BooleanProperty: "bool"}


@dataclass(frozen=True)
class Member:
    struct_type: str
    from_struct: str  # an expression of `value`, the Struct's field
    check: str  # a test of `value`, a decoded JSON value, exact types only
    from_dict: str  # an expression of `value` that passed `check`


@dataclass(frozen=True)
class Field:
    name: str  # the JSON key
    python_name: str
    struct_type: str
    from_struct: str
    check: str
    from_dict: str
    required: bool

    @property
    def renamed(self) -> bool:
        return self.name != self.python_name

    def check_as(self, local: str) -> str:
        return re.sub(r"\bvalue\b", local, self.check)

    def from_dict_as(self, local: str) -> str:
        return re.sub(r"\bvalue\b", local, self.from_dict)


@dataclass(frozen=True)
class Twin:
    model: str
    module: str
    fields: tuple[Field, ...]

    # The model template's fast path reads the fields into locals _1, _2, ... (so a
    # field named like a builtin cannot shadow `type`).
    @property
    def keys(self) -> str:
        return ", ".join(f'"{f.name}"' for f in self.fields)

    @property
    def locals(self) -> str:
        return ", ".join(f"_{n}" for n in range(1, len(self.fields) + 1))

    @property
    def checks(self) -> str:
        return " and ".join(f"({f.check_as(f'_{n}')})" for n, f in enumerate(self.fields, 1))

    @property
    def parses_datetimes(self) -> bool:
        return any("fromisoformat(" in f.from_dict for f in self.fields)

    def assignments(self) -> list[tuple[str, str]]:
        return [(f.python_name, f.from_dict_as(f"_{n}")) for n, f in enumerate(self.fields, 1)]


def member(prop: Any) -> Member | None:
    """How one non-null member maps, or None when it does not map one-to-one."""
    kind = kind_of(prop)
    if kind in SCALARS:
        return Member(SCALARS[kind], "value", f"type(value) is {SCALARS[kind]}", "value")
    if kind is LiteralEnumProperty and prop.value_type is str:
        return Member("str", "value", "type(value) is str", "value")  # open: text as it came
    if kind is DateTimeProperty:
        iso = "fromisoformat(value)"
        return Member("str", iso, "type(value) is str", iso)
    if kind is ModelProperty:
        name, module = prop.class_info.name, prop.class_info.module_name
        check, from_dict = "type(value) is dict", f"{name}.from_dict(value)"
        return Member(f"{name}Struct", f"to_{module}(value)", check, from_dict)
    if kind is ListProperty:
        inner = member(prop.inner_property)
        if inner is None:
            return None
        many = inner.from_struct.replace("(value)", "_list(value)", 1)  # a model: one loop
        return Member(
            f"list[{inner.struct_type}]",
            many if kind_of(prop.inner_property) is ModelProperty else each(inner.from_struct),
            "type(value) is list",
            each(inner.from_dict),
        )
    return None


def each(convert: str) -> str:
    return "value" if convert == "value" else f"[{convert} for value in value]"


def field(prop: Any) -> Field | None:
    members = getattr(prop, "inner_properties", None) or [prop]
    nullable = any(kind_of(m) is NoneProperty for m in members)
    mapped = {member(m) for m in members if kind_of(m) is not NoneProperty}
    if None in mapped or len(mapped) != 1:
        return None
    if not prop.required and prop.default is not None:
        return None  # a default the ordinary path fills in: left to it
    (one,) = mapped
    assert one is not None
    struct_type, from_struct, check, from_dict = (
        one.struct_type,
        one.from_struct,
        one.check,
        one.from_dict,
    )
    if nullable:
        struct_type += " | None"
        check = f"value is None or {check}"
        if from_struct != "value":
            from_struct = f"None if value is None else {from_struct}"
        if from_dict != "value":
            from_dict = f"None if value is None else {from_dict}"
    if not prop.required and nullable:  # absent reads as None, as null does: msgspec's default
        struct_type += " = None"
    elif not prop.required:  # absent reads as None, but null is refused: told apart by UNSET
        struct_type += " | UnsetType = UNSET"
        from_struct = f"None if value is UNSET else {from_struct}"
    return Field(
        untrusted(prop.name),
        prop.python_name,
        struct_type,
        from_struct,
        check,
        from_dict,
        prop.required,
    )


def twins(project: Project, request_models: set[str]) -> list[Twin]:
    """A twin per response model whose fields all map, nested ones first."""
    models: dict[str, Any] = {str(m.class_info.name): m for m in project.openapi.models}
    built: dict[str, Twin | None] = {}

    def build(name: str) -> Twin | None:
        if name in built:
            return built[name]
        built[name] = None  # a cycle stays unmapped
        model = models[name]
        if name in request_models or kind_of(model.additional_properties) is not AnyProperty:
            return None  # request models keep Unset; closed models drop extras their own way
        fields = []
        for prop in model.required_properties + model.optional_properties:
            for nested in nested_models(prop):
                if build(nested) is None:
                    return None
            mapped = field(prop)
            if mapped is None:
                return None
            fields.append(mapped)
        twin = Twin(name, model.class_info.module_name, tuple(fields))
        del built[name]  # re-insert after its nested twins, so the order is dependency-first
        built[name] = twin
        return twin

    for name in sorted(models):
        build(name)
    return [twin for twin in built.values() if twin is not None]


def nested_models(prop: Any) -> list[str]:
    found = []
    for member in getattr(prop, "inner_properties", None) or [prop]:
        while kind_of(member) is ListProperty:
            member = member.inner_property
        if kind_of(member) is ModelProperty:
            found.append(member.class_info.name)
    return found


def fast_decode(response: Any) -> str:
    """The `decode(...)` call a 2xx response of a model (or list of models) starts with."""
    prop, low = response.prop, response.status_code.range[0]
    if not 200 <= low < 300 or response.source["attribute"] != "response.json()":
        return ""
    many = kind_of(prop) is ListProperty
    model = prop.inner_property if many else prop
    if kind_of(model) is not ModelProperty or not getattr(prop, "required", True):
        return ""
    return f"decode(response.content, {model.class_info.name}{', many=True' if many else ''})"
