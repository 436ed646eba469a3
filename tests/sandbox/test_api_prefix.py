"""The sandbox answers under /api too, as production does, and the spec's example ids exist.

Swapping only the host of the production base URL (https://projekt.3xa.es/api)
for the sandbox's must work, and so must every example id the spec shows.
"""

from __future__ import annotations

import httpx

from projekt_sandbox.testing import ProjektSandbox

PROJECT = "3c9a1e5b-7d2f-4a6c-9e8b-1f3d5a7c9e2b"


def test_every_call_works_under_api_with_pages_that_stay_there(
    projekt_sandbox: ProjektSandbox,
) -> None:
    sent: list[str] = []
    recording = httpx.Client(event_hooks={"request": [lambda r: sent.append(r.url.path)]})
    base_url = projekt_sandbox.base_url + "/api"
    with projekt_sandbox.client(base_url=base_url, http_client=recording) as api:
        assert api.me.get().email == "you@example.com"
        pages = list(api.issues.list(project_id=PROJECT, limit=2).iter_pages())
        created = api.issues.create(project_id=PROJECT, title="Under /api")
        assert api.issues.get(created.id).title == "Under /api"
    assert len(pages) >= 3
    assert sent[1 : 1 + len(pages)] == ["/api/issues"] * len(pages)
    assert all(path.startswith("/api/") for path in sent)


def test_the_spec_example_key_exists_and_the_revoke_sample_works(
    projekt_sandbox: ProjektSandbox,
) -> None:
    key = "2e4a6c8e-0b2d-4f6a-a8c0-4e6a8c0e2b4d"
    with projekt_sandbox.client() as root:
        assert key in [k.id for k in root.api_keys.list()]
        root.api_keys.revoke(key)
        revoked = next(k for k in root.api_keys.list() if k.id == key)
        assert revoked.revoked_at is not None
