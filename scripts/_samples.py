"""Code samples for each operation, in curl, Python (the SDK), TypeScript (fetch) and PHP.

Made from the spec's own examples (scripts/build_docs.py puts them in the docs), every
sample reads the same three variables, defaults the base URL to production, fails loudly
on a status outside 2xx, and sends a fresh Idempotency-Key with every write.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from _spec import Operation, operations, org_scoped, snake

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


def with_code_samples(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of the spec whose every operation carries its samples as `x-codeSamples` (the
    extension Redoc, Redocly and Scalar show): the docs' console and the bundled spec both
    publish these, and tests/docs/test_samples.py runs them."""
    annotated = copy.deepcopy(spec)
    for operation in operations(spec):
        code = samples(spec, operation)
        annotated["paths"][operation.path][operation.method]["x-codeSamples"] = [
            {"lang": lang, "source": source} for lang, source in code.items()
        ]
    return annotated


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
