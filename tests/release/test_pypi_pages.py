"""What each distribution's PyPI page shows: its own description, for people who install it,
rendered as PyPI renders it, with every link absolute, no command that only works in a clone,
and the project's links."""

from __future__ import annotations

import re
import zipfile
from email import message_from_bytes
from email.message import Message

import pytest
import readme_renderer.markdown

from tests.helpers import ROOT, build_once

pytestmark = pytest.mark.slow  # it builds the wheels

DISTRIBUTIONS = ("projekt", "projekt_cli", "projekt_sandbox")
PROJECT_URLS = {"Documentation", "Changelog", "Source", "Issues"}


def metadata(distribution: str) -> Message:
    build_once()
    (wheel,) = (ROOT / "dist").glob(f"{distribution}-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return message_from_bytes(archive.read(name))


@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_each_page_renders_with_absolute_links_and_no_clone_commands(distribution: str) -> None:
    meta = metadata(distribution)
    assert meta["Description-Content-Type"] == "text/markdown"
    description = meta.get_payload()
    assert isinstance(description, str) and len(description) > 500, distribution
    html = readme_renderer.markdown.render(description)
    assert html is not None, "PyPI would not render it"
    links = re.findall(r'href="([^"]*)"', html)
    assert links, distribution
    relative = [link for link in links if not re.match(r"https?://|#", link)]
    assert relative == [], f"{distribution}: links that go nowhere on PyPI: {relative}"
    targets = "demo|test|check|generate|build|docs|lint|bench|sandbox"
    clone_only = re.search(rf"(^|\n|`)make ({targets})\b", description)
    assert clone_only is None, "a make command only works in a clone of the repository"
    assert "pip install" in description
    urls = {value.split(",", 1)[0] for value in meta.get_all("Project-URL") or []}
    assert urls == PROJECT_URLS, urls
