"""make consoles: the try-it consoles docs/adr/0014 compares, measured the same way.

Each candidate renders the docs' own spec (build/docs/openapi.docs.json, the sandbox its
first server), served by a fresh sandbox from one folder, in headless Chromium:

- axe-core's critical and serious violations (rules, then nodes) on the reference page,
  and on an operation with its try-it panel open after a call, where there is one;
- requests that left loopback (each is aborted and counted);
- the bytes of script and style the page loaded, the spec aside.

Run `make docs` first; the candidates come from bench/consoles/package.json.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response, Route, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import Sandbox  # noqa: E402

MODULES = HERE / "node_modules"
OFFLINE = (
    "withDefaultFonts: false, telemetry: false, agent: {disabled: true}, "
    "mcp: {disabled: true}, hideClientButton: true, showDeveloperTools: 'never'"
)
PAGES = {
    "swagger.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Swagger UI</title><link rel="stylesheet" href="swagger-ui.css"></head><body>
<div id="ui"></div><script src="swagger-ui-bundle.js"></script><script>
SwaggerUIBundle({url: "candidates.json", dom_id: "#ui", tryItOutEnabled: true,
  persistAuthorization: true, validatorUrl: null});</script></body></html>""",
    "scalar.html": f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Scalar</title></head><body><div id="app"></div><script src="scalar.js"></script>
<script>Scalar.createApiReference('#app', {{url: 'candidates.json', {OFFLINE}}})</script>
</body></html>""",
    "elements.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Stoplight Elements</title><link rel="stylesheet" href="elements.css"></head><body>
<script src="elements.js"></script><elements-api apiDescriptionUrl="candidates.json"
router="hash" layout="sidebar"></elements-api></body></html>""",
    "redoc.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Redoc</title></head><body><redoc spec-url="candidates.json"></redoc>
<script src="redoc.js"></script></body></html>""",
}
BUNDLES = {
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "scalar.js": "@scalar/api-reference/dist/browser/standalone.js",
    "elements.js": "@stoplight/elements/web-components.min.js",
    "elements.css": "@stoplight/elements/styles.min.css",
    "redoc.js": "redoc/bundles/redoc.standalone.js",
}
AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .filter(v => ['critical', 'serious'].includes(v.impact))
  .map(v => ({impact: v.impact, rule: v.id, nodes: v.nodes.length}))"""


@dataclass
class Figures:
    reference: str = ""
    try_it: str = "no try-it panel"
    outside: list[str] = field(default_factory=list)
    kilobytes: int = 0


def axe(page: Page) -> str:
    page.add_script_tag(path=str(MODULES / "axe-core" / "axe.min.js"))
    found = page.evaluate(AXE)
    by_impact = {
        impact: [f"{v['rule']} {v['nodes']}" for v in found if v["impact"] == impact]
        for impact in ("critical", "serious")
    }
    return "; ".join(f"{impact}: {', '.join(rules) or 0}" for impact, rules in by_impact.items())


def swagger_call(page: Page, owner: dict[str, str]) -> None:
    block = page.locator("#operations-issues-createIssue")
    block.locator(".opblock-summary").first.click()
    block.locator("button.execute").click()
    block.locator(".live-responses-table").first.wait_for()


def scalar_call(page: Page, owner: dict[str, str]) -> None:
    page.goto(page.url.split("#")[0] + "#tag/issues/POST/issues")
    page.get_by_role("button", name="Test Request (post /issues)").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_placeholder("Token").fill(owner["api_key"])
    with page.expect_request(lambda request: request.method == "POST"):
        page.keyboard.press("Control+Enter")


def elements_call(page: Page, owner: dict[str, str]) -> None:
    page.goto(page.url.split("#")[0] + "#/operations/createIssue")
    with page.expect_request(lambda request: request.method == "POST"):
        page.get_by_role("button", name="Send API Request").click()
    page.wait_for_timeout(1000)


CALLS: dict[str, Callable[[Page, dict[str, str]], None]] = {
    "swagger.html": swagger_call,
    "scalar.html": scalar_call,
    "index.html": scalar_call,
    "elements.html": elements_call,
}


def measure(page: Page, url: str, name: str, owner: dict[str, str]) -> Figures:
    figures = Figures()
    loaded: list[Response] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            figures.outside.append(urlsplit(route.request.url).hostname or "?")
            route.abort()

    page.route("**/*", only_loopback)
    page.on("response", lambda response: loaded.append(response))
    page.goto(url)
    page.wait_for_timeout(4000)
    figures.reference = axe(page)
    figures.kilobytes = sum(
        len(response.body()) // 1024
        for response in loaded
        if response.request.resource_type in ("script", "stylesheet")
    )
    if name in CALLS:
        CALLS[name](page, owner)
        page.wait_for_timeout(1000)
        figures.try_it = axe(page)
    return figures


def row(name: str, figures: Figures) -> str:
    hosts = " ".join(sorted(set(figures.outside)))
    off = f"{len(figures.outside)} {hosts}".strip()
    return f"| {name} | {figures.reference} | {figures.try_it} | {off} | {figures.kilobytes} |"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(ROOT / "build" / "docs", site)
        for name, source in BUNDLES.items():
            shutil.copy2(MODULES / source, site / name)
        for name, html in PAGES.items():
            (site / name).write_text(html)
        sandbox = Sandbox(Path(tmp) / "consoles.db", "100000/60", "--docs", str(site))
        # The candidates read the docs' spec with this sandbox as their first server, as
        # the docs' own console (index.html) sets it.
        spec = json.loads((site / "openapi.docs.json").read_text())
        spec["servers"].insert(0, {"url": sandbox.url})
        (site / "candidates.json").write_text(json.dumps(spec))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
                print("| console | reference page | try-it after a call | off loopback | KiB |")
                print("|---|---|---|---|---|")
                for name in [*PAGES, "index.html"]:
                    page = browser.new_page(viewport={"width": 1280, "height": 1000})
                    print(
                        row(name, measure(page, f"{sandbox.url}/docs/{name}", name, sandbox.owner))
                    )
                    page.close()
                browser.close()
        finally:
            sandbox.stop()
    axe_version = json.loads((MODULES / "axe-core" / "package.json").read_text())["version"]
    print(f"\naxe-core {axe_version}")


if __name__ == "__main__":
    main()
