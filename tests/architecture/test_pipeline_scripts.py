"""The pipeline's scripts fail loudly when a generator upgrade changes what they read."""

from __future__ import annotations

import sys
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


def test_every_kind_the_installed_generator_has_is_known() -> None:
    from openapi_python_client.parser import properties

    kinds = {
        value
        for name, value in vars(properties).items()
        if name.endswith("Property") and isinstance(value, type)
    }
    assert kinds <= set(_properties.KNOWN_KINDS)
