import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { listContributors } from "../../src/store/contributors.js";
import { listCrossings } from "../../src/store/milestone-crossings.js";
import { backfillState, sideEffects } from "../../src/store/schema.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const REPO = "acme/widget";
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 2, day, hour));

/**
 * Issue 14, defect 2: a renamed account is the same person. GitHub keeps the account id through a
 * rename and every later payload names the new login with it; Steward must not welcome, number or
 * count that person again.
 */
describe("a renamed account, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  const stewardComments = (number: number) =>
    e2e.sandbox.model
      .listComments(REPO, number)
      .filter((c) => c.user === e2e.sandbox.app.botLogin)
      .map((c) => c.body);

  beforeEach(async () => {
    e2e = await startE2E();
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "welcome:\n  announceMilestones: true\nmilestones:\n  contributors: [2]\n");
    // The history is known, as the backfill leaves it: the ledger decides every first.
    for (const kind of ["contributors", "issues", "pulls"]) {
      e2e.db
        .insert(backfillState)
        .values({ repositoryId: e2e.target.repositoryId, kind, status: "done", updatedAt: at(1), finishedAt: at(1) })
        .run();
    }
  });
  afterEach(() => e2e.close());

  it("welcomes once, numbers once, counts once, and names the person by the new login", async () => {
    const firstIssue = await activity.openIssue(REPO, { user: "alice", title: "A crash", at: at(2) });
    const firstPull = await activity.openPullRequest(REPO, { user: "alice", title: "A fix", at: at(3) });
    await activity.mergePullRequest(REPO, firstPull.record.number, { by: "acme", at: at(4) });
    expect(stewardComments(firstIssue.record.number)).toHaveLength(1);
    expect(stewardComments(firstPull.record.number)).toHaveLength(2);
    const id = e2e.sandbox.model.getUser("alice")!.id;

    // The account is renamed: same id, new login on everything GitHub sends from now on.
    e2e.sandbox.model.renameUser("alice", "alicia");
    const secondIssue = await activity.openIssue(REPO, { user: "alicia", title: "Another crash", at: at(5) });
    expect((JSON.parse(secondIssue.delivery.body) as { issue: { user: object } }).issue.user).toMatchObject({ login: "alicia", id });
    const secondPull = await activity.openPullRequest(REPO, { user: "alicia", title: "Another fix", at: at(6) });
    await activity.mergePullRequest(REPO, secondPull.record.number, { by: "acme", at: at(7) });

    expect(stewardComments(secondIssue.record.number)).toEqual([]);
    expect(stewardComments(secondPull.record.number)).toEqual([]);
    expect((await listContributors(e2e.db, e2e.target.repositoryId)).map((c) => [c.login, c.userId, c.number])).toEqual([["alicia", id, 1]]);
    // One contributor: the milestone of 2 is not reached by the same person merging again.
    expect(await listCrossings(e2e.db, e2e.target.repositoryId, "contributors")).toEqual([]);
    expect(
      e2e.db
        .select()
        .from(sideEffects)
        .all()
        .map((e) => [e.kind, e.subject])
        .sort(),
    ).toEqual([
      ["welcome.first-issue", `id:${id}`],
      ["welcome.first-merge", `id:${id}`],
      ["welcome.first-pr", `id:${id}`],
    ]);

    const io = captureIo(e2e.processEnv);
    expect(await runCli(["report", "--repo", REPO, "--now", at(8).toISOString()], io)).toBe(0);
    // The contributors' section; the open issues keep the author as their last delivery showed them.
    const from = io.stdout.indexOf("## New contributors");
    const section = io.stdout.slice(from, io.stdout.indexOf("\n## ", from + 1));
    expect(section).toContain("The project has 1 contributor.");
    expect(section).toContain(`- @\u200Balicia, contributor #1 (#${firstPull.record.number})`);
    expect(section).not.toContain("alice");
  });
});
