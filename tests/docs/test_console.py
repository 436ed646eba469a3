"""The docs console (Scalar, scripts/console/) as a reader uses it, in headless Chromium,
against a freshly seeded sandbox: axe-core after every step, a screenshot per step in
build/artifacts/console/, and no request that leaves loopback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from projekt import Projekt
from tests.docs.console import ARTIFACTS, REMEMBER, Console
from tests.helpers import ROOT, Sandbox


def owner_issue_ids(sandbox: Sandbox) -> list[str]:
    """The ids of the seeded project's issues, read through the SDK."""
    owner = sandbox.owner
    with Projekt(api_key=owner["api_key"], org_id=owner["org_id"], base_url=sandbox.url) as client:
        return [i.id for i in client.issues.list(project_id=owner["project_id"])]


@pytest.mark.parametrize("where", ["checkout", "wheel"])
def test_a_reader_finds_creates_replays_and_goes_dark(
    where: str, browser: Browser, request: pytest.FixtureRequest
) -> None:
    """The whole path, from `projekt-sandbox serve` (the checkout's, and the installed
    wheel's with its bundled docs): search, authorize, create with a key, replay, dark."""
    sandbox: Sandbox = request.getfixturevalue(
        "docs_sandbox" if where == "checkout" else "installed_sandbox"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    console = Console(context.new_page(), sandbox.url + "/docs/", ARTIFACTS / where)
    owner = sandbox.owner
    console.open()
    # A tag reads in the sidebar as its x-displayName; its name is the SDK's namespace.
    for tag in ("API keys", "Comments", "Issues", "Me", "Projects"):
        group = re.compile(f"^(Open|Close) Group - {tag}$")
        assert console.page.get_by_role("button", name=group).count() == 1
    console.step("1-reference")

    console.search("create issue")
    console.wait_for_operation("post", "/issues")
    console.step("2-found-by-search")

    dialog = console.try_it("post", "/issues")
    # Scalar's stand-in in every API key's field, base64, says nothing of what goes there.
    assert console.org_field.get_attribute("placeholder") == "Organization id (GET /me/orgs)"
    console.authorize(owner["api_key"], owner["org_id"])
    key = f'"reader-{where}"'
    console.dialog.get_by_label("Include Idempotency-Key in request").check()
    console.header_value("Idempotency-Key").click()
    console.page.keyboard.type(key)
    console.step("3-authorized")

    first = console.send()
    assert first.status == 201 and first.request.headers["idempotency-key"] == key
    assert first.request.url == sandbox.url + "/issues"
    dialog.get_by_text("201 Created").wait_for()
    created = first.json()
    assert created["project_id"] == owner["project_id"]
    dialog.get_by_text(created["id"]).first.wait_for()  # the body, as the reader sees it
    console.step("4-created")

    again = console.send()
    assert again.json()["id"] == created["id"]
    dialog.get_by_role("button", name="Response Headers").click()
    replayed = dialog.get_by_text("Idempotent-Replayed", exact=True)
    assert replayed.locator("xpath=ancestor::*[2]").inner_text().split() == [
        "Idempotent-Replayed",
        "true",
    ]
    assert again.headers["idempotent-replayed"] == "true"
    console.step("5-replayed")

    dialog.get_by_role("button", name="Close Client").click()
    console.page.get_by_role("button", name="Set dark mode").click()
    assert "dark-mode" in console.page.evaluate("document.body.className")
    console.step("6-dark")

    assert owner_issue_ids(sandbox).count(created["id"]) == 1  # sent twice, created once
    assert console.outside == []
    context.close()


def operations() -> list[tuple[str, str, str]]:
    """(summary, method, path) of each operation, from the docs' own spec."""
    spec = json.loads((ROOT / "build" / "docs" / "openapi.docs.json").read_text())
    return [
        (op["summary"], method, path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    ]


def test_every_operation_is_reachable_and_a_call_sendable_by_keys_alone(
    console: Console, docs_sandbox: Sandbox
) -> None:
    console.open()
    for summary, method, path in operations():
        console.search(summary, title=True)
        console.wait_for_operation(method, path)
        console.page.keyboard.press("Escape")

    console.search("Get the current user", title=True)
    console.wait_for_operation("get", "/me")
    console.tab_to("Test Request (get /me)")
    console.page.keyboard.press("Enter")
    console.tab_to("Token")
    console.page.keyboard.type(docs_sandbox.owner["api_key"])
    answer = console.send()
    assert answer.status == 200 and answer.json()["email"]
    console.step("keyboard-call")


def test_credentials_are_remembered_only_when_asked_and_never_in_a_url(
    console: Console, docs_sandbox: Sandbox
) -> None:
    token = docs_sandbox.owner["api_key"]

    def stored() -> str:
        return str(console.page.evaluate("JSON.stringify(localStorage)"))

    def tick_remember(ticked: bool) -> None:
        """One click on "Remember", which console.js answers by reloading the page. Not
        Playwright's check(): it looks at the box again after its click, across that reload,
        and may click once more (microsoft/playwright#11026), unticking what it ticked."""
        with console.page.expect_event("load"):
            console.page.get_by_label(REMEMBER).click()
        console.open("#tag/me/GET/me")
        assert console.page.get_by_label(REMEMBER).is_checked() is ticked

    def typed_token() -> str:
        """What the token's field holds after a reload of the page."""
        console.page.reload()
        console.open("#tag/me/GET/me")
        dialog = console.try_it("get", "/me")
        typed = dialog.get_by_placeholder("Token").input_value()
        dialog.get_by_role("button", name="Close Client").click()
        return typed

    console.open("#tag/me/GET/me")
    console.try_it("get", "/me")
    console.authorize(token)
    assert console.send().status == 200  # the token typed was sent
    assert token not in stored() and token not in console.page.url
    assert typed_token() == ""  # not remembered: a reload forgets it

    tick_remember(True)
    console.try_it("get", "/me")
    console.authorize(token)
    assert console.send().status == 200  # sent: so the wait below is for the store alone
    try:  # on a timer, not animation frames: one cause fewer for this wait's rare timeout
        console.page.wait_for_function(
            "t => JSON.stringify(localStorage).includes(t)", arg=token, polling=100
        )
    except PlaywrightTimeoutError:
        kept = console.page.evaluate("Object.keys(localStorage)")
        raise AssertionError(
            f"sent, and after 30 s not stored (now: {token in stored()}); keys: {kept}"
        ) from None
    assert token not in console.page.url
    assert typed_token() == token

    tick_remember(False)
    assert token not in stored()
    assert typed_token() == ""


def test_the_server_is_this_sandbox_and_switches_to_production(
    console: Console, docs_sandbox: Sandbox
) -> None:
    console.open("#tag/me/GET/me")
    dialog = console.try_it("get", "/me")
    server = dialog.get_by_role("button", name="Server:")
    assert docs_sandbox.url in server.inner_text()
    server.click()
    dialog.get_by_text("https://projekt.3xa.es/api", exact=True).click()
    assert "https://projekt.3xa.es/api" in dialog.get_by_role("button", name="Server:").inner_text()
    assert console.outside == []  # switching sends nothing


LABELS = {"curl": "cURL", "Python": "Python", "TypeScript": "TypeScript", "PHP": "PHP"}


def test_each_operation_shows_the_tested_samples_and_what_was_inferred(console: Console) -> None:
    spec = json.loads((ROOT / "build" / "docs" / "openapi.docs.json").read_text())
    samples = spec["paths"]["/issues"]["post"]["x-codeSamples"]
    console.open("#tag/issues/POST/issues")
    operation = console.page.locator('section[id$="/tag/issues/POST/issues"]')
    for sample in samples:
        operation.get_by_role("button", name="Change code sample language:").click()
        console.page.get_by_role("option", name=LABELS[sample["lang"]], exact=True).click()
        shown = " ".join(operation.inner_text().split())
        assert " ".join(sample["source"].split()) in shown, sample["lang"]
    console.step("samples")
    assert "x-projekt-inferred" not in operation.inner_text()  # the quickstart shows this one
    console.open("#tag/issues/PATCH/issues/{issue_id}")
    inferred = console.page.locator('section[id$="/tag/issues/PATCH/issues/{issue_id}"]')
    assert "x-projekt-inferred: true" in " ".join(inferred.inner_text().split())


def test_dark_mode_follows_the_system(browser: Browser, docs_sandbox: Sandbox) -> None:
    for scheme, mode in (("dark", "dark-mode"), ("light", "light-mode")):
        context = browser.new_context(color_scheme=scheme)
        console = Console(context.new_page(), docs_sandbox.url + "/docs/", ARTIFACTS / "system")
        console.open()
        assert mode in console.page.evaluate("document.body.className")
        console.step(f"system-{scheme}")
        context.close()


@pytest.mark.parametrize("width", [1280, 1366, 1440])
def test_the_authentication_box_cuts_nothing_off_at_a_laptops_width(
    width: int, browser: Browser, docs_sandbox: Sandbox
) -> None:
    """At 1280 px, the commonest laptop width, Scalar cut the "Required" of the box where the
    reader pastes a token to "Requi", beside the scheme's selector (theme.css)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    console = Console(context.new_page(), docs_sandbox.url + "/docs/", ARTIFACTS / "system")
    console.open()
    box = console.page.locator(".scalar-reference-intro-auth").first
    required = box.get_by_test_id("auth-indicator")
    assert console.cut_off(required) <= 0
    title = required.locator("xpath=ancestor::button[1]")
    assert " ".join(title.inner_text().split()) == "Authentication Required"
    selector = box.get_by_role("button", name="bearerAuth")
    inside, shown = box.bounding_box(), selector.bounding_box()
    assert inside and shown and shown["x"] + shown["width"] <= inside["x"] + inside["width"]
    console.step(f"authentication-{width}")
    context.close()


def test_on_a_phone_nothing_is_cut_off_or_split(browser: Browser, docs_sandbox: Sandbox) -> None:
    """At a phone's width the bar wraps between its links, never inside one ("Postman
    collection" split over two lines read as two links), and the try-it dialog's
    authentication header shows its "Required" whole."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    console = Console(context.new_page(), docs_sandbox.url + "/docs/", ARTIFACTS / "system")
    console.page.goto(console.docs)  # not open(): on a phone, search is behind the menu
    console.page.locator("html[data-console-loaded]").wait_for(state="attached")
    bar = console.page.get_by_role("navigation", name="Projekt documentation")
    for link in bar.get_by_role("link").all():
        lines = link.evaluate("a => a.getClientRects().length")
        assert lines == 1, link.inner_text()
    console.step("phone")
    console.page.goto(console.docs + "#tag/issues/POST/issues")
    console.page.get_by_role("button", name="Test Request (post /issues)").click()
    assert console.cut_off(console.dialog.get_by_test_id("auth-indicator")) <= 0
    # At this width the body editor scrolls sideways, and axe flagged its scroller until the
    # console gave the editor inside it a tabindex (scrollable-region-focusable).
    console.step("phone-try-it")
    context.close()


def test_on_a_phone_the_guide_and_command_pages_fit_the_screen(
    browser: Browser, docs_sandbox: Sandbox
) -> None:
    """A phone lays a page out at its own width only when the page says so (the viewport
    meta tag); else at 980 px, zoomed out to tiny text. And a wide table or a long inline
    code scrolls or wraps inside its box, never the page. Nor does a page log an error: with
    no icon of their own, the browser asked for /favicon.ico, a 404."""
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda said: errors.append(said.text) if said.type == "error" else None)
    built = sorted(path.name for path in (ROOT / "build" / "docs").glob("*.html"))
    pages = [name for name in built if name != "index.html"]  # index.html is Scalar's
    assert "guide.html" in pages and "cli.html" in pages
    for name in pages:
        page.goto(f"{docs_sandbox.url}/docs/{name}")
        width = page.evaluate("[window.innerWidth, document.documentElement.scrollWidth]")
        assert width == [390, 390], name
        page.wait_for_load_state("networkidle")
        assert errors == [], name
    context.close()


def test_a_write_with_no_key_typed_in_gets_a_fresh_one(
    console: Console, docs_sandbox: Sandbox
) -> None:
    console.open("#tag/issues/POST/issues")
    console.try_it("post", "/issues")
    console.authorize(docs_sandbox.owner["api_key"], docs_sandbox.owner["org_id"])
    keys = [console.send().request.headers["idempotency-key"] for _ in range(2)]
    assert all(key.startswith('"') for key in keys) and keys[0] != keys[1]


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


def test_the_docs_address_without_its_slash_leads_to_the_console(docs_sandbox: Sandbox) -> None:
    response = httpx.get(docs_sandbox.url + "/docs", follow_redirects=True)
    assert response.status_code == 200 and str(response.url) == docs_sandbox.url + "/docs/"
    assert "<html" in response.text.lower()


def test_the_command_line_page_shows_every_commands_help(console: Console) -> None:
    from projekt_cli._commands import NAMESPACES

    console.open()
    browser = console.page
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
    assert console.outside == []


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
