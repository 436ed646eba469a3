"""The docs' try-it console, in headless Chromium, against a freshly seeded sandbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, sync_playwright

from projekt import Projekt
from tests.helpers import ROOT, Sandbox, build_once

ARTIFACTS = ROOT / "build" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def docs_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    build_once()  # the docs, as `make build` makes them
    server = Sandbox(tmp_path_factory.mktemp("docs") / "docs.db")
    yield server
    server.stop()


@pytest.fixture
def page(docs_sandbox: Sandbox) -> Iterator[tuple[Page, list[str]]]:
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.route("**/*", only_loopback)
        yield page, outside
        browser.close()


def open_authorized(page: Page, sandbox: Sandbox) -> None:
    """Opens the console and authorizes it, as a reader would: token, then X-Org-Id."""
    page.goto(sandbox.url + "/docs/")
    page.locator("button.authorize").first.click()
    containers = page.locator(".auth-container")
    containers.nth(0).locator("#auth-bearer-value").fill(sandbox.owner["api_key"])
    containers.nth(0).locator("button.authorize").click()
    containers.nth(1).locator("#api_key_value").fill(sandbox.owner["org_id"])
    containers.nth(1).locator("button.authorize").click()
    page.locator("button.btn-done").first.click()


def run_operation(page: Page, block: str, body: dict[str, str] | None = None) -> str:
    operation = page.locator(block)
    operation.locator(".opblock-summary").first.click()
    if body is not None:
        operation.locator("textarea.body-param__text").fill(json.dumps(body, indent=2))
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table .response .response-col_status").first
    status.wait_for(timeout=15_000)
    return status.inner_text().strip()


def owner_titles(sandbox: Sandbox) -> list[str]:
    """The titles of the seeded project's issues, read through the SDK."""
    owner = sandbox.owner
    with Projekt(api_key=owner["api_key"], org_id=owner["org_id"], base_url=sandbox.url) as client:
        return [i.title for i in client.issues.list(project_id=owner["project_id"])]


def test_the_console_runs_the_quickstart_calls(
    docs_sandbox: Sandbox, page: tuple[Page, list[str]]
) -> None:
    browser_page, outside = page
    open_authorized(browser_page, docs_sandbox)

    assert run_operation(browser_page, "#operations-me-getMe") == "200"
    title = "Created from the docs console"
    created = run_operation(
        browser_page,
        "#operations-issues-createIssue",
        {"project_id": docs_sandbox.owner["project_id"], "title": title, "priority": "low"},
    )
    assert created == "201"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    create_block = browser_page.locator("#operations-issues-createIssue")
    create_block.locator(".live-responses-table").scroll_into_view_if_needed()
    # The console echoes the request as curl, token included: keep it out of the artifact.
    browser_page.screenshot(
        path=str(ARTIFACTS / "docs-console.png"),
        mask=[browser_page.locator(".curl-command")],
    )

    titles = owner_titles(docs_sandbox)
    assert titles.count(title) == 1
    assert outside == []


def test_the_console_sends_a_fresh_idempotency_key_or_the_one_typed_in(
    docs_sandbox: Sandbox, page: tuple[Page, list[str]]
) -> None:
    browser_page, _ = page
    sent: list[str | None] = []
    browser_page.on(
        "request",
        lambda request: (
            sent.append(request.headers.get("idempotency-key"))
            if request.method == "POST"
            else None
        ),
    )
    open_authorized(browser_page, docs_sandbox)

    block = browser_page.locator("#operations-issues-createIssue")
    body = {"project_id": docs_sandbox.owner["project_id"], "title": "Typed key"}
    assert run_operation(browser_page, "#operations-issues-createIssue", body) == "201"
    key = block.locator('tr[data-param-name="Idempotency-Key"] input')
    key.fill('"typed-in-the-console"')
    for _ in range(2):
        with browser_page.expect_response(lambda response: response.request.method == "POST"):
            block.locator("button.execute").click()
    live = block.locator(".live-responses-table").first
    live.get_by_text("idempotent-replayed: true").wait_for()  # the second was a replay
    assert sent[0] and sent[0].startswith('"') and sent[0] != '"typed-in-the-console"'
    assert sent[1:] == ['"typed-in-the-console"'] * 2

    titles = owner_titles(docs_sandbox)
    assert titles.count("Typed key") == 2  # the fresh key's and the typed key's, once each


def test_the_guide_and_code_samples_are_built(docs_sandbox: Sandbox) -> None:
    site = ROOT / "build" / "docs"
    guide = (site / "guide.html").read_text()
    for heading in ("Install", "Quickstart", "Configuration", "Errors", "Pagination", "Async"):
        assert f">{heading}</h2>" in guide
    # Each guide page the README links is rendered on the site, and linked there.
    for page in sorted((ROOT / "docs" / "guide").glob("*.md")):
        assert f'href="guide-{page.stem}.html"' in guide, page.name
        title = page.read_text().splitlines()[0].removeprefix("# ")
        built = (site / f"guide-{page.stem}.html").read_text()
        assert f"<h1>{title.replace('`', '<code>', 1).replace('`', '</code>', 1)}</h1>" in built
    assert 'href="api.md"' not in guide  # a repository file: linked at the source repository
    spec = json.loads((site / "openapi.docs.json").read_text())
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                langs = [sample["lang"] for sample in op["x-codeSamples"]]
                assert langs == ["curl", "Python", "TypeScript", "PHP"], op["operationId"]
    create = spec["paths"]["/issues"]["post"]["x-codeSamples"][1]["source"]
    assert "client.issues.create(project_id=" in create


def test_the_command_line_page_shows_every_commands_help(
    page: tuple[Page, list[str]], docs_sandbox: Sandbox
) -> None:
    from projekt_cli._commands import NAMESPACES

    browser, outside = page
    browser.goto(docs_sandbox.url + "/docs/")
    browser.get_by_role("link", name="Command line").first.click()
    browser.wait_for_selector("section#issues-list")
    titles = browser.locator("section h2").all_inner_texts()
    generated = [
        f"projekt {ns} {cmd}" for ns, group in NAMESPACES.items() for cmd in group["commands"]
    ]
    assert set(generated) <= set(titles)
    assert {"projekt login", "projekt completion"} <= set(titles)
    listing = browser.locator("section#issues-list pre").inner_text()
    assert listing.startswith("Usage: projekt issues list [OPTIONS]")
    assert "--max-items" in listing and "--project-id TEXT" in listing
    browser.locator('nav a[href="#api-keys-revoke"]').click()
    assert browser.url.endswith("/docs/cli.html#api-keys-revoke")
    assert outside == []


def test_another_origin_may_call_with_cors(docs_sandbox: Sandbox) -> None:
    import httpx

    preflight = httpx.options(
        docs_sandbox.url + "/issues",
        headers={
            "Origin": "https://docs.example.test",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, x-org-id, content-type",
        },
    )
    assert preflight.status_code == 200
    allowed = preflight.headers["Access-Control-Allow-Headers"].lower()
    assert {"authorization", "x-org-id", "content-type"} <= {h.strip() for h in allowed.split(",")}
    answer = httpx.get(
        docs_sandbox.url + "/me",
        headers={
            "Origin": "https://docs.example.test",
            "Authorization": f"Bearer {docs_sandbox.owner['api_key']}",
        },
    )
    exposed = answer.headers["Access-Control-Expose-Headers"].lower()
    assert "x-request-id" in exposed and "x-ratelimit-remaining" in exposed
    assert Path(ROOT / "build" / "docs" / "index.html").exists()
