import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { latestDigestWeek } from "../../src/digest/digest-week.js";
import { makeDigest, runDueDigests } from "../../src/digest/run-digests.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { runDailyMetrics } from "../../src/metrics/run-daily-metrics.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { listRepositories } from "../../src/store/installations.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const REPO = "acme/widget";
/** The digest of 2026-W48 (Nov 23 - Nov 29) is published at T, five minutes after it is due. */
const T = new Date("2026-11-30T09:05:00Z");
/** Low thresholds, so that facts on either side of T cross them; a private repository shows revenue and leads. */
const STEWARD_YML = [
  "welcome:",
  "  enabled: false",
  "milestones:",
  "  stars: [2, 4, 100]",
  "  contributors: [1, 2, 10]",
  "  activeMembers: [2, 50]",
  "  mrr: [1000, 5000, 10000]",
  "digest:",
  "  showConversionNames: true",
  "",
].join("\n");

/**
 * One digest, one truth: a past digest made again from the store is the one that was published,
 * byte for byte, whatever was learnt since (docs/architecture.md, "One digest, one truth").
 */
describe("a past digest made again, end to end", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = new Date("2026-10-01T10:00:00Z");
  let repository: RepositoryRecord;
  let published = "";
  const at = (iso: string) => {
    clock = new Date(iso);
    return clock;
  };
  const cli = async (...argv: string[]) => {
    const io = captureIo(e2e.processEnv);
    const code = await runCli(argv, io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  };
  const digestIssue = (week: string) =>
    e2e.sandbox.model.listIssues(REPO).find((i) => i.labels.includes("community-digest") && i.title.includes(week));
  const regenerate = async (now: Date) => {
    const run = await cli("digest", "--repo", REPO, "--now", now.toISOString(), "--dry-run", "--json");
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { week: string; body: string; published: null };
  };

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", STEWARD_YML);
    e2e.sandbox.model.setRepositoryVisibility(REPO, true);
    e2e.sandbox.model.addCollaborator(REPO, "maya");
    [repository] = (await listRepositories(e2e.db)) as [RepositoryRecord];

    // Before T: a star long ago, an issue waiting since Nov 12, and the week's stars, questions, first merge and lead.
    await activity.star(REPO, "early-fan", at("2026-10-01T10:00:00Z"));
    await activity.openIssue(REPO, { user: "newbie", title: "Crash on start", at: at("2026-11-12T10:00:00Z") });
    await activity.star(REPO, "fan-1", at("2026-11-24T10:00:00Z"));
    const question = await activity.openIssue(REPO, { user: "asker", title: "How do I configure it?", at: at("2026-11-24T10:30:00Z") });
    await activity.comment(REPO, question.record.number, { user: "maya", body: "See the README.", at: at("2026-11-24T12:00:00Z") });
    const fix = await activity.openPullRequest(REPO, { user: "first-timer", title: "Fix typo", at: at("2026-11-24T14:00:00Z") });
    await activity.mergePullRequest(REPO, fix.record.number, { by: "maya", at: at("2026-11-25T10:00:00Z") });
    await activity.star(REPO, "fan-2", at("2026-11-25T11:00:00Z"));
    await activity.openIssue(REPO, { user: "buyer", title: "Teams", body: "Do you offer SSO for teams?", at: at("2026-11-25T11:30:00Z") });
    at("2026-11-26T10:00:00Z");
    const globex = ["--company", "Globex", "--plan", "enterprise", "--mrr", "1200", "--since", "2026-11-01", "--now", clock.toISOString()];
    expect((await cli("customers", "add", "--repo", REPO, ...globex)).code).toBe(0);
    at("2026-11-30T03:30:00Z");
    await runDailyMetrics(e2e.server.jobs, {});

    at(T.toISOString());
    const [run] = await runDueDigests(e2e.server.jobs);
    expect(run?.published?.status).toBe("created");
    published = digestIssue("2026-W48")?.body ?? "";
  });
  afterAll(() => e2e.close());

  it("publishes the week with what was known at T", () => {
    expect(published).toContain("| Stars | 3 | +2 |");
    expect(published).toContain("| Open community issues and PRs | 3 |");
    expect(published).toContain("- **Stars:** 3 / 4 `███████░░░` 75%");
    expect(published).toContain("- **MRR (USD):** 1,200 / 5,000");
    expect(published).toContain("- **Customers:** 1, MRR 1,200 USD");
    // newbie, asker, first-timer and buyer took part (maya is a maintainer); buyer is the lead.
    expect(published).toContain("| Enterprise leads | 1 | 25% as many as participants |");
    // Waiting at T: the crash since Nov 12 and the lead's question since Nov 25.
    expect(published).toContain("| #1 | Crash on start | @\u200Bnewbie | 17d 23h ⏰ |");
    expect(published).toContain("| #4 | Teams | @\u200Bbuyer | 4d 21h ⏰ |");
    expect(published).not.toContain("Previous digest");
  });

  it("makes the same body again from the store after stars, events, customers, milestones, leads, merges and digests came in", async () => {
    // After T: stars and a fork, an old stargazer back, a lead, a first merge, a close, all on Dec 1.
    await activity.star(REPO, "late-fan-1", at("2026-12-01T01:00:00Z"));
    await activity.star(REPO, "late-fan-2", at("2026-12-01T01:05:00Z"));
    await activity.fork(REPO, "forker", at("2026-12-01T01:10:00Z"));
    const crash = e2e.sandbox.model.listIssues(REPO).find((i) => i.title === "Crash on start")!.number;
    await activity.comment(REPO, crash, { user: "early-fan", body: "Still crashing here.", at: at("2026-12-01T01:15:00Z") });
    await activity.comment(REPO, crash, { user: "latecomer", body: "We would need SAML before we buy.", at: at("2026-12-01T01:20:00Z") });
    const second = await activity.openPullRequest(REPO, { user: "second-timer", title: "Docs", at: at("2026-12-01T01:30:00Z") });
    await activity.mergePullRequest(REPO, second.record.number, { by: "maya", at: at("2026-12-01T02:00:00Z") });
    const question = e2e.sandbox.model.listIssues(REPO).find((i) => i.title === "How do I configure it?")!.number;
    await activity.closeIssue(REPO, question, { by: "maya", at: at("2026-12-01T02:30:00Z") });
    // The response section's items moved on: a new community issue, the crash answered, the lead's question closed by its author.
    await activity.openIssue(REPO, { user: "newcomer", title: "Dark mode?", at: at("2026-12-01T02:40:00Z") });
    await activity.comment(REPO, crash, { user: "maya", body: "Fixed on main, thanks.", at: at("2026-12-01T02:45:00Z") });
    const teams = e2e.sandbox.model.listIssues(REPO).find((i) => i.title === "Teams")!.number;
    await activity.closeIssue(REPO, teams, { by: "buyer", at: at("2026-12-01T02:50:00Z") });
    // The daily job reads GitHub's totals again and records the stars and contributor milestones now reached.
    at("2026-12-01T03:30:00Z");
    await runDailyMetrics(e2e.server.jobs, {});
    // A customer entered on Dec 2 who pays since Nov 2: MRR 5,000 is recorded as crossed before T.
    at("2026-12-02T10:00:00Z");
    const initech = ["--company", "Initech", "--plan", "team", "--mrr", "5000", "--since", "2026-11-02", "--now", clock.toISOString()];
    expect((await cli("customers", "add", "--repo", REPO, ...initech)).code).toBe(0);
    // The week before T's digest, opened only on Dec 3; then the next week's digest, which closes T's.
    at("2026-12-03T10:00:00Z");
    const w47 = latestDigestWeek(new Date("2026-11-23T09:05:00Z"), { day: "monday", time: "09:00", timezone: "UTC" });
    expect((await makeDigest(e2e.server.jobs, repository, { dryRun: false, week: w47 })).published?.status).toBe("created");
    at("2026-12-07T09:05:00Z");
    expect((await runDueDigests(e2e.server.jobs)).map((r) => r.week)).toEqual(["2026-W49"]);
    expect(digestIssue("2026-W48")?.state).toBe("closed");

    const again = await regenerate(T);
    expect(again.week).toBe("2026-W48");
    expect(again.body).toBe(published);

    // The same week made at a later instant knows the later facts: the equality above is no accident.
    const later = (await regenerate(new Date("2026-12-07T08:00:00Z"))).body;
    expect(later).toContain("- **Customers:** 2, MRR 6,200 USD");
    expect(later).toContain(`Previous digest: #${digestIssue("2026-W47")!.number} (2026-W47).`);
    expect(later).toContain("- **Stars:** 3 / 100");
    expect(later).toContain("| Dark mode? | @\u200Bnewcomer |");
    expect(later).not.toContain("| Crash on start |");
    expect(later).not.toContain("| Teams |");
  });
});
