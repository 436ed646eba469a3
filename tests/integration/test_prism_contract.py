"""Every operation, through the SDK and Prism's validating proxy: no contract violation.

Prism checks each request against openapi.yaml and each of the sandbox's responses
against it too, so this is where the spec, the SDK and the sandbox are held to one
contract, operation by operation, in a test of its own.
"""

from __future__ import annotations

import pytest

import projekt
from projekt import Projekt
from tests.helpers import PrismProxy, Sandbox


def test_every_operation_through_prism_keeps_the_contract(
    prism: PrismProxy, sandbox_process: Sandbox
) -> None:
    # In Globex, so that what it creates is not seen by the tests that read Acme's data.
    member = sandbox_process.mint("other@example.com", "globex")
    start = prism.log_lines()
    with Projekt(api_key=member["api_key"], org_id=member["org_id"], base_url=prism.url) as client:
        assert client.me.get().email == "other@example.com"
        project_id = client.me.orgs().orgs[0].projects[0].id
        client.issues.create(project_id=project_id, title="A second page")
        issues = list(client.issues.list(project_id=project_id, limit=1))  # every page
        created = client.issues.create(project_id=project_id, title="Through Prism")
        assert client.issues.get(created.id).title == "Through Prism"
        client.issues.update(created.id, status="Done", description=None)
        client.comments.create(issue_id=created.id, body="Checked by Prism.")
        assert [c.body for c in client.comments.list(issue_id=created.id)] == ["Checked by Prism."]
        client.issues.delete(created.id)
        with pytest.raises(projekt.NotFoundError):
            client.issues.get(created.id)
        project = client.projects.create(name="Prism", key="PRSM")
        assert client.projects.get(project.id).key == "PRSM"
        assert "PRSM" in [p.key for p in client.projects.list()]
        key = client.api_keys.create(name="Prism check")
        assert key.id in [k.id for k in client.api_keys.list()]
        client.api_keys.revoke(key.id)
    assert len(issues) > 1
    assert prism.violations(since=start) == []
