"""The spec polyglot teams pin (dist/projekt-openapi-<version>.yaml and .json): openapi.yaml
itself, each operation carrying the code samples CI runs (tests/docs/test_samples.py), so
Redoc, Redocly and Scalar show samples that are known to work."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT, build_once

sys.path.insert(0, str(ROOT / "scripts"))
from build_docs import docs_spec

pytestmark = pytest.mark.slow  # it builds the distributions

METHODS = ("get", "put", "post", "patch", "delete")


def without_samples(document: dict[str, Any]) -> dict[str, Any]:
    for item in document["paths"].values():
        for method in METHODS:
            item.get(method, {}).pop("x-codeSamples", None)
    return document


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_the_bundle_is_the_spec_with_the_tested_samples(kind: str) -> None:
    build_once()
    source = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    (path,) = (ROOT / "dist").glob(f"projekt-openapi-{source['info']['version']}.{kind}")
    bundle = json.loads(path.read_text()) if kind == "json" else yaml.safe_load(path.read_text())
    tested = docs_spec(source)  # the samples tests/docs/test_samples.py runs
    count = 0
    for route, item in bundle["paths"].items():
        for method in METHODS:
            if method in item:
                expected = tested["paths"][route][method]["x-codeSamples"]
                assert item[method]["x-codeSamples"] == expected, (route, method)
                assert [s["lang"] for s in expected] == ["curl", "Python", "TypeScript", "PHP"]
                count += 1
    assert count == 15
    assert without_samples(bundle) == source  # nothing else differs, patterns included
