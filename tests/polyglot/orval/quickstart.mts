// The quickstart's five steps with the fetch client orval generates from openapi.yaml (into
// build/polyglot/orval/, by tests/polyglot/test_typescript.py, with orval.config.mjs): the
// base URL and both credentials come from fetch.ts, set once; enum values as plain literals.
// orval drops the spec's Idempotency-Key header parameter from its signatures, so a write
// sends it in the call's RequestInit, the last argument of every generated function.
// Prints the steps it passed as JSON.
import {
  createIssue,
  getIssue,
  getMe,
  listIssues,
  listMyOrgs,
} from "../../../build/polyglot/orval/projekt";
import type { IssueStatus } from "../../../build/polyglot/orval/projekt";

// @ts-expect-error: a status is one of the listed literals; tsc --strict refuses a number.
const refused: IssueStatus = 42;
void refused;

const passed: string[] = [];

const me = await getMe();
if (me.status === 200 && me.data.email) passed.push("me");

const orgs = await listMyOrgs();
const projectId = orgs.status === 200 ? orgs.data.orgs[0]?.projects[0]?.id : undefined;
if (projectId) passed.push("orgs");

if (projectId) {
  const listed = await listIssues({ project_id: projectId });
  if (listed.status === 200 && Array.isArray(listed.data)) passed.push("list");

  const created = await createIssue(
    { project_id: projectId, title: "From orval", status: "Backlog", priority: "medium" },
    { headers: { "Idempotency-Key": crypto.randomUUID() } },
  );
  const issueId = created.status === 201 ? created.data.id : undefined;
  if (created.status === 201 && created.data.status === "Backlog") passed.push("create");

  if (issueId) {
    const got = await getIssue(issueId);
    if (got.status === 200 && got.data.title === "From orval") passed.push("get");
  }
}
console.log(JSON.stringify(passed));
