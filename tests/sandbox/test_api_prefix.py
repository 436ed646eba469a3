"""The sandbox answers under /api too, as production does, and the spec's example ids exist.

Swapping only the host of the production base URL (https://projekt.3xa.es/api)
for the sandbox's must work, and so must every example id the spec shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import projekt
from tests.helpers import Sandbox

PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"


@pytest.fixture(scope="module")
def prefix_sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    server = Sandbox(tmp_path_factory.mktemp("prefix") / "prefix.db")
    yield server
    server.stop()


def client(prefix_sandbox: Sandbox, base_url: str, **options: Any) -> projekt.Projekt:
    return projekt.Projekt(
        api_key=prefix_sandbox.owner["api_key"],
        org_id=prefix_sandbox.owner["org_id"],
        base_url=base_url,
        **options,
    )


def test_every_call_works_under_api_with_pages_that_stay_there(prefix_sandbox: Sandbox) -> None:
    sent: list[str] = []
    recording = httpx.Client(event_hooks={"request": [lambda r: sent.append(r.url.path)]})
    with client(prefix_sandbox, prefix_sandbox.url + "/api", http_client=recording) as api:
        assert api.me.get().email == "you@example.com"
        pages = list(api.issues.list(project_id=PROJECT, limit=2).iter_pages())
        created = api.issues.create(project_id=PROJECT, title="Under /api")
        assert api.issues.get(created.id).title == "Under /api"
    assert len(pages) >= 3
    assert sent[1 : 1 + len(pages)] == ["/api/issues"] * len(pages)
    assert all(path.startswith("/api/") for path in sent)


def test_the_spec_example_key_exists_and_the_revoke_sample_works(prefix_sandbox: Sandbox) -> None:
    key = "2e4a6c8e-0b2d-4f6a-a8c0-4e6a8c0e2b4d"
    with client(prefix_sandbox, prefix_sandbox.url) as root:
        assert key in [k.id for k in root.api_keys.list()]
        root.api_keys.revoke(key)
        revoked = next(k for k in root.api_keys.list() if k.id == key)
        assert revoked.revoked_at is not None
