import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sweepTheRepository } from "../helpers/sandbox-job-deps.js";

/**
 * Issue 14: the response clock knows the author by account id. After a rename the author's facts
 * come under two logins, and the item's row carries whichever its last delivery showed.
 */
const H = 3_600_000;
const OPENED = new Date("2026-11-02T08:00:00Z");
const REPO = "acme/widget";
const WAITING = "waiting-for-author";
const DELETE_LABEL = "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}";
const hoursAfter = (hours: number) => new Date(OPENED.getTime() + hours * H);

describe("a renamed author on the response clock, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = OPENED;
  /** What one sweep at `hours` did, as `sent(number)`: the actions on that item. */
  const sweep = async (hours: number) => {
    clock = hoursAfter(hours);
    const report = await sweepTheRepository(e2e, clock);
    return (number: number) => report.repositories[0]!.sent.filter((action) => action.number === number).map((action) => action.action);
  };
  const labels = (number: number) => e2e.sandbox.model.issueLabels(REPO, number).map((l) => l.name);
  const stewardComments = (number: number) =>
    e2e.sandbox.model
      .listComments(REPO, number)
      .filter((c) => c.user === e2e.sandbox.app.botLogin)
      .map((c) => c.body);
  const open = async (user: string, title: string, hours: number) => {
    clock = hoursAfter(hours);
    return (await activity.openIssue(REPO, { user, title, at: hoursAfter(hours) })).record.number;
  };

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.addOrgMember("acme", "mia");
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "response:\n  notify: [mia]\n");
  });
  afterAll(() => e2e.close());

  it("lifts the waiting pause with the author's replies under either login", async () => {
    const before = await open("alice", "Crash on save", 0);
    const after = await open("alice", "Crash on load", 0);
    for (const number of [before, after]) await activity.addLabel(REPO, number, WAITING, { by: "mia", at: hoursAfter(2) });
    // A reply under the old login whose label removal fails on the webhook.
    e2e.sandbox.failNext({ method: "DELETE", path: DELETE_LABEL, status: 502 });
    clock = hoursAfter(5);
    await activity.comment(REPO, before, { user: "alice", body: "Logs attached.", at: hoursAfter(5) });
    expect(labels(before)).toEqual([WAITING]);

    e2e.sandbox.model.renameUser("alice", "alicia");
    // Someone else's comment: the item's row now names the author "alicia".
    clock = hoursAfter(6);
    await activity.comment(REPO, before, { user: "bob", body: "Same here.", at: hoursAfter(6) });
    // The reply under "alice" is still the author's: the sweep takes the label off.
    expect((await sweep(7))(before)).toEqual(["waiting-label-removed"]);
    expect(labels(before)).toEqual([]);

    // A reply under the new login lifts the pause at once.
    clock = hoursAfter(8);
    await activity.comment(REPO, after, { user: "alicia", body: "Tried it, see above.", at: hoursAfter(8) });
    expect(labels(after)).toEqual([]);
  });

  it("takes no close of the author's for a response, and names them by their newest login", async () => {
    const withdrawn = await open("erin", "Slow start", 100);
    const quiet = await open("erin", "Docs typo", 100);
    clock = hoursAfter(101);
    await activity.closeIssue(REPO, withdrawn, { by: "erin", at: hoursAfter(101) });
    e2e.sandbox.model.renameUser("erin", "erina");
    clock = hoursAfter(102);
    await activity.reopenIssue(REPO, withdrawn, { by: "erina", at: hoursAfter(102) });
    await activity.comment(REPO, withdrawn, { user: "erina", body: "Still slow, reopening.", at: hoursAfter(102) });
    // A fact under the new login; `quiet` is not delivered again and its row keeps "erin".
    await activity.star(REPO, "erina", hoursAfter(103));

    // Neither the close under "erin" nor the comment under "erina" answered it: both breach at 24 h.
    const sent = await sweep(125);
    expect(sent(withdrawn)).toEqual(["breached", "label-added"]);
    expect(sent(quiet)).toEqual(["breached", "label-added"]);
    expect(stewardComments(quiet).join("\n")).toContain("this issue by @\u200Berina has waited");
    expect(stewardComments(quiet).join("\n")).not.toContain("@\u200Berin ");

    const io = captureIo(e2e.processEnv);
    expect(await runCli(["report", "--repo", REPO, "--now", hoursAfter(126).toISOString()], io), io.stderr).toBe(0);
    expect(io.stdout).toContain(`| #${withdrawn} | Slow start | @\u200Berina |`);
    expect(io.stdout).toContain(`| #${quiet} | Docs typo | @\u200Berina |`);
    expect(io.stdout).not.toContain("@\u200Berin |");
  });
});
