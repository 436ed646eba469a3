"""make docs: the Postman collection, build/docs/projekt.postman_collection.json.

The pinned openapi-to-postmanv2 converts openapi.yaml (parameter values from the
spec's examples); this adds what the converter cannot know:

- bearer auth from `{{apiKey}}` once, for the whole collection;
- `X-Org-Id: {{orgId}}` on every operation the spec's orgId scheme covers (the
  converter keeps only the first security scheme, so it would send none);
- `{{baseUrl}}` and `{{projectId}}` from the environment, optional query parameters
  off, and a fresh project key for each run;
- ids that chain: the requests run in a working order, each create saving the id
  its later get, update, revoke or delete uses;
- a test on every request: the status the spec documents for it.

A run needs only an environment with baseUrl, apiKey, orgId and projectId.

    python scripts/build_postman.py [OUTPUT]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _spec import operations, org_scoped
from _spec import spec as load_spec

ROOT = Path(__file__).resolve().parent.parent
CONVERTER = ROOT / "node_modules" / ".bin" / "openapi2postmanv2"
OUTPUT = ROOT / "build" / "docs" / "projekt.postman_collection.json"

# The working order, and what each create saves for the requests after it.
ORDER = [
    "getMe",
    "listMyOrgs",
    "listProjects",
    "createProject",
    "getProject",
    "listIssues",
    "createIssue",
    "getIssue",
    "updateIssue",
    "createComment",
    "listComments",
    "listApiKeys",
    "createApiKey",
    "revokeApiKey",
    "deleteIssue",
]
SAVES = {"createProject": "newProjectId", "createIssue": "issueId", "createApiKey": "keyId"}
PATH_VARIABLES = {
    ("getProject", "project_id"): "{{newProjectId}}",
    ("revokeApiKey", "key_id"): "{{keyId}}",
}
DEFAULT_PATH_VARIABLES = {"project_id": "{{projectId}}", "issue_id": "{{issueId}}"}
FRESH_KEY = (
    'pm.collectionVariables.set("projectKey", '
    '"PM" + Date.now().toString(36).toUpperCase().slice(-6));'
)


def convert() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "converted.json"
        subprocess.run(
            [
                CONVERTER,
                "-s",
                ROOT / "openapi.yaml",
                "-o",
                out,
                "-O",
                "folderStrategy=Tags,parametersResolution=Example",
            ],
            check=True,
            capture_output=True,
        )
        converted: dict[str, Any] = json.loads(out.read_text())
        return converted


def requests_of(node: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in node.get("item", []):
        found += [item] if "request" in item else requests_of(item)
    return found


def spec_path(url: dict[str, Any]) -> str:
    return "/" + "/".join(f"{{{p[1:]}}}" if p.startswith(":") else p for p in url["path"])


def test_script(operation_id: str, status: int) -> list[str]:
    lines = [f'pm.test("{operation_id} answers {status}", function () {{']
    lines.append(f"    pm.response.to.have.status({status});")
    lines.append("});")
    if operation_id in SAVES:
        lines.append(f'pm.collectionVariables.set("{SAVES[operation_id]}", pm.response.json().id);')
    return lines


def adapt(item: dict[str, Any], op: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    operation_id = op["operationId"]
    request = item["request"]
    request.pop("auth", None)  # the collection's bearer auth applies
    url = request["url"]
    url["host"] = ["{{baseUrl}}"]
    for variable in url.get("variable", []):
        key = variable["key"]
        variable["value"] = PATH_VARIABLES.get(
            (operation_id, key), DEFAULT_PATH_VARIABLES.get(key, variable["value"])
        )
    for query in url.get("query", []):
        if query["key"] == "project_id":
            query["value"] = "{{projectId}}"
        else:
            query["disabled"] = True  # optional: limit, cursor
    headers = [h for h in request.get("header", []) if h["key"].lower() != "x-org-id"]
    for header in headers:
        if header["key"].lower() == "idempotency-key":
            # A fresh key per send, as an RFC 8941 string; the spec's example would be one
            # key for every write, and the second write would be refused (422).
            header["value"] = '"{{$guid}}"'
    if org_scoped(spec, op):
        headers.append({"key": "X-Org-Id", "value": "{{orgId}}"})
    request["header"] = headers
    body = request.get("body") or {}
    if body.get("raw"):
        value = json.loads(body["raw"])
        if "project_id" in value:
            value["project_id"] = "{{projectId}}"
        if operation_id == "createProject":
            value["key"] = "{{projectKey}}"
        body["raw"] = json.dumps(value, indent=2)
    status = int(next(code for code in op["responses"] if code.startswith("2")))
    events = [
        {
            "listen": "test",
            "script": {"type": "text/javascript", "exec": test_script(operation_id, status)},
        }
    ]
    if operation_id == "createProject":
        events.append(
            {"listen": "prerequest", "script": {"type": "text/javascript", "exec": [FRESH_KEY]}}
        )
    item["event"] = events
    for response in item.get("response", []):
        response.pop("id", None)
    item.pop("id", None)
    return item


def collection(spec: dict[str, Any]) -> dict[str, Any]:
    converted = convert()
    by_operation = {}
    ops = {(o.method.upper(), o.path): o.op for o in operations(spec)}
    for item in requests_of(converted):
        op = ops[(item["request"]["method"], spec_path(item["request"]["url"]))]
        by_operation[op["operationId"]] = adapt(item, op, spec)
    missing = sorted(set(by_operation) ^ set(ORDER))
    if missing:
        sys.exit(f"build_postman: ORDER and the spec's operations differ: {missing}")
    info = converted["info"]
    info.pop("_postman_id", None)
    info["description"] = {
        "content": (
            f"Projekt API {spec['info']['version']}, from openapi.yaml. Run it in order with an "
            "environment holding baseUrl, apiKey, orgId and projectId; each create saves the "
            "id the later requests use."
        ),
        "type": "text/plain",
    }
    return {
        "info": info,
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{apiKey}}"}]},
        "variable": [
            {"key": "baseUrl", "value": spec["servers"][0]["url"]},
            *({"key": key, "value": ""} for key in ("apiKey", "orgId", "projectId")),
        ],
        "item": [by_operation[operation_id] for operation_id in ORDER],
    }


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    spec = load_spec()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(collection(spec), indent=1) + "\n")
    print(f"postman: {output} ({len(ORDER)} requests)")


if __name__ == "__main__":
    main()
