"""The shipped Postman collection runs, every request passing, against a fresh sandbox.

It is built as `make docs` builds it (scripts/build_postman.py) and run by the pinned
newman with an environment holding only baseUrl, apiKey, orgId and projectId.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from projekt_sandbox.testing import SandboxServer
from tests.helpers import NODE_BIN, ROOT, build_once


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer() as sandbox:
        yield sandbox


def requests_in(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "request" in node:
        return [node["request"]]
    return [request for item in node.get("item", []) for request in requests_in(item)]


def test_newman_runs_every_request_of_the_collection_and_each_passes(
    server: SandboxServer, tmp_path: Path
) -> None:
    collection = tmp_path / "projekt.postman_collection.json"
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "build_postman.py", collection],
        check=True,
        capture_output=True,
    )
    writes = [r for r in requests_in(json.loads(collection.read_text())) if r["method"] != "GET"]
    assert len(writes) == 7
    for request in writes:  # each send has a fresh key, so newman's run is exactly once
        keys = [h["value"] for h in request["header"] if h["key"] == "Idempotency-Key"]
        assert keys == ['"{{$guid}}"']
    credentials = server.reset()
    values = {
        "baseUrl": server.base_url,
        "apiKey": credentials["api_key"],
        "orgId": credentials["org_id"],
        "projectId": credentials["project_id"],
    }
    environment = tmp_path / "sandbox.postman_environment.json"
    environment.write_text(
        json.dumps(
            {
                "name": "sandbox",
                "values": [{"key": k, "value": v, "enabled": True} for k, v in values.items()],
            }
        )
    )
    report = tmp_path / "report.json"
    result = subprocess.run(
        [
            NODE_BIN / "newman",
            "run",
            collection,
            "--environment",
            environment,
            "--reporters",
            "cli,json",
            "--reporter-json-export",
            report,
            "--disable-unicode",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    stats = json.loads(report.read_text())["run"]["stats"]
    assert result.returncode == 0, result.stdout[-4000:]
    assert stats["requests"] == {"total": 15, "pending": 0, "failed": 0}
    assert stats["assertions"] == {"total": 15, "pending": 0, "failed": 0}


def test_the_docs_page_links_to_the_collection() -> None:
    build_once()  # the docs, as `make build` makes them
    index = (ROOT / "build" / "docs" / "index.html").read_text()
    assert 'href="projekt.postman_collection.json"' in index
    assert (ROOT / "build" / "docs" / "projekt.postman_collection.json").is_file()
