"""The quickstart loop through the SDK: who am I, my orgs, the issues of a
project, a new issue, and the list again.

    PROJEKT_API_KEY=pjk_live_... PROJEKT_ORG_ID=... python examples/quickstart.py

PROJEKT_BASE_URL picks the server (the sandbox, or production by default).
"""

from __future__ import annotations

import json
from typing import Any

from projekt import Projekt, ProjektError


def show(step: str, data: Any) -> None:
    print(f"\n## {step}")
    print(json.dumps(data, indent=2, ensure_ascii=False))


def main() -> None:
    with Projekt() as client:
        me = client.me.get()
        show("1. GET /me", me.to_dict())

        orgs = client.me.orgs()
        show("2. GET /me/orgs", orgs.to_dict())
        org = next((o for o in orgs.orgs if o.org_id == client.org_id), orgs.orgs[0])
        project = org.projects[0]

        issues = client.issues.list(project_id=project.id)
        show(f"3. GET /issues?project_id={project.id}", [i.to_dict() for i in issues])

        created = client.issues.create(
            project_id=project.id,
            title="Investigate flaky CI test",
            status="Backlog",
            priority="medium",
            description="The auth e2e test fails 1 in 5 runs.",
        )
        show("4. POST /issues", created.to_dict())

        titles = [f"{i.title} [{i.status}]" for i in client.issues.list(project_id=project.id)]
        show("5. GET /issues again", titles)
        print(f"\nRate limit left: {client.rate_limit}")


if __name__ == "__main__":
    try:
        main()
    except ProjektError as error:
        raise SystemExit(f"projekt: {error}") from error
