import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWidgets, start, type Started } from "./helpers.js";

const CLOSES = `
  query ($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) {
      issues(first: 10) {
        nodes {
          number
          timelineItems(itemTypes: [CLOSED_EVENT], last: 1) {
            nodes { __typename ... on ClosedEvent { createdAt actor { __typename login } } }
          }
        }
      }
    }
  }`;

describe("GraphQL timelineItems", () => {
  let started: Started;
  let gql: typeof octokitGraphql;

  beforeAll(async () => {
    started = await start();
    const { installationId } = seedWidgets(started);
    const model = started.sandbox.model;
    model.addIssue("octo-org/widgets", { user: "alice", createdAt: "2026-01-01T00:00:00Z" });
    model.addIssue("octo-org/widgets", {
      user: "bob",
      state: "closed",
      closedBy: "octo-org",
      createdAt: "2026-01-02T00:00:00Z",
      closedAt: "2026-01-03T04:05:06Z",
    });
    const token = started.sandbox.createInstallationToken(installationId);
    gql = octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } });
  });
  afterAll(() => started.sandbox.close());

  it("gives the close of a closed issue with its actor and time, and none for an open one", async () => {
    const data = await gql<{ repository: { issues: { nodes: Array<{ number: number; timelineItems: { nodes: unknown[] } }> } } }>(CLOSES, {
      owner: "octo-org",
      name: "widgets",
    });
    expect(data.repository.issues.nodes).toEqual([
      { number: 1, timelineItems: { nodes: [] } },
      {
        number: 2,
        timelineItems: {
          nodes: [{ __typename: "ClosedEvent", createdAt: "2026-01-03T04:05:06Z", actor: { __typename: "Organization", login: "octo-org" } }],
        },
      },
    ]);
  });

  it("reports other timeline item types as not implemented", async () => {
    const query = `{ repository(owner: "octo-org", name: "widgets") { issue(number: 1) { timelineItems(itemTypes: [LABELED_EVENT], first: 5) { totalCount } } } }`;
    await expect(gql(query)).rejects.toThrow(/CLOSED_EVENT/);
    expect(started.reported.at(-1)).toMatchObject({ kind: "unimplemented-graphql" });
  });
});
