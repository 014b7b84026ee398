import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listContributors, numberAllContributors, recordContribution } from "../../src/store/contributors.js";
import { listCrossings } from "../../src/store/milestone-crossings.js";
import { backfillState, events } from "../../src/store/schema.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { mergePull, openIssue, openPull } from "../welcome/welcome-payloads.js";

const stewardComments = (e2e: E2E, number: number) =>
  e2e.sandbox.model
    .listComments("acme/widget", number)
    .filter((c) => c.user === "steward[bot]")
    .map((c) => c.body);

/** Marks the repository's history as known, as the metrics backfill does when it finishes. */
function markHistoryKnown(e2e: E2E) {
  const at = new Date("2026-03-01T00:00:00Z");
  for (const kind of ["contributors", "issues", "pulls"]) {
    e2e.db.insert(backfillState).values({ repositoryId: e2e.target.repositoryId, kind, status: "done", updatedAt: at, finishedAt: at }).run();
  }
}

describe("contributor numbers once the history is known", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
    e2e.sandbox.model.setFile(
      "acme/widget",
      ".github/steward.yml",
      "welcome:\n  foundingContributors: 3\n  announceMilestones: true\nmilestones:\n  contributors: [2, 4]\n",
    );
    const repositoryId = e2e.target.repositoryId;
    // Two contributors from before Steward, as the backfill records them.
    for (const [login, day] of [
      ["pioneer", 1],
      ["second", 2],
    ] as const) {
      await recordContribution(e2e.db, {
        repositoryId,
        login,
        userId: null,
        at: new Date(Date.UTC(2025, 0, day)),
        pullNumber: null,
        source: "backfill",
      });
    }
    await numberAllContributors(e2e.db, repositoryId);
    markHistoryKnown(e2e);
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("numbers new contributors in order, founding message for the first N, milestones recorded and announced", async () => {
    const carol = openPull(e2e, "carol", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T10:00:00Z");
    const dave = openPull(e2e, "dave", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T11:00:00Z");
    await e2e.deliver("pull_request", mergePull(e2e, carol, "2026-03-03T09:00:00Z"));
    await e2e.deliver("pull_request", mergePull(e2e, dave, "2026-03-04T09:00:00Z"));

    expect((await listContributors(e2e.db, e2e.target.repositoryId)).map((c) => [c.login, c.number])).toEqual([
      ["pioneer", 1],
      ["second", 2],
      ["carol", 3],
      ["dave", 4],
    ]);
    const [carolSays] = stewardComments(e2e, carol.number);
    expect(carolSays).toContain("@carol");
    expect(carolSays).toContain("You are the 3rd contributor to acme/widget: one of its founding contributors.");
    const daveSays = stewardComments(e2e, dave.number);
    expect(daveSays).toHaveLength(2);
    expect(daveSays[0]).toContain("You are contributor #\u200B4 to acme/widget.");
    expect(daveSays[1]).toContain("acme/widget has 4 contributors, and @dave is contributor #\u200B4.");
    expect(daveSays[1]).toContain("<!-- steward:welcome.milestone:contributors-4 -->");
    expect((await listCrossings(e2e.db, e2e.target.repositoryId, "contributors")).map((c) => [c.threshold, c.login, c.itemNumber])).toEqual([
      [2, "second", null],
      [4, "dave", dave.number],
    ]);
  });

  it("decides firsts from the ledger, not the API: an earlier issue known only from the backfill counts", async () => {
    const repositoryId = e2e.target.repositoryId;
    // erin's earlier issue #1 is known only from the backfill: the sandbox has no such issue of hers.
    e2e.sandbox.model.addIssue("acme/widget", { user: "someone-else" });
    e2e.db
      .insert(events)
      .values({
        repositoryId,
        naturalKey: "issue:1:opened",
        kind: "issues.opened",
        actorLogin: "erin",
        actorType: "User",
        itemNumber: 1,
        isPull: false,
        occurredAt: new Date("2025-06-01T00:00:00Z"),
      })
      .run();
    const erinIssue = openIssue(e2e, "erin", "NONE", "2026-03-02T10:00:00Z");
    const finnIssue = openIssue(e2e, "finn", "NONE", "2026-03-02T11:00:00Z");
    e2e.sandbox.resetRequests();
    await e2e.deliver("issues", erinIssue.payload);
    await e2e.deliver("issues", finnIssue.payload);
    expect(stewardComments(e2e, erinIssue.number)).toEqual([]);
    expect(stewardComments(e2e, finnIssue.number)).toHaveLength(1);
    expect(e2e.sandbox.requestsMatching("GET", "/repos/{owner}/{repo}/issues")).toEqual([]);
  });
});
