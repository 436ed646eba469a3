"""The quickstart's five steps with the client openapi-python-client makes from openapi.yaml
with its default settings (package `projekt_client`, in build/polyglot/openapi-python-client/).
Written as its users write: it ignores the orgId security scheme, so X-Org-Id is a default
header of the AuthenticatedClient, beside the token; the request is built from a plain dict
with enum values as literals. Prints the steps it passed as JSON."""

import json
import os
import uuid

from projekt_client import AuthenticatedClient
from projekt_client.api.issues import create_issue, get_issue, list_issues
from projekt_client.api.me import get_me, list_my_orgs
from projekt_client.models import Issue, IssueCreate, IssueStatus, MyOrgs, User

client = AuthenticatedClient(
    base_url=os.environ.get("PROJEKT_BASE_URL", "https://projekt.3xa.es/api"),
    token=os.environ.get("PROJEKT_API_KEY", ""),
    headers={"X-Org-Id": os.environ.get("PROJEKT_ORG_ID", "")},
)
passed: list[str] = []
with client:
    me = get_me.sync(client=client)
    if isinstance(me, User) and me.email:
        passed.append("me")
    orgs = list_my_orgs.sync(client=client)
    if isinstance(orgs, MyOrgs) and orgs.orgs and orgs.orgs[0].projects:
        project_id = orgs.orgs[0].projects[0].id
        passed.append("orgs")
        if isinstance(list_issues.sync(client=client, project_id=project_id), list):
            passed.append("list")
        new = IssueCreate.from_dict(
            {
                "project_id": project_id,
                "title": "From openapi-python-client",
                "status": "Backlog",
                "priority": "medium",
            }
        )
        created = create_issue.sync(client=client, body=new, idempotency_key=str(uuid.uuid4()))
        if isinstance(created, Issue) and created.status == IssueStatus.BACKLOG:
            passed.append("create")
            got = get_issue.sync(created.id, client=client)
            if isinstance(got, Issue) and got.title == created.title and got.priority == "medium":
                passed.append("get")
print(json.dumps(passed))
