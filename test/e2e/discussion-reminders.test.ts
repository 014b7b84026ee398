import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { runCli } from "../../src/cli/run-cli.js";
import { runSweep } from "../../src/sla/run-sweep.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sandboxJobDeps, sweepTheRepository } from "../helpers/sandbox-job-deps.js";

const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";

describe("discussion reminders, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  const deps = (): JobDeps => sandboxJobDeps(e2e, () => clock);
  const sweep = async (hours: number) => {
    clock = new Date(OPENED.getTime() + hours * H);
    return sweepTheRepository(e2e, clock);
  };
  // Reminders only: a first discussion also gets its welcome (test/e2e/discussion-welcome.test.ts).
  const stewardComments = (number: number) =>
    e2e.sandbox.model.discussions.comments(REPO, number).filter((c) => c.user === e2e.sandbox.app.botLogin && c.body.includes("steward:response."));

  beforeAll(async () => {
    e2e = await startE2E();
    // What app.yml asks for: the sandbox refuses addDiscussionComment without it.
    e2e.sandbox.model.getInstallation(77)!.permissions["discussions"] = "write";
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: [mia]\n");
  });
  afterAll(() => e2e.close());

  it("reminds on an unanswered Q&A discussion at risk and when breached, once each, and not on a General one", async () => {
    const { record: question } = await activity.openDiscussion(REPO, { user: "carol", title: "How do I configure it?", category: "Q&A", at: OPENED });
    const { record: chat } = await activity.openDiscussion(REPO, { user: "dave", title: "Hello all", category: "General", at: OPENED });
    // A community member's reply is no first response.
    await activity.commentOnDiscussion(REPO, question.number, { user: "dave", body: "Same question", at: new Date(OPENED.getTime() + H) });

    expect((await sweep(10)).repositories[0]).toMatchObject({ sent: [], failed: [] });
    for (let i = 0; i < 2; i++) {
      const at19 = await sweep(19 + i * 0.25);
      expect(at19.repositories[0]!.sent.map((a) => a.action)).toEqual(i === 0 ? ["at-risk"] : []);
    }
    const atRisk = stewardComments(question.number);
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]!.body).toContain("@mia this discussion by @\u200Bcarol has waited 19 hours");
    expect(atRisk[0]!.body).toContain(`<!-- steward:response.at-risk:${question.number} -->`);

    const dry = await runSweep({ ...deps(), now: () => new Date(OPENED.getTime() + 25 * H) }, { dryRun: true });
    expect(dry.repositories[0]!.wouldSend).toMatchObject([{ action: "breached", number: question.number }]);
    expect((await sweep(25)).repositories[0]!.sent).toMatchObject([{ action: "breached", number: question.number }]);
    await sweep(25.5);
    await sweep(40);
    const all = stewardComments(question.number);
    expect(all).toHaveLength(2);
    expect(all[1]!.body).toContain("past the goal of 24 hours");
    expect(stewardComments(chat.number)).toEqual([]);
    expect(e2e.sandbox.violations).toEqual([]);
  });

  it("sends nothing once a maintainer has commented, nor on an answered discussion", async () => {
    const opened = new Date(OPENED.getTime() + 50 * H);
    const { record: answered } = await activity.openDiscussion(REPO, { user: "erin", title: "Why?", category: "Q&A", at: opened });
    const { record: commented } = await activity.openDiscussion(REPO, { user: "finn", title: "Where?", category: "Q&A", at: opened });
    const { record: waiting } = await activity.openDiscussion(REPO, { user: "gus", title: "When?", category: "Q&A", at: opened });
    const { record: reply } = await activity.commentOnDiscussion(REPO, answered.number, {
      user: "dave",
      body: "Because",
      at: new Date(opened.getTime() + H),
    });
    await activity.markDiscussionAnswer(REPO, answered.number, reply.id, { by: "erin", at: new Date(opened.getTime() + 2 * H) });
    await activity.commentOnDiscussion(REPO, commented.number, { user: "mia", body: "Here", at: new Date(opened.getTime() + 3 * H) });
    for (const hours of [50 + 19, 50 + 30]) await sweep(hours);
    expect(stewardComments(answered.number)).toEqual([]);
    expect(stewardComments(commented.number)).toEqual([]);
    // The same sweeps did remind on the one nobody answered.
    expect(stewardComments(waiting.number).map((c) => c.body)).toEqual([
      expect.stringContaining("response.at-risk"),
      expect.stringContaining("response.breached"),
    ]);
  });

  it("finishes a reminder whose mutation failed after GitHub took it by finding its marker, without a second comment", async () => {
    const opened = new Date(OPENED.getTime() + 24 * 10 * H);
    const { record: discussion } = await activity.openDiscussion(REPO, { user: "hana", title: "Lost?", category: "Q&A", at: opened });
    e2e.sandbox.failNext({ method: "POST", path: "/graphql", status: 502, afterSideEffect: true });
    const failed = await sweep(24 * 10 + 19);
    expect(failed.repositories[0]!.failed).toMatchObject([{ action: "at-risk", number: discussion.number }]);
    expect(stewardComments(discussion.number)).toHaveLength(1);
    const rerun = await sweep(24 * 10 + 19.25);
    expect(rerun.repositories[0]!.sent).toMatchObject([{ action: "at-risk", number: discussion.number }]);
    await sweep(24 * 10 + 20);
    expect(stewardComments(discussion.number)).toHaveLength(1);
  });

  it("follows closes, reopens, unmarked answers, moves and deletions: reminds only what is open on the clock, and counts it waiting", async () => {
    const opened = new Date(OPENED.getTime() + 24 * 20 * H);
    const hour = (h: number) => new Date(opened.getTime() + h * H);
    const open = (user: string, title: string, category = "Q&A") => activity.openDiscussion(REPO, { user, title, category, at: opened });
    // The earlier tests' unanswered discussions still wait.
    const before = (await sweep(24 * 20)).repositories[0]!.waiting;
    const { record: closed } = await open("ivy", "Closed as outdated");
    const { record: reopened } = await open("jon", "Closed, then reopened");
    const { record: unmarked } = await open("kim", "Answer unmarked");
    const { record: movedOut } = await open("lea", "Moved to Ideas");
    const { record: movedIn } = await open("max", "Moved into Q&A", "General");
    // By someone welcomed before: a welcome would move its updated_at to the sandbox's real time.
    const { record: deleted } = await open("carol", "Deleted");
    await activity.closeDiscussion(REPO, closed.number, { by: "mia", reason: "outdated", at: hour(2) });
    await activity.closeDiscussion(REPO, reopened.number, { by: "jon", at: hour(2) });
    await activity.reopenDiscussion(REPO, reopened.number, { by: "jon", at: hour(3) });
    const { record: answer } = await activity.commentOnDiscussion(REPO, unmarked.number, { user: "kim", body: "Solved it myself", at: hour(1) });
    await activity.markDiscussionAnswer(REPO, unmarked.number, answer.id, { by: "kim", at: hour(2) });
    await activity.unmarkDiscussionAnswer(REPO, unmarked.number, { by: "kim", at: hour(4) });
    await activity.moveDiscussion(REPO, movedOut.number, { category: "Ideas", by: "mia", at: hour(2) });
    await activity.moveDiscussion(REPO, movedIn.number, { category: "Q&A", by: "mia", at: hour(2) });
    await activity.deleteDiscussion(REPO, deleted.number, { by: "mia" });

    const swept = await sweep(24 * 20 + 19);
    const reminded = swept.repositories[0]!.sent.filter((a) => a.action === "at-risk").map((a) => a.number);
    expect(reminded.sort((a, b) => a - b)).toEqual([reopened.number, unmarked.number, movedIn.number].sort((a, b) => a - b));
    expect(swept.repositories[0]!.waiting).toBe(before + 3);
    for (const quiet of [closed, movedOut]) expect(stewardComments(quiet.number)).toEqual([]);
  });

  it("follows up once on a community reply left waiting a week after the first response", async () => {
    const start = 24 * 30;
    const hour = (h: number) => new Date(OPENED.getTime() + (start + h) * H);
    const { record: question } = await activity.openDiscussion(REPO, { user: "carol", title: "Still broken?", category: "Q&A", at: hour(0) });
    await activity.commentOnDiscussion(REPO, question.number, { user: "mia", body: "Can you share the log?", at: hour(1) });
    await activity.commentOnDiscussion(REPO, question.number, { user: "carol", body: "Here it is.", at: hour(2) });
    // Only this discussion's: the earlier tests' open ones get their own reminders meanwhile.
    const sentHere = async (hours: number) => (await sweep(hours)).repositories[0]!.sent.filter((a) => a.number === question.number);
    expect(await sentHere(start + 2 + 24 * 6)).toEqual([]);
    expect(await sentHere(start + 2 + 24 * 7 + 1)).toMatchObject([{ action: "follow-up", number: question.number }]);
    await sweep(start + 2 + 24 * 7 + 2);
    const followUps = stewardComments(question.number).filter((c) => c.body.includes("steward:response.follow-up"));
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.body).toContain("@mia");
  });

  it("gives the answered discussion's time to answer in the response figures and in steward report", async () => {
    // Opened at 50 h, its answer chosen at 52 h (the test above); the report's week ends at 120 h.
    const now = new Date(OPENED.getTime() + 120 * H).toISOString();
    const json = captureIo({ DATABASE_URL: e2e.store.path });
    expect(await runCli(["report", "--repo", REPO, "--now", now, "--json"], json)).toBe(0);
    expect(JSON.parse(json.stdout).response.current.timeToAnswer).toEqual({ items: 1, medianMs: 2 * H, p90Ms: 2 * H, averageMs: 2 * H });
    const text = captureIo({ DATABASE_URL: e2e.store.path });
    expect(await runCli(["report", "--repo", REPO, "--now", now], text)).toBe(0);
    expect(text.stdout).toContain("- **Time to an accepted answer, discussions:** median 2h (1 answered this week)");
  });
});
