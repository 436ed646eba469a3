// The quickstart's calls, typed by openapi-typescript output generated from openapi.yaml.
// `make lint` compiles this with `tsc --noEmit --strict`: if the spec stops producing
// usable types for another language, this file stops compiling.
import type { components, operations, paths } from "../../build/polyglot/projekt";

type Json<Op extends keyof operations, Status extends number> = operations[Op] extends {
  responses: infer R;
}
  ? Status extends keyof R
    ? R[Status] extends { content: { "application/json": infer B } }
      ? B
      : never
    : never
  : never;

type Me = Json<"getMe", 200>;
type MyOrgs = Json<"listMyOrgs", 200>;
type IssueList = Json<"listIssues", 200>;
type CreatedIssue = Json<"createIssue", 201>;
type NewIssue = NonNullable<operations["createIssue"]["requestBody"]>["content"]["application/json"];
type ErrorEnvelope = components["schemas"]["Error"];
type OrgHeader = paths["/issues"]["get"]["parameters"]["header"]["X-Org-Id"];

const BASE = "https://projekt.3xa.es/api";

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...init.headers },
  });
  if (!res.ok) {
    const body = (await res.json()) as ErrorEnvelope;
    throw new Error(`HTTP ${res.status} ${body.error.code}: ${body.error.message} (${body.error.request_id})`);
  }
  return (await res.json()) as T;
}

export async function quickstart(token: string): Promise<string[]> {
  const me = await call<Me>("/me", token);
  const locale: string = me.locale;

  const { orgs, count } = await call<MyOrgs>("/me/orgs", token);
  const org = orgs[0];
  if (org === undefined || count === 0) return [];
  const orgId: OrgHeader = org.org_id;
  const projectId: string | undefined = org.projects[0]?.id;
  if (projectId === undefined) return [];
  const orgHeaders = { "X-Org-Id": orgId };

  const issues = await call<IssueList>(`/issues?project_id=${projectId}`, token, { headers: orgHeaders });
  const titles = issues.map((issue) => `${issue.title} [${issue.status}, ${issue.priority}]`);

  const body: NewIssue = {
    project_id: projectId,
    title: "Investigate flaky CI test",
    status: "Backlog",
    priority: "medium",
    description: "The auth e2e test fails 1 in 5 runs.",
  };
  const created = await call<CreatedIssue>("/issues", token, {
    method: "POST",
    headers: { ...orgHeaders, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const createdAt: string | undefined = created.created_at;

  // Open enums: a status the server adds later is still a valid value.
  const later: components["schemas"]["IssueStatus"] = "In Review";
  return [locale, ...titles, created.id, createdAt ?? "", later];
}
