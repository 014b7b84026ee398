import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDiscussionFollowUps, fetchDiscussionsPage } from "../../src/github/backfill-discussions-query.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import { seedWidgets, start, type Started } from "./helpers.js";

const REPO = { owner: "octo-org", repo: "widgets" };
const BASE = Date.parse("2024-01-01T00:00:00Z");
const hours = (n: number) => new Date(BASE + n * 3_600_000).toISOString();

describe("GraphQL repository.discussions, as the backfill reads it", () => {
  let started: Started;
  let client: GitHubClient;

  beforeAll(async () => {
    started = await start();
    seedWidgets(started);
    const { model } = started.sandbox;
    model.addCollaborator("octo-org/widgets", "maint");
    // Numbered against their creation order, so the order asked for is the one given.
    for (let i = 0; i < 150; i++)
      model.discussions.add("octo-org/widgets", { user: `asker-${i}`, category: i % 2 ? "General" : "Q&A", createdAt: hours(150 - i) });
    const newest = model.discussions.get("octo-org/widgets", 1)!;
    for (let c = 0; c < 130; c++)
      model.discussions.addComment("octo-org/widgets", newest.number, { user: "maint", body: `${c}`, createdAt: hours(151 + c / 200) });
    const answer = model.discussions.comments("octo-org/widgets", newest.number)[0]!;
    model.discussions.markAnswer("octo-org/widgets", newest.number, answer.id, "asker-0", hours(160));
    const token = started.sandbox.createInstallationToken(started.sandbox.model.listInstallations()[0]?.id ?? 0);
    client = {
      graphql: octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } }),
    } as unknown as GitHubClient;
  });
  afterAll(() => started.sandbox.close());

  it("pages 150 discussions oldest first with category, answer and first comments, validated and costed", async () => {
    const first = await fetchDiscussionsPage(client, REPO, null);
    const second = await fetchDiscussionsPage(client, REPO, first.pageInfo.endCursor);
    expect([first.items.length, second.items.length, first.totalCount]).toEqual([100, 50, 150]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    const all = [...first.items, ...second.items];
    expect(all.map((d) => d.createdAt)).toEqual([...all.map((d) => d.createdAt)].sort());
    const answered = all.at(-1)!;
    expect(answered).toMatchObject({
      number: 1,
      author: { __typename: "User", login: "asker-0" },
      authorAssociation: "NONE",
      category: { name: "Q&A", slug: "q-a", isAnswerable: true },
      answerChosenAt: hours(160).replace(".000", ""),
      answerChosenBy: { login: "asker-0" },
      answer: { author: { login: "maint" } },
    });
    expect(answered.comments.nodes).toHaveLength(100);
    expect(answered.comments.nodes[0]).toMatchObject({ author: { login: "maint" }, authorAssociation: "COLLABORATOR" });
    expect(answered.comments.pageInfo.hasNextPage).toBe(true);
    // A page of 100 discussions with a comments connection each: (1 + 100) / 100, one point.
    expect(first.rateLimit.cost).toBe(1);
    expect(started.sandbox.violations).toEqual([]);
  });

  it("gives the most recently updated first when asked, as a --since pass reads them", async () => {
    // An old discussion commented on last; then #1 (its comments and answer), then by creation.
    started.sandbox.model.discussions.addComment("octo-org/widgets", 100, { user: "maint", body: "late", createdAt: hours(200) });
    const page = await fetchDiscussionsPage(client, REPO, null, true);
    expect(page.items.slice(0, 3).map((d) => d.number)).toEqual([100, 1, 2]);
    expect(started.sandbox.violations).toEqual([]);
  });

  it("gives a discussion's further comments through aliased follow-ups", async () => {
    const page = await fetchDiscussionsPage(client, REPO, null);
    const second = await fetchDiscussionsPage(client, REPO, page.pageInfo.endCursor);
    const long = second.items.find((d) => d.number === 1)!;
    const { results } = await fetchDiscussionFollowUps(client, REPO, [
      { number: 1, after: long.comments.pageInfo.endCursor! },
      { number: 2, after: long.comments.pageInfo.endCursor! },
    ]);
    expect(results[0]!.comments).toHaveLength(30);
    expect(results[0]!.pageInfo.hasNextPage).toBe(false);
    expect(results[1]!.comments).toEqual([]);
    expect(started.sandbox.violations).toEqual([]);
  });
});
