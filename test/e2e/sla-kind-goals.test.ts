import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sweepTheRepository } from "../helpers/sandbox-job-deps.js";

/** Issue 14: a pull request with its own 4 h goal is reminded and labelled by it; an issue keeps the 24 h goal. */
const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";

describe("goals per kind, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  const sweep = async (hours: number) => {
    clock = new Date(OPENED.getTime() + hours * H);
    return sweepTheRepository(e2e, clock);
  };
  const reminders = (number: number) =>
    e2e.sandbox.model.listComments(REPO, number).filter((c) => c.user === e2e.sandbox.app.botLogin && c.body.includes("steward:response."));
  const labels = (number: number) => e2e.sandbox.model.issueLabels(REPO, number).map((l) => l.name);

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: [mia]\n  pullRequests:\n    goalHours: 4\n");
  });
  afterAll(() => e2e.close());

  it("reminds and labels the pull request at its 4 h goal while the issue opened with it waits for its 24 h", async () => {
    const { record: issue } = await activity.openIssue(REPO, { user: "carol", title: "A question", at: OPENED });
    const { record: pull } = await activity.openPullRequest(REPO, { user: "dave", title: "A fix", at: OPENED });

    const early = await sweep(3.25);
    expect(early.repositories[0]!.sent.map((a) => [a.action, a.number])).toEqual([["at-risk", pull.number]]);
    expect(reminders(pull.number)[0]!.body).toContain(
      "this pull request by @\u200Bdave has waited 3 hours for a first response. The goal is 4 hours.",
    );

    const late = await sweep(4.5);
    expect(late.repositories[0]!.sent.map((a) => [a.action, a.number])).toEqual([
      ["breached", pull.number],
      ["label-added", pull.number],
    ]);
    expect(reminders(pull.number)[1]!.body).toContain("past the goal of 4 hours");
    expect(labels(pull.number)).toEqual(["needs-response"]);
    expect(reminders(issue.number)).toEqual([]);
    expect(labels(issue.number)).toEqual([]);

    await sweep(19);
    const issueReminders = reminders(issue.number);
    expect(issueReminders).toHaveLength(1);
    expect(issueReminders[0]!.body).toContain("this issue by @\u200Bcarol has waited 19 hours for a first response. The goal is 24 hours.");
    expect(reminders(pull.number)).toHaveLength(2);
  });
});
