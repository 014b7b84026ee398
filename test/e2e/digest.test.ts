import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { makeDigest, runDueDigests } from "../../src/digest/run-digests.js";
import { runDailyMetrics } from "../../src/metrics/run-daily-metrics.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { findDigest } from "../../src/store/digests.js";
import { listRepositories } from "../../src/store/installations.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const REPO = "acme/widget";
const MONDAY_W49 = new Date("2026-11-30T09:00:00Z");

describe("the weekly digest, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = new Date("2026-11-23T00:00:00Z");
  let repository: RepositoryRecord;
  const digestIssues = () => e2e.sandbox.model.listIssues(REPO).filter((i) => i.labels.includes("community-digest"));
  const issuePosts = () => e2e.sandbox.requestsMatching("POST", "/repos/acme/widget/issues").length;

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "welcome:\n  enabled: false\n");
    // The harness's repository is registered by its first delivery.
    await activity.star(REPO, "first-fan", clock);
    clock = new Date("2026-11-24T10:00:00Z");
    await activity.star(REPO, "fan-1", clock);
    await activity.openIssue(REPO, { user: "newbie", title: "Crash @everyone <b>", at: clock });
    [repository] = (await listRepositories(e2e.db)) as [RepositoryRecord];
  });
  afterAll(() => e2e.close());

  it("prints the markdown on a dry run and writes nothing", async () => {
    // The harness's installation lacks Administration (read): the daily job notes traffic as refused.
    await runDailyMetrics(e2e.server.jobs, {});
    const io = captureIo(e2e.processEnv);
    expect(await runCli(["digest", "--repo", REPO, "--now", MONDAY_W49.toISOString(), "--dry-run"], io)).toBe(0);
    expect(io.stdout).toContain("# Community digest: 2026-W48 (Nov 23 - Nov 29)");
    expect(io.stdout).toContain("| Stars | 2 |");
    expect(io.stdout).toContain("Crash @​everyone &lt;b&gt;");
    expect(io.stdout).toMatch(/## Problems\n\n- Traffic \(visitors and clones\) is not shown: .*Administration \(read\)/);
    expect(issuePosts()).toBe(0);
    expect(await findDigest(e2e.db, repository.id, "2026-W48")).toBeUndefined();
  });

  it("opens one digest per week, however often and concurrently the scheduler ticks", async () => {
    clock = new Date(MONDAY_W49.getTime() + 5 * 60_000);
    await Promise.all([runDueDigests(e2e.server.jobs), runDueDigests(e2e.server.jobs)]);
    await runDueDigests(e2e.server.jobs);
    const io = captureIo(e2e.processEnv);
    expect(await runCli(["digest", "--repo", REPO, "--now", clock.toISOString()], io)).toBe(0);
    expect(io.stdout).toMatch(/digest 2026-W48 already open as #\d+/);
    const issues = digestIssues();
    expect(issues.map((i) => i.title)).toEqual(["Community digest: 2026-W48 (Nov 23 - Nov 29)"]);
    expect(issues[0]!.user).toBe(e2e.sandbox.app.botLogin);
    expect(issuePosts()).toBe(1);
    expect((await findDigest(e2e.db, repository.id, "2026-W48"))?.issueNumber).toBe(issues[0]!.number);
  });

  it("after a crash half-way (the issue made, the answer lost), finds it by its marker instead of opening another", async () => {
    clock = new Date("2026-12-07T09:10:00Z");
    e2e.sandbox.failNext({ method: "POST", path: "/repos/acme/widget/issues", status: 502, afterSideEffect: true });
    const first = await makeDigest(e2e.server.jobs, repository, { dryRun: false });
    expect(first.published?.status).toBe("failed");
    expect(digestIssues()).toHaveLength(2);
    // A failed attempt releases its claim, so the next tick resumes it, looking on GitHub first.
    clock = new Date("2026-12-07T10:05:00Z");
    const second = await makeDigest(e2e.server.jobs, repository, { dryRun: false });
    expect(second.published?.status).toBe("found");
    const issues = digestIssues();
    expect(issues.map((i) => i.title)).toEqual(["Community digest: 2026-W48 (Nov 23 - Nov 29)", "Community digest: 2026-W49 (Nov 30 - Dec 6)"]);
    expect(issuePosts()).toBe(2);
  });

  it("closes the previous digest with a link to the new one, once", async () => {
    const [previous, latest] = digestIssues();
    expect(previous!.state).toBe("closed");
    expect(latest!.state).toBe("open");
    const links = e2e.sandbox.model.listComments(REPO, previous!.number).filter((c) => c.user === e2e.sandbox.app.botLogin);
    expect(links.map((c) => c.body.split("\n")[0])).toEqual([`This week's digest is #${latest!.number}; closing this one.`]);
    expect(latest!.body).toContain(`Previous digest: #${previous!.number} (2026-W48).`);
  });

  it("sends nothing for a repository that switched the digest off", async () => {
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "digest:\n  enabled: false\n");
    e2e.server.jobs.configs.invalidate(repository.id);
    clock = new Date("2026-12-14T09:30:00Z");
    expect(await runDueDigests(e2e.server.jobs)).toEqual([]);
    expect(digestIssues()).toHaveLength(2);
  });
});
