import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWidgets, start, type Started } from "./helpers.js";

const REPO = "octo-org/widgets";
type StateNode = { number: number; closed: boolean; closedAt: string | null; stateReason: string | null };

const LIST = `
  query ($states: [DiscussionState!]) {
    repository(owner: "octo-org", name: "widgets") {
      discussions(first: 100, states: $states, orderBy: { field: CREATED_AT, direction: ASC }) {
        totalCount nodes { number closed closedAt stateReason }
      }
    }
  }`;

describe("a discussion's state over GraphQL", () => {
  let started: Started;
  let gql: typeof octokitGraphql;
  const numbers: Record<"open" | "closed" | "reopened" | "deleted", number> = { open: 0, closed: 0, reopened: 0, deleted: 0 };

  beforeAll(async () => {
    started = await start();
    seedWidgets(started, { discussions: "read", metadata: "read" });
    const { discussions } = started.sandbox.model;
    for (const [i, name] of (["open", "closed", "reopened", "deleted"] as const).entries()) {
      numbers[name] = discussions.add(REPO, { user: "noor", createdAt: `2024-02-0${i + 1}T00:00:00Z` }).number;
    }
    discussions.close(REPO, numbers.closed, "maint", "outdated", "2024-02-10T08:30:00Z");
    discussions.close(REPO, numbers.reopened, "maint", undefined, "2024-02-10T09:00:00Z");
    discussions.reopen(REPO, numbers.reopened, "maint", "2024-02-11T09:00:00Z");
    discussions.delete(REPO, numbers.deleted);
    const token = started.sandbox.createInstallationToken(started.sandbox.model.listInstallations()[0]?.id ?? 0);
    gql = octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } });
  });
  afterAll(() => started.sandbox.close());

  it("answers closed, closedAt and stateReason, lists closed discussions and leaves deleted ones out", async () => {
    const { repository } = await gql<{ repository: { discussions: { totalCount: number; nodes: StateNode[] } } }>(LIST);
    expect(repository.discussions.totalCount).toBe(3);
    expect(repository.discussions.nodes).toEqual([
      { number: numbers.open, closed: false, closedAt: null, stateReason: null },
      { number: numbers.closed, closed: true, closedAt: "2024-02-10T08:30:00Z", stateReason: "OUTDATED" },
      { number: numbers.reopened, closed: false, closedAt: null, stateReason: "REOPENED" },
    ]);
    expect(started.sandbox.violations).toEqual([]);
  });

  it("narrows the list by states, as GitHub's OPEN and CLOSED do", async () => {
    const only = async (states: string[]) =>
      (await gql<{ repository: { discussions: { nodes: StateNode[] } } }>(LIST, { states })).repository.discussions.nodes.map((n) => n.number);
    expect(await only(["CLOSED"])).toEqual([numbers.closed]);
    expect(await only(["OPEN"])).toEqual([numbers.open, numbers.reopened]);
    expect(await only(["OPEN", "CLOSED"])).toEqual([numbers.open, numbers.closed, numbers.reopened]);
  });

  it("answers NOT_FOUND for a deleted discussion's number", async () => {
    await expect(
      gql(`query ($n: Int!) { repository(owner: "octo-org", name: "widgets") { discussion(number: $n) { id } } }`, { n: numbers.deleted }),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: "NOT_FOUND" })] });
  });
});
