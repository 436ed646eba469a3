// The quickstart's five steps with the client openapi-generator's `typescript-fetch`
// generator makes from openapi.yaml (in build/polyglot/openapi-generator-typescript-fetch/).
// Written as its users write: the token and X-Org-Id set once on the Configuration
// (`accessToken` for bearerAuth, `apiKey` for the orgId scheme); enum values as plain
// literals, which the union types check. Prints the steps it passed as JSON.
import {
  Configuration,
  type IssueCreate,
  IssuesApi,
  MeApi,
} from "../../../build/polyglot/openapi-generator-typescript-fetch/index";

// @ts-expect-error: a status is one of the listed literals; tsc --strict refuses a number.
const refused: IssueCreate["status"] = 42;
void refused;

const config = new Configuration({
  basePath: process.env.PROJEKT_BASE_URL ?? "https://projekt.3xa.es/api",
  accessToken: process.env.PROJEKT_API_KEY ?? "",
  apiKey: process.env.PROJEKT_ORG_ID ?? "",
});
const me = new MeApi(config);
const issues = new IssuesApi(config);
const passed: string[] = [];

if ((await me.getMe()).email) passed.push("me");
const projectId = (await me.listMyOrgs()).orgs[0]?.projects[0]?.id;
if (projectId) {
  passed.push("orgs");
  if (Array.isArray(await issues.listIssues({ projectId }))) passed.push("list");
  const created = await issues.createIssue({
    issueCreate: { projectId, title: "From typescript-fetch", status: "Backlog", priority: "medium" },
    idempotencyKey: crypto.randomUUID(),
  });
  if (created.status === "Backlog") passed.push("create");
  const got = await issues.getIssue({ issueId: created.id });
  if (got.title === "From typescript-fetch" && got.priority === "medium") passed.push("get");
}
console.log(JSON.stringify(passed));
