"""`Link: <url>; rel="next"` carries an absolute URL that naive followers fetch as it is.

Node's `new URL(target)` and requests' `response.links["next"]["url"]` both fail on a
relative target; these follow every page with nothing but the link, at the root, under
/api, and behind a proxy that says where the client called.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from typing import Any

import pytest
import requests

from projekt_sandbox.testing import ProjektSandbox
from tests.helpers import ROOT

PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"


def headers(projekt_sandbox: ProjektSandbox) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {projekt_sandbox.api_key}",
        "X-Org-Id": projekt_sandbox.org_id,
    }


def every_id(projekt_sandbox: ProjektSandbox) -> list[str]:
    url = f"{projekt_sandbox.base_url}/issues?project_id={PROJECT}&limit=200"
    return [
        item["id"]
        for item in requests.get(url, headers=headers(projekt_sandbox), timeout=10).json()
    ]


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_python_requests_follows_every_page_by_the_link_alone(
    projekt_sandbox: ProjektSandbox, prefix: str
) -> None:
    url: str | None = f"{projekt_sandbox.base_url}{prefix}/issues?project_id={PROJECT}&limit=1"
    ids, pages = [], 0
    while url:
        response = requests.get(url, headers=headers(projekt_sandbox), timeout=10)
        response.raise_for_status()
        assert response.url.startswith(f"{projekt_sandbox.base_url}{prefix}/issues?")
        ids += [item["id"] for item in response.json()]
        url, pages = response.links.get("next", {}).get("url"), pages + 1
    assert pages > 1 and ids == every_id(projekt_sandbox)


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_node_follows_every_page_by_the_link_alone(
    projekt_sandbox: ProjektSandbox, prefix: str
) -> None:
    env = {
        **os.environ,
        "PROJEKT_API_KEY": projekt_sandbox.api_key,
        "PROJEKT_ORG_ID": projekt_sandbox.org_id,
    }
    first = f"{projekt_sandbox.base_url}{prefix}/issues?project_id={PROJECT}&limit=1"
    result = subprocess.run(
        ["node", ROOT / "tests" / "polyglot" / "follow_links.mjs", first],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == every_id(projekt_sandbox)


def test_behind_a_proxy_the_link_names_the_origin_the_client_called(
    projekt_sandbox: ProjektSandbox,
) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "projekt.example.com"}
    response = requests.get(
        f"{projekt_sandbox.base_url}/api/issues?project_id={PROJECT}&limit=1",
        headers={**headers(projekt_sandbox), **forwarded},
        timeout=10,
    )
    assert response.links["next"]["url"].startswith(
        f"https://projekt.example.com/api/issues?project_id={PROJECT}&limit=1&cursor="
    )


@pytest.mark.parametrize(
    ("forwarded", "origin"),
    [
        ({"X-Forwarded-Host": 'a>; rel="prev", <http://b.example'}, ""),
        ({"X-Forwarded-Host": "a b.example"}, ""),
        ({"X-Forwarded-Host": "a.example:99999"}, ""),
        ({"X-Forwarded-Proto": "javascript", "X-Forwarded-Host": "a.example"}, "http://a.example"),
        ({"X-Forwarded-Host": "[::1]:8443, b.example"}, "http://[::1]:8443"),
        ({"Host": "a>b"}, ""),
    ],
)
def test_a_forwarded_origin_that_is_none_stays_out_of_the_link(
    projekt_sandbox: ProjektSandbox, spec: dict[str, Any], forwarded: dict[str, str], origin: str
) -> None:
    """Before, the headers went into the Link as they came: the first made it two links."""
    response = requests.get(
        f"{projekt_sandbox.base_url}/issues?project_id={PROJECT}&limit=1",
        headers={**headers(projekt_sandbox), **forwarded},
        timeout=10,
    )
    link = response.headers["Link"]
    assert re.fullmatch(spec["components"]["headers"]["Link"]["schema"]["pattern"], link)
    assert link.startswith(f"<{origin or projekt_sandbox.base_url}/issues?")


def test_the_specs_example_cursor_is_the_one_a_fresh_sandbox_issues_and_takes(
    projekt_sandbox: ProjektSandbox, spec: dict[str, Any]
) -> None:
    example = spec["components"]["parameters"]["IssuesCursor"]["example"]
    link = spec["components"]["headers"]["Link"]["example"]
    assert f"cursor={example}>" in link
    first = requests.get(
        f"{projekt_sandbox.base_url}/issues?project_id={PROJECT}&limit=1",
        headers=headers(projekt_sandbox),
        timeout=10,
    )
    assert first.json()[0]["title"] == "Fix login bug"
    assert first.links["next"]["url"].endswith(f"&cursor={example}")
    # The example link itself, with only the origin swapped for the sandbox's.
    target = link[1 : link.index(">")].replace("https://projekt.3xa.es", projekt_sandbox.base_url)
    second = requests.get(target, headers=headers(projekt_sandbox), timeout=10)
    assert second.status_code == 200
    assert [i["id"] for i in second.json()] == every_id(projekt_sandbox)[1:]


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/issues?project_id=" + PROJECT, "IssuesCursor"),
        ("/projects", "ProjectsCursor"),
        ("/api-keys", "ApiKeysCursor"),
        ("/issues/7e2b4d6f-8a1c-4e3b-a5d7-9c1e3f5a7b9d/comments", "CommentsCursor"),
    ],
)
def test_every_lists_example_cursor_is_accepted_by_a_fresh_sandbox(
    projekt_sandbox: ProjektSandbox, spec: dict[str, Any], path: str, parameter: str
) -> None:
    example = spec["components"]["parameters"][parameter]["example"]
    separator = "&" if "?" in path else "?"
    response = requests.get(
        f"{projekt_sandbox.base_url}{path}{separator}cursor={example}",
        headers=headers(projekt_sandbox),
        timeout=10,
    )
    assert response.status_code == 200, response.text
