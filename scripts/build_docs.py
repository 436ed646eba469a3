"""make docs: an offline API reference with a try-it console, and the SDK guide.

Writes build/docs/ from openapi.yaml, README.md and the pinned swagger-ui-dist:

- openapi.docs.json: the spec, adapted for the console only. Its first server is
  the origin the docs are served from (Authorize asks for the token and X-Org-Id
  once: both are security schemes in the spec itself), and each operation gains
  code samples (curl, the Python SDK, TypeScript fetch, PHP) made from the spec's
  own examples, in its description and as x-codeSamples.
- index.html: Swagger UI, vendored, with no validator, telemetry, fonts or CDN.
- guide.html: the README (the SDK's user guide, also its PyPI page), rendered.
- projekt.postman_collection.json: the Postman collection (scripts/build_postman.py).
"""

from __future__ import annotations

import copy
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _spec import Operation, operations, org_scoped, snake
from _spec import spec as load_spec
from build_postman import collection
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "docs"
SWAGGER = ROOT / "node_modules" / "swagger-ui-dist"
PRODUCTION = "https://projekt.3xa.es/api"
IDEMPOTENCY_HEADER = "Idempotency-Key"
RETRY_NOTE = "Retrying? Send the same Idempotency-Key: the write happens at most once."


def example_body(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    if "requestBody" not in op:
        return None
    examples = op["requestBody"]["content"]["application/json"]["examples"]
    value: dict[str, Any] = next(iter(examples.values()))["value"]
    return value


@dataclass(frozen=True)
class Request:
    """One operation's example request, as every language's sample sends it."""

    verb: str
    url: str  # the path with the examples' ids, and the required query parameters
    scoped: bool  # sends X-Org-Id
    body: dict[str, Any] | None
    sdk_call: str  # client.<namespace>.<method>(...)
    listing: bool  # a paginated list
    keyed: bool  # takes an Idempotency-Key: every sample sends a fresh one


def samples(spec: dict[str, Any], operation: Operation) -> dict[str, str]:
    op, resolved = operation.op, operation.parameters
    url = operation.path
    for p in resolved:
        if p["in"] == "path":
            url = url.replace("{" + p["name"] + "}", str(p["example"]))
    query = {p["name"]: p["example"] for p in resolved if p["in"] == "query" and p.get("required")}
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    body = example_body(spec, op)
    args = [repr(p["example"]) for p in resolved if p["in"] == "path"]
    args += [f"{k}={v!r}" for k, v in query.items()]
    args += [f"{k}={v!r}" for k, v in (body or {}).items()]
    namespace = snake(op["tags"][0])
    sdk_method = op.get("x-sdk-method") or snake(op["operationId"])
    success = next(r for c, r in op["responses"].items() if c.startswith("2"))
    request = Request(
        operation.method.upper(),
        url,
        org_scoped(spec, op),
        body,
        f"client.{namespace}.{sdk_method}({', '.join(args)})",
        "Link" in success.get("headers", {}),
        any(p["in"] == "header" and p["name"] == IDEMPOTENCY_HEADER for p in resolved),
    )
    # Every sample reads the same three variables, defaults the base URL to production,
    # and fails loudly on a status outside 2xx.
    return {
        "curl": curl_sample(request),
        "Python": python_sample(request),
        "TypeScript": typescript_sample(request),
        "PHP": php_sample(request),
    }


def curl_sample(request: Request) -> str:
    lines = [
        f'curl --fail-with-body -sS -X {request.verb} "${{PROJEKT_BASE_URL:-{PRODUCTION}}}'
        f'{request.url}"',
        '  -H "Authorization: Bearer $PROJEKT_API_KEY"',
    ]
    if request.scoped:
        lines.append('  -H "X-Org-Id: $PROJEKT_ORG_ID"')
    if request.keyed:
        lines.append(f'  -H "{IDEMPOTENCY_HEADER}: \\"$key\\""')
    if request.body is not None:
        lines += ['  -H "Content-Type: application/json"', f"  -d '{json.dumps(request.body)}'"]
    command = " \\\n".join(lines)
    return f"key=$(uuidgen)  # {RETRY_NOTE}\n{command}" if request.keyed else command


def python_sample(request: Request) -> str:
    lines = [
        "from projekt import Projekt",
        "",
        "# Reads PROJEKT_API_KEY, PROJEKT_ORG_ID and PROJEKT_BASE_URL (default: production);",
        "# a status outside 2xx raises a typed exception.",
        "client = Projekt()",
    ]
    if request.keyed:
        lines += [
            "# The SDK sends an Idempotency-Key, the same one with each of its retries;",
            "# pass idempotency_key=... to choose it (say, from your job's id).",
        ]
    call = request.sdk_call
    lines += [f"for item in {call}:", "    print(item)"] if request.listing else [f"print({call})"]
    return "\n".join(lines)


def typescript_sample(request: Request) -> str:
    headers = ["Authorization: `Bearer ${process.env.PROJEKT_API_KEY}`"]
    if request.scoped:
        headers.append('"X-Org-Id": process.env.PROJEKT_ORG_ID!')
    if request.keyed:
        headers.append(f'"{IDEMPOTENCY_HEADER}": `"${{key}}"`')
    if request.body is not None:
        headers.append('"Content-Type": "application/json"')
    lines = [
        '// An ES module (top-level await): save it as .mts, or set "type": "module".',
        f'const base = process.env.PROJEKT_BASE_URL ?? "{PRODUCTION}";',
    ]
    if request.keyed:
        lines.append(f"const key = crypto.randomUUID(); // {RETRY_NOTE}")
    lines += [
        f"const res = await fetch(`${{base}}{request.url}`, {{",
        f'  method: "{request.verb}",',
        f"  headers: {{ {', '.join(headers)} }},",
    ]
    if request.body is not None:
        lines.append(f"  body: JSON.stringify({json.dumps(request.body)}),")
    lines += [
        "});",
        "if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);",
        "console.log(res.status === 204 ? null : await res.json());",
    ]
    return "\n".join(lines)


def php_sample(request: Request) -> str:
    lines = [f'$base = getenv("PROJEKT_BASE_URL") ?: "{PRODUCTION}";']
    if request.keyed:
        lines += [
            f"// A UUIDv4. {RETRY_NOTE}",
            "$b = random_bytes(16);",
            "$b[6] = chr(ord($b[6]) & 0x0f | 0x40);",
            "$b[8] = chr(ord($b[8]) & 0x3f | 0x80);",
            "$key = vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));",
        ]
    lines += [
        f'$ch = curl_init($base . "{request.url}");',
        "curl_setopt_array($ch, [",
        f'    CURLOPT_CUSTOMREQUEST => "{request.verb}",',
        "    CURLOPT_HTTPHEADER => [",
        '        "Authorization: Bearer " . getenv("PROJEKT_API_KEY"),',
    ]
    if request.scoped:
        lines.append('        "X-Org-Id: " . getenv("PROJEKT_ORG_ID"),')
    if request.keyed:
        lines.append(f'        "{IDEMPOTENCY_HEADER}: \\"$key\\"",')
    if request.body is not None:
        lines.append('        "Content-Type: application/json",')
    lines.append("    ],")
    if request.body is not None:
        lines.append(f"    CURLOPT_POSTFIELDS => json_encode({php_array(request.body)}),")
    lines += [
        "    CURLOPT_RETURNTRANSFER => true,",
        "]);",
        "$body = curl_exec($ch);",
        "$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);",
        "if ($body === false || $status < 200 || $status >= 300) {",
        '    fwrite(STDERR, "HTTP $status: " . ($body ?: curl_error($ch)) . "\\n");',
        "    exit(1);",
        "}",
        "var_dump(json_decode($body, true));",
    ]
    return "<?php\n" + "\n".join(lines)


def php_array(value: dict[str, Any]) -> str:
    return "[" + ", ".join(f"{json.dumps(k)} => {json.dumps(v)}" for k, v in value.items()) + "]"


def docs_spec(spec: dict[str, Any]) -> dict[str, Any]:
    docs = copy.deepcopy(spec)
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
        code = samples(spec, operation)
        op["x-codeSamples"] = [{"lang": lang, "source": src} for lang, src in code.items()]
        op["description"] += "\n\n#### Code samples\n" + "".join(
            f"\n**{lang}**\n\n```{languages[lang]}\n{src}\n```\n" for lang, src in code.items()
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
    <a href="guide.html">SDK guide</a><a href="openapi.docs.json">openapi.json</a>
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
<p><a href="index.html">API reference and console</a></p>
{body}
</body>
</html>
"""


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
    guide = MarkdownIt("commonmark").enable("table").render((ROOT / "README.md").read_text())
    (OUT / "guide.html").write_text(GUIDE.format(body=guide))
    swagger_version = json.loads((SWAGGER / "package.json").read_text())["version"]
    print(f"docs: {OUT.relative_to(ROOT)}/ (Swagger UI {swagger_version})")


if __name__ == "__main__":
    main()
