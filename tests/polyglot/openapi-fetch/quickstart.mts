// The quickstart's five steps with openapi-fetch, typed by the openapi-typescript output
// generated from openapi.yaml (build/polyglot/openapi-fetch/projekt.d.ts). Written as its
// users write: openapi-fetch ignores security schemes, so the token and X-Org-Id are the
// client's default headers, set once; enum values as plain literals. Prints the steps it
// passed as JSON.
import createClient from "openapi-fetch";
import type { components, paths } from "../../../build/polyglot/openapi-fetch/projekt";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

function fail(status: number, error: ErrorEnvelope | undefined): never {
  const e = error?.error;
  throw new Error(`HTTP ${status} ${e?.code}: ${e?.message} (${e?.request_id})`);
}

// @ts-expect-error: a status is one of the listed literals; tsc --strict refuses a number.
const refused: components["schemas"]["IssueStatus"] = 42;
void refused;

const client = createClient<paths>({
  baseUrl: process.env.PROJEKT_BASE_URL ?? "https://projekt.3xa.es/api",
  headers: {
    Authorization: `Bearer ${process.env.PROJEKT_API_KEY ?? ""}`,
    "X-Org-Id": process.env.PROJEKT_ORG_ID ?? "",
  },
});
const passed: string[] = [];

const me = await client.GET("/me");
if (me.data === undefined) fail(me.response.status, me.error);
if (me.data.email) passed.push("me");

const orgs = await client.GET("/me/orgs");
if (orgs.data === undefined) fail(orgs.response.status, orgs.error);
const projectId: string | undefined = orgs.data.orgs[0]?.projects[0]?.id;
if (projectId !== undefined) {
  passed.push("orgs");
  const listed = await client.GET("/issues", { params: { query: { project_id: projectId } } });
  if (listed.data === undefined) fail(listed.response.status, listed.error);
  passed.push("list");

  const created = await client.POST("/issues", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: { project_id: projectId, title: "From openapi-fetch", status: "Backlog", priority: "medium" },
  });
  if (created.data === undefined) fail(created.response.status, created.error);
  if (created.data.status === "Backlog") passed.push("create");

  const got = await client.GET("/issues/{issue_id}", {
    params: { path: { issue_id: created.data.id } },
  });
  if (got.data === undefined) fail(got.response.status, got.error);
  if (got.data.title === "From openapi-fetch" && got.data.priority === "medium") passed.push("get");
}
console.log(JSON.stringify(passed));
