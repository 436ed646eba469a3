// The quickstart's five steps with the client openapi-generator's `go` generator makes from
// openapi.yaml (module github.com/projekt/projekt-go, in
// build/polyglot/openapi-generator-go/). Written as its users write: the token and X-Org-Id
// set once, in the context (ContextAccessToken for bearerAuth, ContextAPIKeys for the orgId
// scheme); enum values as plain literals. Prints the steps it passed as JSON.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	projekt "github.com/projekt/projekt-go"
)

func main() {
	config := projekt.NewConfiguration()
	config.Servers = projekt.ServerConfigurations{{URL: os.Getenv("PROJEKT_BASE_URL")}}
	client := projekt.NewAPIClient(config)
	ctx := context.WithValue(context.Background(), projekt.ContextAccessToken, os.Getenv("PROJEKT_API_KEY"))
	ctx = context.WithValue(ctx, projekt.ContextAPIKeys, map[string]projekt.APIKey{
		"orgId": {Key: os.Getenv("PROJEKT_ORG_ID")},
	})
	passed := []string{}

	if me, _, err := client.MeAPI.GetMe(ctx).Execute(); err == nil && me.Email != "" {
		passed = append(passed, "me")
	}
	orgs, _, err := client.MeAPI.ListMyOrgs(ctx).Execute()
	if err == nil && len(orgs.Orgs) > 0 && len(orgs.Orgs[0].Projects) > 0 {
		projectID := orgs.Orgs[0].Projects[0].Id
		passed = append(passed, "orgs")
		if _, _, err := client.IssuesAPI.ListIssues(ctx).ProjectId(projectID).Execute(); err == nil {
			passed = append(passed, "list")
		}
		issue := projekt.NewIssueCreate(projectID, "From openapi-generator go")
		issue.SetStatus("Backlog")
		issue.SetPriority("medium")
		created, _, err := client.IssuesAPI.CreateIssue(ctx).IssueCreate(*issue).
			IdempotencyKey(fmt.Sprintf("go-%d", os.Getpid())).Execute()
		if err == nil && created.Status == "Backlog" {
			passed = append(passed, "create")
			got, _, err := client.IssuesAPI.GetIssue(ctx, created.Id).Execute()
			if err == nil && got.Title == "From openapi-generator go" && got.Priority == "medium" {
				passed = append(passed, "get")
			}
		}
	}
	out, _ := json.Marshal(passed)
	fmt.Println(string(out))
}
