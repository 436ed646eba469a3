"""The docs console as a reader drives it, in headless Chromium: what the console tests share.

Every step can be checked with axe-core (from npm, injected into the page) and kept as a
screenshot in build/artifacts/console/, with the token's fields masked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Locator, Page, Response, Route

from tests.helpers import ROOT

ARTIFACTS = ROOT / "build" / "artifacts" / "console"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REMEMBER = "Remember my token and X-Org-Id in this browser"
BLOCKING = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => ['critical', 'serious'].includes(v.impact))
  .map(v => `${v.impact} ${v.id}: ${v.nodes.map(n => n.html.slice(0, 200)).join(' | ')}`)"""


@dataclass
class Console:
    """One browser page on the docs of one sandbox; `outside` lists any request that tried
    to leave loopback (each is aborted)."""

    page: Page
    docs: str
    shots: Path = ARTIFACTS
    outside: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.route("**/*", self._only_loopback)

    def _only_loopback(self, route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, anchor: str = "") -> None:
        """Opens the docs, at an operation's anchor (`#tag/me/GET/me`), once Scalar has drawn
        it and restored what the reader chose to remember (console.js marks the page)."""
        self.page.goto(self.docs + anchor)
        self.page.locator("html[data-console-loaded]").wait_for(state="attached")
        self.page.get_by_role("button", name="Open Search").wait_for()
        if anchor:
            section = self.page.locator(f'section[id$="/{anchor.lstrip("#")}"]')
            section.get_by_role("button", name="Test Request").wait_for()

    def search(self, words: str, title: bool = False) -> None:
        """Finds an operation by ⌘K/Ctrl+K search, by keys alone: types `words`, moves down
        the hits to the first that has them all (or, with `title`, is titled exactly so),
        and opens it."""
        self.page.keyboard.press("Control+k")
        self.page.get_by_role("combobox", name="Enter search query").wait_for()
        self.page.keyboard.type(words)
        for _ in range(10):
            self.page.keyboard.press("ArrowDown")
            option = self.active_option().lower()
            if title and f"operation: {words.lower()} ," in option:
                break
            if not title and all(word in option for word in words.lower().split()):
                break
        self.page.keyboard.press("Enter")

    def active_option(self) -> str:
        """The search hit the keyboard has selected (the combobox's active descendant)."""
        text: str = self.page.evaluate(
            """() => {
              const id = document.activeElement.getAttribute("aria-activedescendant");
              const option = id && document.getElementById(id);
              return option ? option.innerText : "";
            }"""
        )
        return " ".join(text.split())

    def wait_for_operation(self, method: str, path: str) -> None:
        """Waits until the page shows the operation (its anchor in the URL)."""
        anchor = f"/{method.upper()}{path}"
        self.page.wait_for_url(lambda url: unquote(url).endswith(anchor), wait_until="commit")

    def try_it(self, method: str, path: str) -> Locator:
        """Opens an operation's try-it panel (Scalar's "Test Request")."""
        button = self.page.get_by_role("button", name=f"Test Request ({method} {path})")
        button.click()
        return self.dialog

    def tab_to(self, name: str, presses: int = 200) -> None:
        """Presses Tab until the element named `name` (or with that placeholder) has the focus."""
        for _ in range(presses):
            self.page.keyboard.press("Tab")
            if self.focused_name() == name:
                return
        raise AssertionError(f"{name!r} is not reachable by Tab")

    def focused_name(self) -> str:
        """The accessible name of the element that has the keyboard's focus (its label, its
        text, or the placeholder of an empty field)."""
        name: str = self.page.evaluate(
            """() => {
              const element = document.activeElement;
              return element.getAttribute("aria-label") || element.innerText
                || element.getAttribute("placeholder") || "";
            }"""
        )
        return " ".join(name.split())

    @property
    def dialog(self) -> Locator:
        return self.page.get_by_role("dialog")

    def authorize(self, token: str, org_id: str | None = None) -> None:
        """Types the token, and the X-Org-Id for an operation inside an organization."""
        self.dialog.get_by_placeholder("Token").fill(token)
        if org_id is not None:
            self.org_field.fill(org_id)

    @property
    def org_field(self) -> Locator:
        # The orgId scheme's value: the second labelled input of the auth block, after the token.
        return self.dialog.locator("input[aria-labelledby]").nth(1)

    def header_value(self, name: str) -> Locator:
        """The value cell of a header row the operation declares (Idempotency-Key)."""
        include = self.dialog.get_by_label(f"Include {name} in request")
        row = include.locator("xpath=ancestor::*[.//div[@aria-label=' Value']][1]")
        return row.locator("div[aria-label=' Value']")

    def send(self) -> Response:
        """Sends the panel's request with Ctrl+Enter and returns the answer the page got."""
        with self.page.expect_response(
            lambda response: response.request.resource_type == "fetch"
        ) as answer:
            self.page.keyboard.press("Control+Enter")
        return answer.value

    def blocking_violations(self) -> list[str]:
        """axe-core's critical and serious violations on the page as it is now."""
        self.page.add_script_tag(path=str(AXE))
        found: list[str] = self.page.evaluate(BLOCKING)
        return found

    def shot(self, name: str) -> None:
        self.shots.mkdir(parents=True, exist_ok=True)
        secrets = [self.page.get_by_placeholder("Token")]
        if self.dialog.is_visible():
            secrets.append(self.org_field)
        self.page.screenshot(path=str(self.shots / f"{name}.png"), mask=secrets)

    @staticmethod
    def cut_off(text: Locator) -> int:
        """How many pixels of the innermost button around `text` its box hides."""
        button = text.locator("xpath=ancestor::button[1]")
        return int(button.evaluate("button => button.scrollWidth - button.clientWidth"))

    def step(self, name: str) -> None:
        """A reader's step done: its screenshot kept, and axe finds nothing blocking."""
        self.page.wait_for_timeout(300)  # Scalar renders the step's last panel
        self.shot(name)
        assert self.blocking_violations() == [], name
