"""The docs' sandboxes and browser: the checkout's sandbox serving build/docs, the sandbox
wheel installed in a clean venv (serving the docs it bundles), and headless Chromium."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.docs.console import ARTIFACTS, CHROMIUM_ARGS, Console
from tests.helpers import ROOT, Sandbox, build_once


@pytest.fixture(scope="module")
def docs_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    build_once()  # the docs, as `make build` makes them
    server = Sandbox(tmp_path_factory.mktemp("docs") / "docs.db")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def installed_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """`pip install projekt-sandbox` from the built wheel into a clean venv, and its
    `serve` with no --docs: the docs it serves are the ones the wheel bundles."""
    build_once()
    home = tmp_path_factory.mktemp("installed-sandbox")
    subprocess.run([sys.executable, "-m", "venv", home / "venv"], check=True)
    wheels = [
        next((ROOT / "dist").glob(f"{name}-*.whl")) for name in ("projekt", "projekt_sandbox")
    ]
    pip = [home / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "--disable-pip-version-check", *wheels], check=True)
    server = Sandbox(home / "docs.db", bin_dir=home / "venv" / "bin")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def console(browser: Browser, docs_sandbox: Sandbox) -> Iterator[Console]:
    """A fresh browser context (its own localStorage) on the checkout's docs."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    yield Console(context.new_page(), docs_sandbox.url + "/docs/", ARTIFACTS / "checkout")
    context.close()
