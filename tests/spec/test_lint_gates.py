"""The Projekt Spectral rules really fire: each one catches the defect it exists for."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from tests.helpers import NODE_BIN, ROOT


def spectral_codes(spec: dict[str, Any], tmp_path: Path) -> set[str]:
    # Spectral resolves the ruleset's overrides against the linted file's name.
    target = tmp_path / "openapi.yaml"
    target.write_text(yaml.safe_dump(spec, sort_keys=False))
    result = subprocess.run(
        [
            str(NODE_BIN / "spectral"),
            "lint",
            str(target),
            "--ruleset",
            str(ROOT / ".spectral.yaml"),
            "--format",
            "json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    return {finding["code"] for finding in json.loads(result.stdout or "[]")}


def test_the_committed_spec_has_no_findings(spec: dict[str, Any], tmp_path: Path) -> None:
    assert spectral_codes(spec, tmp_path) == set()


@pytest.fixture(scope="module")
def broken_spec_codes(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    broken = copy.deepcopy(spec)
    issues = broken["paths"]["/issues"]
    issues["get"]["security"] = [{"bearerAuth": []}]  # drop X-Org-Id
    broken["paths"]["/me"]["get"]["security"] = [{"bearerAuth": [], "orgId": []}]
    org_parameter = {"name": "X-Org-Id", "in": "header", "required": True, "schema": {}}
    broken["paths"]["/projects"]["get"]["parameters"] = [org_parameter]
    del issues["post"]["security"]
    del issues["post"]["responses"]["429"]["$ref"]
    issues["post"]["responses"]["429"] = {
        "description": "Too many requests, without the envelope or Retry-After.",
        "headers": {},
    }
    issues["get"]["x-sdk-method"] = "ListAll"
    del issues["get"]["x-projekt-roles"]
    broken["paths"]["/me"]["options"] = copy.deepcopy(broken["paths"]["/me"]["get"])
    del broken["components"]["schemas"]["Issue"]["properties"]["title"]["description"]
    del broken["tags"][0]["x-displayName"]
    # What openapi-generator's PHP client could not compile (PCRE2 has no \u escape).
    broken["components"]["schemas"]["IssueStatus"]["pattern"] = "^[^\\u0000-\\u001f]+$"
    return spectral_codes(broken, tmp_path_factory.mktemp("broken"))


@pytest.mark.parametrize(
    "rule",
    [
        "projekt-org-header-on-org-scoped-operations",
        "projekt-no-org-header-on-me",
        "projekt-org-is-never-a-parameter",
        "projekt-security-on-every-operation",
        "projekt-error-envelope",
        "projekt-rate-limit-headers",
        "projekt-retry-after-on-429",
        "projekt-sdk-method-name",
        "projekt-property-description",
        "projekt-tag-display-name",
        "projekt-roles-on-every-operation",
        "projekt-no-options-operations",
        "projekt-portable-patterns",
    ],
)
def test_each_projekt_rule_catches_its_defect(broken_spec_codes: set[str], rule: str) -> None:
    assert rule in broken_spec_codes


@pytest.mark.parametrize(("bump", "passes"), [("none", False), ("minor", False), ("major", True)])
def test_a_breaking_change_needs_a_major_version_bump(
    spec: dict[str, Any], tmp_path: Path, bump: str, passes: bool
) -> None:
    major, minor, _ = (int(part) for part in spec["info"]["version"].split("."))
    version = {"none": f"{major}.{minor}.0", "minor": f"{major}.{minor + 1}.0"}.get(
        bump, f"{major + 1}.0.0"
    )
    changed = copy.deepcopy(spec)
    del changed["paths"]["/projects/{project_id}"]
    changed["info"]["version"] = version
    target = tmp_path / "openapi.yaml"
    target.write_text(yaml.safe_dump(changed, sort_keys=False))
    result = subprocess.run(
        [str(ROOT / "scripts" / "check-breaking.sh"), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode == 0) is passes, result.stdout


@pytest.mark.parametrize(
    "pattern",
    ["^(?<!x)y$", "^a++$", "^(?i)abc$", "^\\p{L}+$", "\\Aabc\\Z", "^(?P<n>a)$", "^(?=a)a$"],
)
def test_the_portable_pattern_rule_refuses_what_one_engine_misreads(
    spec: dict[str, Any], tmp_path: Path, pattern: str
) -> None:
    changed = copy.deepcopy(spec)
    changed["components"]["schemas"]["ProjectKey"]["pattern"] = pattern
    assert "projekt-portable-patterns" in spectral_codes(changed, tmp_path)


def patterns(node: Any, path: str = "") -> dict[str, str]:
    if isinstance(node, dict):
        found = {path: node["pattern"]} if isinstance(node.get("pattern"), str) else {}
        for key, value in node.items():
            found |= patterns(value, f"{path}/{key}")
        return found
    if isinstance(node, list):
        return {
            k: v for n, item in enumerate(node) for k, v in patterns(item, f"{path}/{n}").items()
        }
    return {}


def test_the_portable_rewrite_of_3_1_2_matches_what_3_1_1_matched() -> None:
    """API 3.1.2 spelled eleven patterns with \\xHH instead of \\uHHHH; redocly diff reports each
    as a major change, as text. As regexes they are the same: checked on every code point of
    the Basic Multilingual Plane, the NUL and control characters among them."""
    before = patterns(yaml.safe_load((ROOT / "releases" / "openapi-3.1.1.yaml").read_text()))
    after = patterns(yaml.safe_load((ROOT / "releases" / "openapi-3.1.2.yaml").read_text()))
    changed = {path for path in after if before.get(path) != after[path]}
    assert len(changed) == 11 and set(before) == set(after)
    samples = [chr(code) for code in range(0xD800)] + ["ok", "a\x00b", "line\nbreak", ""]
    for path in changed:
        old, new = re.compile(before[path]), re.compile(after[path])
        assert all(bool(old.search(s)) == bool(new.search(s)) for s in samples), path


@pytest.mark.parametrize("name", ["openapi.yaml", "arazzo/quickstart.arazzo.yaml"])
def test_the_spec_reads_the_same_in_yaml_1_1_and_1_2(name: str) -> None:
    """openapi-generator (SnakeYAML) and PyYAML read YAML 1.1, Redocly, Spectral and Prism
    (js-yaml) YAML 1.2: a bare `no`, `on` or `1e3` would be a boolean or text to some and a
    string or number to others, and their clients would disagree with the docs."""
    text = (ROOT / name).read_text()
    assert yaml.safe_load(text) == YAML(typ="safe", pure=True).load(text)
