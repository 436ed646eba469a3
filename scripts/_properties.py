"""The generator's property kinds, by class, for the scripts that read its model.

The scripts decide how a field is checked and decoded by its property's class.
They test classes imported from openapi-python-client, never class names, so a
generator upgrade that renames one fails at import; and `kind_of` refuses a kind
this module does not list, so a new one fails loudly instead of silently taking
an "anything goes" branch.
"""

from __future__ import annotations

from typing import Any

from openapi_python_client.parser.properties.any import AnyProperty
from openapi_python_client.parser.properties.boolean import BooleanProperty
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.enum_property import EnumProperty
from openapi_python_client.parser.properties.file import FileProperty
from openapi_python_client.parser.properties.float import FloatProperty
from openapi_python_client.parser.properties.int import IntProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.literal_enum_property import LiteralEnumProperty
from openapi_python_client.parser.properties.model_property import ModelProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty

__all__ = [
    "AnyProperty",
    "BooleanProperty",
    "DateProperty",
    "DateTimeProperty",
    "FloatProperty",
    "IntProperty",
    "ListProperty",
    "LiteralEnumProperty",
    "ModelProperty",
    "NoneProperty",
    "StringProperty",
    "UnknownPropertyKind",
    "UuidProperty",
    "kind_of",
]

KNOWN_KINDS: tuple[type, ...] = (
    AnyProperty,
    BooleanProperty,
    ConstProperty,
    DateProperty,
    DateTimeProperty,
    EnumProperty,
    FileProperty,
    FloatProperty,
    IntProperty,
    ListProperty,
    LiteralEnumProperty,
    ModelProperty,
    NoneProperty,
    StringProperty,
    UnionProperty,
    UuidProperty,
)


class UnknownPropertyKind(TypeError):
    """The generator made a property of a kind the scripts were not written for."""


def kind_of(prop: Any) -> type:
    """The property's class, once it is known to be one the scripts handle."""
    kind = type(prop)
    if kind not in KNOWN_KINDS:
        raise UnknownPropertyKind(
            f"openapi-python-client made a {kind.__module__}.{kind.__qualname__} "
            f"(for {getattr(prop, 'name', '?')!r}), a kind scripts/_properties.py does not "
            "list: decide in scripts/_speed.py and scripts/generate.py how it is checked "
            "and decoded, then add it to KNOWN_KINDS."
        )
    return kind
