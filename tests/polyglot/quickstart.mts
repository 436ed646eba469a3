// The quickstart loop with openapi-fetch, typed by openapi-typescript output generated from
// openapi.yaml (an ES module: it ends with a top-level await). The token and X-Org-Id are set
// once, as the client's default headers:
// X-Org-Id is the spec's orgId security scheme, so no call has to repeat it.
// `make lint` compiles this with `tsc --noEmit --strict`; tests/polyglot/test_openapi_fetch.py
// runs it against a fresh sandbox (PROJEKT_API_KEY, PROJEKT_ORG_ID, PROJEKT_BASE_URL).
import createClient from "openapi-fetch";
import type { components, paths } from "../../build/polyglot/projekt";

type Issue = components["schemas"]["Issue"];
type ErrorEnvelope = components["schemas"]["Error"];

function fail(status: number, error: ErrorEnvelope | undefined): never {
  const e = error?.error;
  throw new Error(`HTTP ${status} ${e?.code}: ${e?.message} (${e?.request_id})`);
}

export async function quickstart(baseUrl: string, token: string, orgId: string): Promise<string[]> {
  const client = createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${token}`, "X-Org-Id": orgId },
  });

  const me = await client.GET("/me");
  if (me.data === undefined) fail(me.response.status, me.error);
  const locale: string = me.data.locale;

  const orgs = await client.GET("/me/orgs");
  if (orgs.data === undefined) fail(orgs.response.status, orgs.error);
  const projectId: string | undefined = orgs.data.orgs[0]?.projects[0]?.id;
  if (projectId === undefined) return [locale];

  const listed = await client.GET("/issues", { params: { query: { project_id: projectId } } });
  if (listed.data === undefined) fail(listed.response.status, listed.error);
  const titles = listed.data.map((issue) => `${issue.title} [${issue.status}, ${issue.priority}]`);

  const created = await client.POST("/issues", {
    body: {
      project_id: projectId,
      title: "Investigate flaky CI test",
      status: "Backlog",
      priority: "medium",
      description: "The auth e2e test fails 1 in 5 runs.",
    },
  });
  if (created.data === undefined) fail(created.response.status, created.error);
  // A single issue carries every field: no `| undefined` to narrow away.
  const issue: Issue = created.data;
  const createdAt: string = issue.created_at;
  const projectOfIssue: string = issue.project_id;

  // Open enums: a status the server adds later is still a valid value.
  const later: components["schemas"]["IssueStatus"] = "In Review";
  return [locale, ...titles, issue.id, createdAt, projectOfIssue, later];
}

const { PROJEKT_BASE_URL, PROJEKT_API_KEY, PROJEKT_ORG_ID } = process.env;
if (PROJEKT_BASE_URL && PROJEKT_API_KEY && PROJEKT_ORG_ID) {
  console.log(JSON.stringify(await quickstart(PROJEKT_BASE_URL, PROJEKT_API_KEY, PROJEKT_ORG_ID)));
}
