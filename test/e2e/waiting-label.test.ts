import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { runSweep } from "../../src/sla/run-sweep.js";
import { sideEffects } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sandboxJobDeps, sweepTheRepository } from "../helpers/sandbox-job-deps.js";

/**
 * Issue 14, defect 5: the author's reply lifts the waiting-for-author pause, and Steward takes the
 * label off (once per reply) unless `response.removeWaitingLabelOnReply: false`.
 */
const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";
const WAITING = "waiting-for-author";
const hoursAfter = (hours: number) => new Date(OPENED.getTime() + hours * H);

describe("the waiting-for-author label, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  const deps = (): JobDeps => sandboxJobDeps(e2e, () => clock);
  const sweep = async (hours: number) => {
    clock = hoursAfter(hours);
    return sweepTheRepository(e2e, clock);
  };
  const labels = (number: number) => e2e.sandbox.model.issueLabels(REPO, number).map((l) => l.name);
  const removals = (number: number) =>
    e2e.db
      .select()
      .from(sideEffects)
      .where(and(eq(sideEffects.kind, "response.waiting-label-removed"), eq(sideEffects.subject, `#${number}`)))
      .all();
  const deleteLabelRequests = () => e2e.sandbox.requestsMatching("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}");

  beforeAll(async () => {
    // The server's config cache follows the test clock, so a changed steward.yml is read once hours pass.
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: [mia]\n");
  });
  afterAll(() => e2e.close());

  it("takes the label off when the author replies, once, and the clock runs again from the reply", async () => {
    clock = OPENED;
    const { record: issue } = await activity.openIssue(REPO, { user: "carol", title: "Crash on save", at: OPENED });
    clock = hoursAfter(2);
    await activity.addLabel(REPO, issue.number, WAITING, { by: "mia", at: hoursAfter(2) });
    const paused = (await sweep(100)).repositories[0]!;
    expect(paused.sent).toEqual([]);
    // Paused for its author, it waits for no maintainer: the sweep does not count it as waiting.
    expect(paused.waiting).toBe(0);

    clock = hoursAfter(110);
    await activity.comment(REPO, issue.number, { user: "carol", body: "Here are the logs you asked for.", at: hoursAfter(110) });
    expect(labels(issue.number)).toEqual([]);
    expect(removals(issue.number)).toMatchObject([{ state: "done", period: hoursAfter(110).toISOString() }]);

    // On the clock 0-2 h and from 110 h: at risk (18 h) at 126 h.
    expect((await sweep(125)).repositories[0]!.sent).toEqual([]);
    expect((await sweep(126)).repositories[0]!.sent.map((a) => a.action)).toEqual(["at-risk"]);
    expect(deleteLabelRequests()).toHaveLength(1);
  });

  it("finishes a removal that failed on the webhook in the next sweep, and only once", async () => {
    clock = hoursAfter(200);
    const { record: issue } = await activity.openIssue(REPO, { user: "dave", title: "Docs typo", at: hoursAfter(200) });
    await activity.addLabel(REPO, issue.number, WAITING, { by: "mia", at: hoursAfter(201) });
    e2e.sandbox.failNext({ method: "DELETE", path: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", status: 502 });
    clock = hoursAfter(205);
    await activity.comment(REPO, issue.number, { user: "dave", body: "Fixed the link, see above.", at: hoursAfter(205) });
    expect(labels(issue.number)).toEqual([WAITING]);

    const swept = await sweep(206);
    expect(swept.repositories[0]!.sent.filter((a) => a.number === issue.number)).toMatchObject([{ action: "waiting-label-removed" }]);
    expect(labels(issue.number)).toEqual([]);
    const before = deleteLabelRequests().length;
    await sweep(207);
    expect(deleteLabelRequests()).toHaveLength(before);
  });

  it("leaves the label on with removeWaitingLabelOnReply: false, and still runs the clock from the reply", async () => {
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: [mia]\n  removeWaitingLabelOnReply: false\n");
    clock = hoursAfter(300);
    const { record: issue } = await activity.openIssue(REPO, { user: "erin", title: "Slow start", at: hoursAfter(300) });
    await activity.addLabel(REPO, issue.number, WAITING, { by: "triage[bot]", at: hoursAfter(300) });
    clock = hoursAfter(310);
    await activity.comment(REPO, issue.number, { user: "erin", body: "Done, thanks.", at: hoursAfter(310) });
    expect(labels(issue.number)).toEqual([WAITING]);
    const dry = await runSweep({ ...deps(), now: () => hoursAfter(329) }, { dryRun: true });
    expect(dry.repositories[0]!.wouldSend.filter((a) => a.number === issue.number)).toMatchObject([{ action: "at-risk" }]);
    await sweep(329);
    expect(labels(issue.number)).toEqual([WAITING]);
    expect(removals(issue.number)).toEqual([]);
  });
});
