"""What the README, CONTRIBUTING and docs/ say must hold: every relative link leads to a file
of this repository, and the dependencies the README names are the ones pyproject declares."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.helpers import ROOT

DOCUMENTS = sorted(
    [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").rglob("*.md")],
    key=str,
)
# [text](target): a Markdown link, outside code spans.
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(document: Path) -> None:
    text = re.sub(r"```.*?```", "", document.read_text(), flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", "", text)
    broken = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:|#", target):
            continue
        path = (document.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            broken.append(target)
    assert broken == [], f"{document.relative_to(ROOT)}: links to nothing: {broken}"


def test_the_readme_names_the_dependencies_pyproject_declares() -> None:
    readme = (ROOT / "README.md").read_text()
    sentence = readme.split("Its dependencies: ", 1)[1]
    sentence = re.sub(r"\([^)]*\)", "", sentence).split(".", 1)[0]
    named = {name.strip() for name in re.split(r",|\band\b", sentence) if name.strip()}
    assert named == DECLARED


def test_the_pypi_page_names_the_dependencies_pyproject_declares() -> None:
    """What PyPI shows beside `pip install projekt`: "Python 3.11+; httpx, ..."."""
    page = (ROOT / "docs" / "pypi" / "projekt.md").read_text()
    comment = re.search(r"^pip install projekt +# Python 3\.11\+; (.*)$", page, re.MULTILINE)
    assert comment, "docs/pypi/projekt.md: no `pip install projekt  # Python 3.11+; ...` line"
    assert {name.strip() for name in comment[1].split(",")} == DECLARED


DECLARED = {
    re.split(r"[<>=!;\s]", spec, maxsplit=1)[0]
    for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
}


def test_the_dependency_table_says_why_each_declared_dependency_is_here() -> None:
    """docs/dependencies.md has a row for every dependency the three distributions declare,
    their extras' too: a new one comes with its reason."""
    declared = set()
    for pyproject in ("pyproject.toml", "cli/pyproject.toml", "sandbox/pyproject.toml"):
        project = tomllib.loads((ROOT / pyproject).read_text())["project"]
        extras = project.get("optional-dependencies", {}).values()
        for spec in [*project["dependencies"], *(spec for extra in extras for spec in extra)]:
            declared.add(normal(re.split(r"[<>=!;\[\s]", spec, maxsplit=1)[0]))
    rows = (ROOT / "docs" / "dependencies.md").read_text().splitlines()
    named = set()
    for row in rows[rows.index("| Dependency | Pinned in | Why it is here |") + 2 :]:
        if row.startswith("|"):
            first_cell = re.sub(r"\([^)]*\)", "", row.split("|")[1])
            named |= {normal(name) for name in first_cell.split(",") if name.strip()}
    assert declared - {"projekt", "projekt-cli"} - named == set()


def normal(name: str) -> str:
    """A distribution's name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()
