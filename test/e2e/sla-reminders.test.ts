import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sweepCommand } from "../../src/cli/commands/sweep.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { runSweep } from "../../src/sla/run-sweep.js";
import { sideEffects } from "../../src/store/schema.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sandboxJobDeps, sweepTheRepository } from "../helpers/sandbox-job-deps.js";

const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";

describe("response reminders, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  const deps = (): JobDeps => sandboxJobDeps(e2e, () => clock);
  const sweep = async (hours: number) => {
    clock = new Date(OPENED.getTime() + hours * H);
    return sweepTheRepository(e2e, clock);
  };
  // Reminders only: other features (the welcome) may comment on the same items.
  const stewardComments = (number: number) =>
    e2e.sandbox.model.listComments(REPO, number).filter((c) => c.user === e2e.sandbox.app.botLogin && c.body.includes("steward:response."));
  const labels = (number: number) => e2e.sandbox.model.issueLabels(REPO, number).map((l) => l.name);

  beforeAll(async () => {
    e2e = await startE2E();
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: ['@acme/core', mia]\n");
  });
  afterAll(() => e2e.close());

  it("at 19 h sends the at-risk reminder once, however many sweeps run; at 25 h the breach comment and label", async () => {
    const { record: issue } = await activity.openIssue(REPO, { user: "carol", title: "Crash when @everyone saves <b>", at: OPENED });
    const quiet = await sweep(10);
    expect(quiet.repositories[0]).toMatchObject({ waiting: 1, sent: [], failed: [] });

    for (let i = 0; i < 3; i++) await sweep(19 + i * 0.25);
    const atRisk = stewardComments(issue.number);
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]!.body).toContain("@acme/core @mia this issue by @\u200Bcarol has waited 19 hours");
    expect(atRisk[0]!.body).toContain("<!-- steward:response.at-risk:");

    const dry = await runSweep({ ...deps(), now: () => new Date(OPENED.getTime() + 25 * H) }, { dryRun: true });
    // What the real sweep below sends: the breach comment and the label.
    expect(dry.repositories[0]!.wouldSend.map((a) => a.action)).toEqual(["breached", "label-added"]);
    expect(stewardComments(issue.number)).toHaveLength(1);

    const breach = await sweep(25);
    expect(breach.repositories[0]!.sent.map((a) => a.action)).toEqual(["breached", "label-added"]);
    await sweep(25.5);
    await sweep(40);
    const all = stewardComments(issue.number);
    expect(all).toHaveLength(2);
    expect(all[1]!.body).toContain("past the goal of 24 hours");
    expect(labels(issue.number)).toEqual(["needs-response"]);
  });

  it("a maintainer's comment by webhook removes the label at once, and nothing more is sent", async () => {
    const number = 1;
    await activity.comment(REPO, number, { user: "mia", body: "Looking into it", at: new Date(OPENED.getTime() + 41 * H) });
    expect(labels(number)).toEqual([]);
    for (const hours of [42, 60, 24 * 6]) await sweep(hours);
    expect(stewardComments(number)).toHaveLength(2);
  });

  it("a reminder whose POST failed after the comment was made is finished by the next sweep without a second comment", async () => {
    const { record: issue } = await activity.openIssue(REPO, { user: "dave", title: "Docs typo", at: new Date(OPENED.getTime() + 24 * 6 * H) });
    e2e.sandbox.resetRequests();
    e2e.sandbox.failNext({ method: "POST", path: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 502, afterSideEffect: true });
    const failed = await sweep(24 * 6 + 20);
    expect(failed.repositories[0]!.failed.map((a) => a.action)).toEqual(["at-risk"]);
    expect(stewardComments(issue.number)).toHaveLength(1);

    const rerun = await sweep(24 * 6 + 20.25);
    expect(rerun.repositories[0]!.sent).toMatchObject([{ action: "at-risk", number: issue.number }]);
    await sweep(24 * 6 + 21);
    expect(stewardComments(issue.number)).toHaveLength(1);
    expect(e2e.sandbox.requestsMatching("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(1);
    expect(e2e.sandbox.violations).toEqual([]);
  });

  it("follows up once when the author's reply waits a week for a maintainer", async () => {
    const number = 1;
    const replied = new Date(OPENED.getTime() + 50 * H);
    await activity.comment(REPO, number, { user: "carol", body: "Any news?", at: replied });
    await sweep(50 + 24 * 6);
    expect(stewardComments(number)).toHaveLength(2);
    await sweep(50 + 24 * 7);
    await sweep(50 + 24 * 8);
    const comments = stewardComments(number);
    expect(comments).toHaveLength(3);
    expect(comments[2]!.body).toContain("@\u200Bcarol replied here 7 days ago");
  });

  it("a sweep killed between posting and recording is finished by a later one, which finds the comment", async () => {
    const opened = new Date(OPENED.getTime() + 24 * 10 * H);
    const { record: issue } = await activity.openIssue(REPO, { user: "erin", title: "Killed mid-way", at: opened });
    await sweep(24 * 10 + 19);
    expect(stewardComments(issue.number)).toHaveLength(1);
    // As if the process died after GitHub took the comment and before the claim was marked done.
    e2e.db
      .update(sideEffects)
      .set({ state: "claimed", doneAt: null })
      .where(eq(sideEffects.subject, `#${issue.number}`))
      .run();
    const busy = await sweep(24 * 10 + 19.01);
    expect(busy.repositories[0]!.sent).toEqual([]);
    const resumed = await sweep(24 * 10 + 19.25);
    expect(resumed.repositories[0]!.sent).toMatchObject([{ action: "at-risk", number: issue.number }]);
    expect(stewardComments(issue.number)).toHaveLength(1);
  });

  it("steward sweep: a dry run lists what is due and writes nothing; bad flags are usage errors", async () => {
    const { record: issue } = await activity.openIssue(REPO, { user: "finn", title: "Dry", at: new Date(OPENED.getTime() + 24 * 20 * H) });
    const io = captureIo(e2e.processEnv);
    const now = new Date(OPENED.getTime() + (24 * 20 + 26) * H).toISOString();
    expect(await sweepCommand(["--repo", REPO, "--now", now, "--dry-run", "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { dryRun: boolean; repositories: Array<{ wouldSend: Array<{ action: string; number: number }> }> };
    expect(report.dryRun).toBe(true);
    expect(report.repositories[0]!.wouldSend).toContainEqual(expect.objectContaining({ action: "breached", number: issue.number }));
    expect(stewardComments(issue.number)).toHaveLength(0);

    const text = captureIo(e2e.processEnv);
    expect(await sweepCommand(["--now", now, "--dry-run"], text)).toBe(0);
    expect(text.stdout).toContain(`would send breached #${issue.number}`);
    // runCli turns a UsageError into exit code 2 with its one-line message.
    for (const argv of [["--now", "yesterday"], ["--repo", "nope"], ["--force"]]) {
      await expect(sweepCommand(argv, captureIo(e2e.processEnv))).rejects.toThrow(UsageError);
    }
    // A repository Steward does not serve is a failure (exit 1), not a usage mistake.
    await expect(sweepCommand(["--repo", "acme/unknown"], captureIo(e2e.processEnv))).rejects.toThrow(/holds no repository "acme\/unknown"/);
  });
});
