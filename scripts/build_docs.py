"""make docs: an offline API reference with a try-it console, and the SDK guide.

Writes build/docs/ from openapi.yaml, README.md and the pinned swagger-ui-dist:

- openapi.docs.json: the spec, adapted for the console only. Its first server is
  the origin the docs are served from (Authorize asks for the token and X-Org-Id
  once: both are security schemes in the spec itself), and each operation gains
  code samples (curl, the Python SDK, TypeScript fetch, PHP) made from the spec's
  own examples, in its description and as x-codeSamples.
- index.html: Swagger UI, vendored, with no validator, telemetry, fonts or CDN.
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
from _spec import operations
from _spec import spec as load_spec
from build_postman import collection
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "docs"
SWAGGER = ROOT / "node_modules" / "swagger-ui-dist"


def docs_spec(spec: dict[str, Any]) -> dict[str, Any]:
    docs = with_code_samples(spec)
    docs["servers"] = [
        {"url": "..", "description": "The server these docs come from (the sandbox)"},
        *spec["servers"][:1],
    ]
    for parameter in docs["components"]["parameters"].values():
        if parameter["name"] == IDEMPOTENCY_HEADER:
            # Swagger UI would fill the field with the example, one key for every write
            # (a 422 from the second on); the console sends a fresh key when it is empty.
            parameter.pop("example", None)
            parameter["description"] += (
                " In this console, a fresh key is sent when the field is left empty; "
                "type one and send twice to see the replay."
            )
    languages = {"curl": "bash", "Python": "python", "TypeScript": "typescript", "PHP": "php"}
    for operation in operations(spec):
        op = docs["paths"][operation.path][operation.method]
        op["description"] += "\n\n#### Code samples\n" + "".join(
            f"\n**{sample['lang']}**\n\n```{languages[sample['lang']]}\n{sample['source']}\n```\n"
            for sample in op["x-codeSamples"]
        )
    return docs


INDEX = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Projekt API reference</title>
  <link rel="icon" href="favicon-32x32.png">
  <link rel="stylesheet" href="swagger-ui.css">
  <style>
    body {{ margin: 0; font-family: system-ui, sans-serif; }}
    .projekt-bar {{ padding: 12px 20px; background: #1f2937; color: #fff; }}
    .projekt-bar a {{ color: #93c5fd; margin-right: 16px; }}
  </style>
</head>
<body>
  <div class="projekt-bar"><strong>Projekt API</strong> {version} &middot;
    <a href="guide.html">SDK guide</a><a href="cli.html">Command line</a>
    <a href="openapi.docs.json">openapi.json</a>
    <a href="projekt.postman_collection.json">Postman collection</a></div>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: "openapi.docs.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      tryItOutEnabled: true,
      persistAuthorization: true,
      displayRequestDuration: true,
      validatorUrl: null,
      withCredentials: false,
      // A write with no Idempotency-Key typed in gets a fresh one, as the SDK's do.
      requestInterceptor: (request) => {{
        const write = !["GET", "HEAD"].includes((request.method || "GET").toUpperCase());
        if (write && !request.headers["{header}"]) {{
          request.headers["{header}"] = `"${{crypto.randomUUID()}}"`;
        }}
        return request;
      }},
    }});
  </script>
</body>
</html>
"""

GUIDE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Projekt Python SDK guide</title>
  <style>
    body {{ max-width: 860px; margin: 0 auto; padding: 24px; font-family: system-ui, sans-serif;
           line-height: 1.5; color: #111827; }}
    pre {{ background: #f3f4f6; padding: 12px; overflow-x: auto; }}
    code {{ font-family: ui-monospace, monospace; }}
    table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #d1d5db; padding: 4px 8px; }}
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

    return re.sub(r'href="([^"]*)"', link, html)


def main() -> None:
    if not SWAGGER.exists():
        sys.exit("build_docs: node_modules/swagger-ui-dist is missing; run scripts/bootstrap.sh")
    spec = load_spec()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for name in ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "LICENSE"):
        shutil.copy2(SWAGGER / name, OUT / name)
    (OUT / "openapi.docs.json").write_text(json.dumps(docs_spec(spec), indent=1))
    index = INDEX.format(version=spec["info"]["version"], header=IDEMPOTENCY_HEADER)
    (OUT / "index.html").write_text(index)
    (OUT / "projekt.postman_collection.json").write_text(json.dumps(collection(spec), indent=1))
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    repository = pyproject["project"]["urls"]["Source"]
    pages = guide_pages()
    for source, page in pages.items():
        (OUT / page).write_text(GUIDE.format(body=rendered(source, pages, repository)))
    (OUT / "cli.html").write_text(cli_page())
    swagger_version = json.loads((SWAGGER / "package.json").read_text())["version"]
    print(f"docs: {OUT.relative_to(ROOT)}/ (Swagger UI {swagger_version})")


if __name__ == "__main__":
    main()
