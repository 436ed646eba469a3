// The quickstart's five steps with a client @hey-api/openapi-ts generates from openapi.yaml
// (into build/polyglot/hey-api/, by tests/polyglot/test_typescript.py). Written as its users
// write: the token and X-Org-Id set once, through the client's `auth` callback, which gets
// each security scheme the operation names (bearerAuth, and the orgId apiKey header); enum
// values as plain literals. Prints the steps it passed as JSON.
import { client } from "../../../build/polyglot/hey-api/client.gen";
import {
  createIssue,
  getIssue,
  getMe,
  listIssues,
  listMyOrgs,
} from "../../../build/polyglot/hey-api/sdk.gen";
import type { IssueStatus } from "../../../build/polyglot/hey-api/types.gen";

// @ts-expect-error: a status is one of the listed literals; tsc --strict refuses a number.
const refused: IssueStatus = 42;
void refused;

const baseUrl = process.env.PROJEKT_BASE_URL ?? "https://projekt.3xa.es/api";
const token = process.env.PROJEKT_API_KEY ?? "";
const orgId = process.env.PROJEKT_ORG_ID ?? "";
client.setConfig({ baseUrl, auth: (scheme) => (scheme.type === "apiKey" ? orgId : token) });

const passed: string[] = [];

const me = await getMe();
if (me.data?.email) passed.push("me");

const orgs = await listMyOrgs();
const projectId = orgs.data?.orgs[0]?.projects[0]?.id;
if (projectId) passed.push("orgs");

if (projectId) {
  const listed = await listIssues({ query: { project_id: projectId } });
  if (Array.isArray(listed.data)) passed.push("list");

  const created = await createIssue({
    body: { project_id: projectId, title: "From @hey-api", status: "Backlog", priority: "medium" },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  const issueId = created.data?.id;
  if (created.response?.status === 201 && created.data?.status === "Backlog") passed.push("create");

  if (issueId) {
    const got = await getIssue({ path: { issue_id: issueId } });
    if (got.data?.title === "From @hey-api" && got.data.priority === "medium") passed.push("get");
  }
}
console.log(JSON.stringify(passed));
