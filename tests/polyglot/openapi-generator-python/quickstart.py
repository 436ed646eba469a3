"""The quickstart's five steps with the client openapi-generator's `python` generator makes
from openapi.yaml (package `projekt_client`, in build/polyglot/openapi-generator-python/).
Written as its users write: the token and X-Org-Id set once on the Configuration (the
`bearerAuth` and `orgId` security schemes), the request built from a plain dict with enum
values as literals. Prints the steps it passed as JSON."""

import json
import os
import uuid

from projekt_client import ApiClient, Configuration, IssueCreate, IssuesApi, IssueStatus, MeApi

config = Configuration(
    host=os.environ.get("PROJEKT_BASE_URL", "https://projekt.3xa.es/api"),
    access_token=os.environ.get("PROJEKT_API_KEY", ""),
    api_key={"orgId": os.environ.get("PROJEKT_ORG_ID", "")},
)
passed: list[str] = []
with ApiClient(config) as client:
    me, issues = MeApi(client), IssuesApi(client)
    if me.get_me().email:
        passed.append("me")
    orgs = me.list_my_orgs().orgs
    project_id = orgs[0].projects[0].id if orgs and orgs[0].projects else None
    if project_id:
        passed.append("orgs")
        if isinstance(issues.list_issues(project_id=project_id), list):
            passed.append("list")
        new = IssueCreate.model_validate(
            {
                "project_id": project_id,
                "title": "From openapi-generator",
                "status": "Backlog",
                "priority": "medium",
            }
        )
        created = issues.create_issue(new, idempotency_key=str(uuid.uuid4()))
        if created.status == IssueStatus.BACKLOG:
            passed.append("create")
        got = issues.get_issue(created.id)
        if got.title == "From openapi-generator" and got.priority == "medium":
            passed.append("get")
print(json.dumps(passed))
