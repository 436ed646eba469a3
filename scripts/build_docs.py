"""make docs: an offline API reference with a try-it console, and the SDK guide.

Writes build/docs/ from openapi.yaml, README.md and the pinned @scalar/api-reference:

- openapi.docs.json: the spec, adapted for the console only: each operation carries the
  tested code samples (curl, the Python SDK, TypeScript fetch, PHP) as x-codeSamples, which
  the console shows beside its request, and the description links the rest of the site.
- index.html, console.js, console.css, scalar.js: the reference and try-it console, Scalar
  vendored from npm and configured in scripts/console/ (docs/adr/0014): the sandbox serving
  the page is its first server, and nothing calls a hosted service.
- guide.html: the README (the SDK's user guide), and guide-<name>.html each page of
  docs/guide/ it links, rendered; a link to any other file of the repository goes to the
  source repository (pyproject.toml's Source URL).
- cli.html: every `projekt` command's --help (scripts/_cli_page.py).
- projekt.postman_collection.json: the Postman collection (scripts/build_postman.py).
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Any

from _cli_page import page as cli_page
from _samples import IDEMPOTENCY_HEADER, with_code_samples
from _spec import spec as load_spec
from build_postman import collection
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "docs"
SCALAR = ROOT / "node_modules" / "@scalar" / "api-reference"
CONSOLE = ROOT / "scripts" / "console"
SITE_LINKS = (
    "[SDK guide](guide.html) · [Command line](cli.html) · [openapi.json](openapi.docs.json) · "
    "[Postman collection](projekt.postman_collection.json)\n\n"
)


def docs_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as the console reads it: with the tested code samples as x-codeSamples (the
    console shows them beside each request), and links to the rest of the site."""
    docs = with_code_samples(spec)
    docs["info"]["description"] = SITE_LINKS + docs["info"]["description"]
    for parameter in docs["components"]["parameters"].values():
        if parameter["name"] == IDEMPOTENCY_HEADER:
            # An example would send one key with every write (a 422 from the second on);
            # the console sends a fresh key when the field is left empty.
            parameter.pop("example", None)
            parameter["description"] += (
                " In this console, a fresh key is sent when the field is left empty; "
                "type one and send twice to see the replay."
            )
    return docs


GUIDE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Projekt Python SDK guide</title>
  <link rel="icon" href="data:,">
  <style>
    body {{ max-width: 860px; margin: 0 auto; padding: 24px; font-family: system-ui, sans-serif;
           line-height: 1.5; color: #111827; }}
    pre {{ background: #f3f4f6; padding: 12px; overflow-x: auto; }}
    code {{ font-family: ui-monospace, monospace; }}
    :not(pre) > code {{ overflow-wrap: anywhere; }}
    table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #d1d5db; padding: 4px 8px; }}
    .wide {{ overflow-x: auto; }}
  </style>
</head>
<body>
<p><a href="guide.html">Guide</a> &middot; <a href="index.html">API reference and console</a>
&middot; <a href="cli.html">Command line reference</a></p>
{body}
</body>
</html>
"""


def guide_pages() -> dict[str, str]:
    """Each Markdown page of the guide, by its path in the repository: its page on the site."""
    pages = {"README.md": "guide.html"}
    for path in sorted((ROOT / "docs" / "guide").glob("*.md")):
        pages[f"docs/guide/{path.name}"] = f"guide-{path.stem}.html"
    return pages


def rendered(source: str, pages: dict[str, str], repository: str) -> str:
    """A guide page as HTML, its relative links pointed at the site's pages or the repository."""
    html = MarkdownIt("commonmark").enable("table").render((ROOT / source).read_text())

    def link(match: re.Match[str]) -> str:
        target, _, anchor = match[1].partition("#")
        if re.match(r"[a-z]+:|#|$", match[1]) or not target:
            return match[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        url = pages.get(path) or f"{repository}/blob/main/{path}"
        return f'href="{url}{"#" + anchor if anchor else ""}"'

    # A table wider than a phone scrolls inside its box, as a code block does, not the page.
    html = html.replace("<table>", '<div class="wide"><table>')
    html = html.replace("</table>", "</table></div>")
    return re.sub(r'href="([^"]*)"', link, html)


def console_page(spec: dict[str, Any]) -> str:
    """index.html: the reference and console, its settings (the production server, the
    Idempotency-Key header, what each API key's field asks for) read from the spec."""
    settings = {
        "servers": spec["servers"][:1],
        "idempotencyHeader": IDEMPOTENCY_HEADER,
        "keyPlaceholders": key_placeholders(spec),
        "customCss": (CONSOLE / "theme.css").read_text(),
    }
    page = (CONSOLE / "index.html").read_text()
    return page.format(version=spec["info"]["version"], settings=json.dumps(settings))


def key_placeholders(spec: dict[str, Any]) -> dict[str, str]:
    """What the console's field for each API-key header asks for, by the header's name. Scalar
    puts one stand-in in every such field (base64 for "all your base are belong to us"); a
    reader who sees it in the X-Org-Id field does not know the org's id goes there."""
    placeholders = {"orgId": "Organization id (GET /me/orgs)"}
    schemes = spec["components"]["securitySchemes"]
    keys = {name for name, scheme in schemes.items() if scheme["type"] == "apiKey"}
    if unsaid := sorted(keys - placeholders.keys()):
        sys.exit(f"build_docs: say what the console's field for {unsaid} asks for")
    return {schemes[name]["name"]: placeholders[name] for name in keys}


def main() -> None:
    if not SCALAR.exists():
        sys.exit(
            "build_docs: node_modules/@scalar/api-reference is missing; run scripts/bootstrap.sh"
        )
    spec = load_spec()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    shutil.copy2(SCALAR / "dist" / "browser" / "standalone.js", OUT / "scalar.js")
    for name in ("console.js", "console.css"):
        shutil.copy2(CONSOLE / name, OUT / name)
    (OUT / "openapi.docs.json").write_text(json.dumps(docs_spec(spec), indent=1))
    (OUT / "index.html").write_text(console_page(spec))
    (OUT / "projekt.postman_collection.json").write_text(json.dumps(collection(spec), indent=1))
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    repository = pyproject["project"]["urls"]["Source"]
    pages = guide_pages()
    for source, page in pages.items():
        (OUT / page).write_text(GUIDE.format(body=rendered(source, pages, repository)))
    (OUT / "cli.html").write_text(cli_page())
    scalar_version = json.loads((SCALAR / "package.json").read_text())["version"]
    print(f"docs: {OUT.relative_to(ROOT)}/ (Scalar {scalar_version})")


if __name__ == "__main__":
    main()
