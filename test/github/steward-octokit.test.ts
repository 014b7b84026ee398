import { describe, expect, it } from "vitest";
import { createsContent } from "../../src/github/steward-octokit.js";

describe("createsContent: what Steward's one write pacer counts", () => {
  it.each([
    ["POST", "/repos/{owner}/{repo}/issues", true],
    ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", true],
    ["POST", "/repos/acme/widget/issues/7/comments", true],
    ["POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", true],
    ["POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", true],
    ["POST", "/repos/acme/widget/issues/comments/12/reactions", true],
    ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", false],
    ["PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", false],
    ["GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", false],
    ["POST", "/app/installations/{installation_id}/access_tokens", false],
  ])("%s %s: %s", (method, url, expected) => {
    expect(createsContent(method, url, {})).toBe(expected);
  });

  it("counts a GraphQL mutation, never a query", () => {
    expect(createsContent("POST", "/graphql", { query: "mutation { addComment(input: {}) { clientMutationId } }" })).toBe(true);
    expect(createsContent("POST", "/graphql", { query: "query { viewer { login } }" })).toBe(false);
    expect(createsContent("POST", "http://127.0.0.1:3100/api/graphql", { query: " mutation X { a }" })).toBe(true);
  });
});
