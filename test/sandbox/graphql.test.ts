import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWidgets, start, type Started } from "./helpers.js";

type Gql = typeof octokitGraphql;

const STARGAZERS = `
  query ($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      stargazerCount
      stargazers(first: 100, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor starredAt node { login company } }
      }
    }
    rateLimit { cost remaining used limit resetAt }
  }`;

interface StarPage {
  repository: {
    stargazerCount: number;
    stargazers: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; starredAt: string; node: { login: string; company: string | null } }[];
    };
  };
  rateLimit: { cost: number; remaining: number; used: number; limit: number };
}

describe("GraphQL", () => {
  let started: Started;
  let gql: Gql;

  beforeAll(async () => {
    started = await start();
    seedWidgets(started);
    const token = started.sandbox.createInstallationToken(started.sandbox.model.listInstallations()[0]?.id ?? 0);
    // Octokit maps the GHE-style REST base URL to /api/graphql, as Probot's does with GHE_HOST.
    gql = octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } });
  });
  afterAll(() => started.sandbox.close());

  it("rejects a query that does not fit GitHub's schema and records a violation", async () => {
    const before = started.sandbox.violations.length;
    await expect(gql(`{ repository(owner: "octo-org", name: "widgets") { starCount } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: expect.stringContaining('Cannot query field "starCount" on type "Repository"') })],
    });
    expect(started.sandbox.violations.slice(before)).toMatchObject([{ kind: "invalid-graphql", path: "/graphql" }]);
    expect(started.sandbox.violations.at(-1)?.query).toContain("starCount");
    expect(started.sandbox.requests.at(-1)).toMatchObject({ method: "POST", path: "/graphql", status: 200 });
  });

  it("rejects pagination GitHub refuses (first over 100, no first/last)", async () => {
    await expect(gql(`{ repository(owner: "octo-org", name: "widgets") { stargazers(first: 101) { totalCount } } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "EXCESSIVE_PAGINATION" })],
    });
    await expect(gql(`{ repository(owner: "octo-org", name: "widgets") { issues { totalCount } } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "MISSING_PAGINATION_BOUNDARIES" })],
    });
    expect(started.sandbox.violations.slice(-2).map((v) => v.kind)).toEqual(["rejected-graphql", "rejected-graphql"]);
  });

  it("pages 250 stargazers 100 at a time with opaque cursors and one point per page", async () => {
    const { model } = started.sandbox;
    const base = Date.parse("2023-01-01T00:00:00Z");
    for (let i = 0; i < 250; i++) {
      model.addUser({ login: `fan${i}`, company: i % 50 === 0 ? "@acme" : null });
      model.addStargazer("octo-org/widgets", `fan${i}`, new Date(base + i * 3_600_000));
    }
    const pages: StarPage[] = [];
    let after: string | null = null;
    do {
      const page: StarPage = await gql<StarPage>(STARGAZERS, { owner: "octo-org", name: "widgets", after });
      pages.push(page);
      after = page.repository.stargazers.pageInfo.hasNextPage ? page.repository.stargazers.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((p) => p.repository.stargazers.edges.length)).toEqual([100, 100, 50]);
    expect(pages.every((p) => p.repository.stargazers.totalCount === 250 && p.repository.stargazerCount === 250)).toBe(true);
    const edges = pages.flatMap((p) => p.repository.stargazers.edges);
    expect(edges.map((e) => e.node.login)).toEqual(Array.from({ length: 250 }, (_, i) => `fan${i}`));
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(250);
    expect(edges[0]).toMatchObject({ starredAt: "2023-01-01T00:00:00Z", node: { company: "@acme" } });
    expect(pages[0]?.repository.stargazers.pageInfo.endCursor).toBe(edges[99]?.cursor);
    expect(pages.map((p) => p.rateLimit.cost)).toEqual([1, 1, 1]);
    expect(pages[2]?.rateLimit.remaining).toBe((pages[0]?.rateLimit.remaining ?? 0) - 2);
  });

  it("answers issues and pull requests with comments, reviews and author details", async () => {
    const { model } = started.sandbox;
    model.addUser({ login: "octo-org", type: "Organization" });
    const issue = model.addIssue("octo-org/widgets", { user: "alice", title: "SSO support?", createdAt: "2024-02-01T00:00:00Z" });
    model.addComment("octo-org/widgets", issue.number, { user: "dependabot[bot]", body: "bump", createdAt: "2024-02-01T01:00:00Z" });
    model.addComment("octo-org/widgets", issue.number, { user: "octo-org", body: "On it", createdAt: "2024-02-01T02:00:00Z" });
    const pr = model.addPullRequest("octo-org/widgets", { user: "bob", merged: true, mergedAt: "2024-02-03T00:00:00Z", draft: false });
    model.addReview("octo-org/widgets", pr.number, { user: "octo-org", state: "APPROVED", submittedAt: "2024-02-02T00:00:00Z" });

    const data = await gql<{ repository: { issues: { nodes: unknown[] }; pullRequests: { nodes: unknown[] } } }>(`
      query {
        repository(owner: "octo-org", name: "widgets") {
          isFork isArchived nameWithOwner defaultBranchRef { name } licenseInfo { spdxId }
          issues(first: 10, states: OPEN, orderBy: { field: CREATED_AT, direction: ASC }) {
            nodes { number title state author { login __typename } authorAssociation createdAt closedAt
              comments(first: 10) { totalCount pageInfo { hasNextPage } nodes { author { login __typename } authorAssociation createdAt } } }
          }
          pullRequests(first: 10, states: [MERGED]) {
            nodes { number state merged mergedAt isDraft author { login }
              reviews(first: 10) { nodes { author { login } state submittedAt authorAssociation } } }
          }
        }
      }`);
    expect(data.repository).toMatchObject({
      isFork: false,
      nameWithOwner: "octo-org/widgets",
      defaultBranchRef: { name: "main" },
      licenseInfo: { spdxId: "MIT" },
    });
    const sso = data.repository.issues.nodes.find((n) => (n as { title: string }).title === "SSO support?");
    expect(sso).toMatchObject({
      state: "OPEN",
      author: { login: "alice", __typename: "User" },
      authorAssociation: "NONE",
      comments: {
        totalCount: 2,
        pageInfo: { hasNextPage: false },
        // GitHub's GraphQL drops the "[bot]" suffix of bot logins.
        nodes: [
          { author: { login: "dependabot", __typename: "Bot" } },
          { author: { login: "octo-org" }, authorAssociation: "OWNER", createdAt: "2024-02-01T02:00:00Z" },
        ],
      },
    });
    expect(data.repository.pullRequests.nodes).toMatchObject([
      {
        number: pr.number,
        state: "MERGED",
        merged: true,
        mergedAt: "2024-02-03T00:00:00Z",
        isDraft: false,
        reviews: { nodes: [{ state: "APPROVED", authorAssociation: "OWNER" }] },
      },
    ]);
  });

  it("answers user(login) and NOT_FOUND for unreachable repositories without a violation", async () => {
    started.sandbox.model.addUser({ login: "grace", company: "BigCorp" });
    expect(await gql(`{ user(login: "grace") { company } viewer { login } }`)).toEqual({
      user: { company: "BigCorp" },
      viewer: { login: "steward[bot]" },
    });
    const before = started.sandbox.violations.length;
    await expect(gql(`{ repository(owner: "nobody", name: "nothing") { id } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "NOT_FOUND" })],
    });
    expect(started.sandbox.violations.length).toBe(before);
  });

  it("reports fields the sandbox has not implemented", async () => {
    await expect(gql(`{ repository(owner: "octo-org", name: "widgets") { mirrorUrl } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: "sandbox: GraphQL field Repository.mirrorUrl is not implemented" })],
    });
    expect(started.sandbox.violations.at(-1)?.kind).toBe("unimplemented-graphql");
  });
});
