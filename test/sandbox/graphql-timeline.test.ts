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
    const query = `{ repository(owner: "octo-org", name: "widgets") { issue(number: 1) { timelineItems(itemTypes: [ISSUE_COMMENT], first: 5) { totalCount } } } }`;
    await expect(gql(query)).rejects.toThrow(/CLOSED_EVENT/);
    expect(started.reported.at(-1)).toMatchObject({ kind: "unimplemented-graphql" });
  });
});

const EVENT_FIELDS = `__typename
  ... on ClosedEvent { createdAt actor { login } stateReason }
  ... on ReopenedEvent { createdAt actor { login } }
  ... on LabeledEvent { createdAt actor { login } label { name } }
  ... on UnlabeledEvent { createdAt actor { login } label { name } }`;
const ISSUE_HISTORY = `
  query ($number: Int!, $after: String) {
    repository(owner: "octo-org", name: "widgets") {
      issue(number: $number) {
        timelineItems(itemTypes: [CLOSED_EVENT, REOPENED_EVENT, LABELED_EVENT, UNLABELED_EVENT], first: 3, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { ${EVENT_FIELDS} }
        }
      }
    }
  }`;
const PULL_HISTORY = `
  query ($number: Int!, $types: [PullRequestTimelineItemsItemType!]) {
    repository(owner: "octo-org", name: "widgets") {
      pullRequest(number: $number) {
        timelineItems(itemTypes: $types, first: 10) {
          nodes { ${EVENT_FIELDS} ... on ReadyForReviewEvent { createdAt actor { login } } ... on ConvertToDraftEvent { createdAt actor { login } } }
        }
      }
    }
  }`;

type Timeline = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<Record<string, unknown>> };

describe("GraphQL timelineItems: the history the model's changes recorded", () => {
  let started: Started;
  let gql: typeof octokitGraphql;
  const REPO = "octo-org/widgets";

  beforeAll(async () => {
    started = await start();
    const { installationId } = seedWidgets(started);
    const token = started.sandbox.createInstallationToken(installationId);
    gql = octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } });
  });
  afterAll(() => started.sandbox.close());

  it("lists an issue's labels put on and taken off, closes and reopens, oldest first, page by page", async () => {
    const model = started.sandbox.model;
    const issue = model.addIssue(REPO, { user: "alice", labels: ["bug"], createdAt: "2026-01-01T00:00:00Z" });
    model.addLabelsToIssue(REPO, issue.number, ["on-hold"], "2026-01-01T01:00:00Z", "octo-org");
    model.removeLabelFromIssue(REPO, issue.number, "on-hold", "2026-01-02T01:00:00Z", "octo-org");
    model.updateIssue(REPO, issue.number, { state: "closed", state_reason: "not_planned" }, "octo-org", "2026-01-03T00:00:00Z");
    model.updateIssue(REPO, issue.number, { state: "open" }, "alice", "2026-01-04T00:00:00Z");
    // A REST-style replacement of the labels: what went and what came, by whoever made it.
    model.updateIssue(REPO, issue.number, { labels: ["question"] }, "octo-org", "2026-01-05T00:00:00Z");

    const pages: Timeline[] = [];
    let after: string | null = null;
    do {
      const data: { repository: { issue: { timelineItems: Timeline } } } = await gql(ISSUE_HISTORY, { number: issue.number, after });
      pages.push(data.repository.issue.timelineItems);
      after = data.repository.issue.timelineItems.pageInfo.hasNextPage ? data.repository.issue.timelineItems.pageInfo.endCursor : null;
    } while (after !== null);
    expect(pages.map((page) => [page.totalCount, page.nodes.length])).toEqual([
      [7, 3],
      [7, 3],
      [7, 1],
    ]);
    expect(pages.flatMap((page) => page.nodes)).toEqual([
      { __typename: "LabeledEvent", createdAt: "2026-01-01T00:00:00Z", actor: { login: "alice" }, label: { name: "bug" } },
      { __typename: "LabeledEvent", createdAt: "2026-01-01T01:00:00Z", actor: { login: "octo-org" }, label: { name: "on-hold" } },
      { __typename: "UnlabeledEvent", createdAt: "2026-01-02T01:00:00Z", actor: { login: "octo-org" }, label: { name: "on-hold" } },
      { __typename: "ClosedEvent", createdAt: "2026-01-03T00:00:00Z", actor: { login: "octo-org" }, stateReason: "NOT_PLANNED" },
      { __typename: "ReopenedEvent", createdAt: "2026-01-04T00:00:00Z", actor: { login: "alice" } },
      { __typename: "UnlabeledEvent", createdAt: "2026-01-05T00:00:00Z", actor: { login: "octo-org" }, label: { name: "bug" } },
      { __typename: "LabeledEvent", createdAt: "2026-01-05T00:00:00Z", actor: { login: "octo-org" }, label: { name: "question" } },
    ]);
  });

  it("lists a pull request's draft changes and the close of its merge, filtered by item type", async () => {
    const model = started.sandbox.model;
    const pull = model.addPullRequest(REPO, { user: "bob", draft: true, createdAt: "2026-02-01T00:00:00Z" });
    model.setPullDraft(REPO, pull.number, false, "bob", "2026-02-03T00:00:00Z");
    model.setPullDraft(REPO, pull.number, true, "octo-org", "2026-02-04T00:00:00Z");
    expect(() => model.setPullDraft(REPO, pull.number, true, "bob")).toThrow(/already a draft/);
    model.setPullDraft(REPO, pull.number, false, "bob", "2026-02-05T00:00:00Z");
    model.mergePullRequest(REPO, pull.number, "octo-org", "2026-02-06T00:00:00Z");
    expect(() => model.setPullDraft(REPO, pull.number, true, "bob")).toThrow(/not an open pull request/);

    const all = ["CLOSED_EVENT", "REOPENED_EVENT", "LABELED_EVENT", "UNLABELED_EVENT", "READY_FOR_REVIEW_EVENT", "CONVERT_TO_DRAFT_EVENT"];
    type Answer = { repository: { pullRequest: { timelineItems: Timeline } } };
    const data = await gql<Answer>(PULL_HISTORY, { number: pull.number, types: all });
    expect(data.repository.pullRequest.timelineItems.nodes).toEqual([
      { __typename: "ReadyForReviewEvent", createdAt: "2026-02-03T00:00:00Z", actor: { login: "bob" } },
      { __typename: "ConvertToDraftEvent", createdAt: "2026-02-04T00:00:00Z", actor: { login: "octo-org" } },
      { __typename: "ReadyForReviewEvent", createdAt: "2026-02-05T00:00:00Z", actor: { login: "bob" } },
      { __typename: "ClosedEvent", createdAt: "2026-02-06T00:00:00Z", actor: { login: "octo-org" }, stateReason: null },
    ]);
    const drafts = await gql<Answer>(PULL_HISTORY, { number: pull.number, types: ["CONVERT_TO_DRAFT_EVENT"] });
    expect(drafts.repository.pullRequest.timelineItems.nodes.map((n) => n.createdAt)).toEqual(["2026-02-04T00:00:00Z"]);
    expect(started.reported).toEqual([]);
  });

  it("refuses draft event types on an issue's timeline, as GitHub's schema does", async () => {
    const query = `{ repository(owner: "octo-org", name: "widgets") { issue(number: 1) { timelineItems(itemTypes: [READY_FOR_REVIEW_EVENT], first: 5) { totalCount } } } }`;
    await expect(gql(query)).rejects.toThrow(/READY_FOR_REVIEW_EVENT/);
    expect(started.reported.at(-1)).toMatchObject({ kind: "invalid-graphql" });
  });
});
