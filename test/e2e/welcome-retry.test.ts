import { stewardOctokit } from "../../src/github/steward-octokit.js";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { numberAllContributors, recordContribution } from "../../src/store/contributors.js";
import { backfillState, sideEffects } from "../../src/store/schema.js";
import { retryUnfinishedWelcomes } from "../../src/welcome/retry-unfinished-welcomes.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { hiddenMarker } from "../../src/text/index.js";
import { mergePull, openIssue, openPull, subjectOf } from "../welcome/welcome-payloads.js";

const COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
const MINUTE = 60_000;

const stewardComments = (e2e: E2E, number: number) =>
  e2e.sandbox.model
    .listComments("acme/widget", number)
    .filter((c) => c.user === "steward[bot]")
    .map((c) => c.body);

const claimOf = (e2e: E2E, kind: string, subject: string) =>
  e2e.db
    .select()
    .from(sideEffects)
    .where(and(eq(sideEffects.kind, kind), eq(sideEffects.subject, subject)))
    .get();

describe("retrying welcomes whose POST failed or was interrupted", () => {
  let e2e: E2E;
  let clock: Date;
  /** The slots the retry's client asked the pacer for, one per content-creating request it sent. */
  let paced: number[];
  let deps: JobDeps;

  beforeEach(async () => {
    clock = new Date("2026-03-02T12:00:00Z");
    e2e = await startE2E({ now: () => clock });
    paced = [];
    // The production client class (github/steward-octokit.ts) with a pacer that only records.
    const Paced = stewardOctokit({ acquire: async (id) => (paced.push(id), () => {}) });
    const baseUrl = `${e2e.sandbox.address()!.url}/api/v3`;
    deps = {
      ...e2e.server.jobs,
      github: async (installationId) =>
        new Paced({
          auth: { token: e2e.sandbox.createInstallationToken(installationId) },
          baseUrl,
          log: e2e.server.jobs.log,
          throttle: { id: String(installationId) },
        }),
    };
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("posts exactly one welcome when the first attempt failed before creating the comment", async () => {
    const issue = openIssue(e2e, "alice", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502 });
    expect((await e2e.deliver("issues", issue.payload)).status).toBe(200);
    expect(stewardComments(e2e, issue.number)).toEqual([]);
    expect(claimOf(e2e, "welcome.first-issue", subjectOf("alice"))).toMatchObject({
      state: "claimed",
      lastError: expect.stringContaining("HTTP 502"),
    });

    const report = await retryUnfinishedWelcomes(deps, {});
    expect(report.retries).toEqual([
      { repository: "acme/widget", kind: "welcome.first-issue", subject: subjectOf("alice"), issueNumber: issue.number, outcome: "posted" },
    ]);
    const posted = stewardComments(e2e, issue.number);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Welcome to acme/widget, @alice, and thank you for opening your first issue here!");
    expect(posted[0]).toContain(hiddenMarker("welcome.first-issue", subjectOf("alice")));
    expect(paced).toEqual([e2e.target.installationId]);
    expect(claimOf(e2e, "welcome.first-issue", subjectOf("alice"))).toMatchObject({ state: "done", attempts: 2, lastError: null });
  });

  it("finds the comment a failed POST did create and posts nothing more", async () => {
    const pr = openPull(e2e, "bob", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502, afterSideEffect: true });
    await e2e.deliver("pull_request", pr.payload);
    expect(stewardComments(e2e, pr.number)).toHaveLength(1);
    expect(claimOf(e2e, "welcome.first-pr", subjectOf("bob"))?.state).toBe("claimed");

    const report = await retryUnfinishedWelcomes(deps, {});
    expect(report.retries.map((r) => [r.kind, r.outcome])).toEqual([["welcome.first-pr", "found"]]);
    expect(stewardComments(e2e, pr.number)).toHaveLength(1);
    expect(paced).toEqual([]);
    const done = claimOf(e2e, "welcome.first-pr", subjectOf("bob"));
    expect(done?.state).toBe("done");
    expect(done?.result).toMatchObject({ commentId: expect.any(Number) });
  });

  it("finds a welcome posted under the author's login before claims were keyed by account id (migration 0008)", async () => {
    const pr = openPull(e2e, "ivy", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502 });
    await e2e.deliver("pull_request", pr.payload);
    // What an attempt interrupted before the upgrade had posted: the marker names the login.
    e2e.sandbox.model.addComment("acme/widget", pr.number, { user: "steward[bot]", body: `Welcome!\n\n${hiddenMarker("welcome.first-pr", "ivy")}` });

    const report = await retryUnfinishedWelcomes(deps, {});
    expect(report.retries.map((r) => [r.subject, r.outcome])).toEqual([[subjectOf("ivy"), "found"]]);
    expect(stewardComments(e2e, pr.number)).toHaveLength(1);
    expect(paced).toEqual([]);
  });

  it("doubles nothing when run twice, also at the same moment", async () => {
    const issue = openIssue(e2e, "cleo", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 503 });
    await e2e.deliver("issues", issue.payload);

    const [first, second] = await Promise.all([retryUnfinishedWelcomes(deps, {}), retryUnfinishedWelcomes(deps, {})]);
    const outcomes = [...first.retries, ...second.retries].map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "posted")).toHaveLength(1);
    expect(outcomes.every((o) => o === "posted" || o === "busy" || o === "already-done")).toBe(true);
    expect((await retryUnfinishedWelcomes(deps, {})).retries).toEqual([]);
    // The webhook arriving again (a new delivery id) does not add one either.
    await e2e.deliver("issues", issue.payload);
    expect(stewardComments(e2e, issue.number)).toHaveLength(1);
  });

  it("keeps a welcome that fails again for the next run, and takes over a crashed attempt only after its lease", async () => {
    const issue = openIssue(e2e, "dana", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502, times: 2 });
    await e2e.deliver("issues", issue.payload);
    expect((await retryUnfinishedWelcomes(deps, {})).retries.map((r) => r.outcome)).toEqual(["failed"]);
    expect(claimOf(e2e, "welcome.first-issue", subjectOf("dana"))).toMatchObject({ state: "claimed", attempts: 2 });

    // A crash mid-way: the claim is held with a live lease, as by a process that died just now.
    e2e.db
      .update(sideEffects)
      .set({ claimedAt: clock })
      .where(eq(sideEffects.subject, subjectOf("dana")))
      .run();
    expect((await retryUnfinishedWelcomes(deps, {})).retries).toEqual([]);
    clock = new Date(clock.getTime() + 6 * MINUTE);
    expect((await retryUnfinishedWelcomes(deps, {})).retries.map((r) => r.outcome)).toEqual(["posted"]);
    expect(stewardComments(e2e, issue.number)).toHaveLength(1);
  });

  it("closes a welcome switched off meanwhile for good, without posting", async () => {
    const issue = openIssue(e2e, "erin", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502 });
    await e2e.deliver("issues", issue.payload);
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "welcome:\n  enabled: false\n");
    // The push that changed the file makes the cache forget it (src/index.ts), so the change is read.
    deps.configs.invalidate(e2e.target.repositoryId);
    clock = new Date(clock.getTime() + 15 * MINUTE);

    const report = await retryUnfinishedWelcomes(deps, {});
    expect(report.retries.map((r) => [r.outcome, r.detail])).toEqual([["closed", "disabled"]]);
    expect(e2e.sandbox.model.listRepoComments("acme/widget")).toEqual([]);
    expect(paced).toEqual([]);
    expect(claimOf(e2e, "welcome.first-issue", subjectOf("erin"))).toMatchObject({ state: "done", result: { skipped: "disabled" } });
    expect((await retryUnfinishedWelcomes(deps, {})).retries).toEqual([]);
  });

  it("closes a welcome whose issue was deleted, and one whose author became a maintainer", async () => {
    const gone = openIssue(e2e, "fay", "NONE", "2026-03-02T10:00:00Z");
    const promoted = openPull(e2e, "gus", "NONE", "2026-03-02T10:30:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502, times: 2 });
    await e2e.deliver("issues", gone.payload);
    await e2e.deliver("pull_request", promoted.payload);

    const deleted = examplePayload("issues", "deleted");
    deleted.issue = gone.payload.issue;
    await e2e.deliver("issues", forRepository(deleted, e2e.target));
    // gus is now a member: a later delivery about his pull request says so.
    const labeled = examplePayload("pull_request", "labeled");
    labeled.pull_request = { ...(promoted.payload.pull_request as object), author_association: "MEMBER", updated_at: "2026-03-02T11:00:00Z" };
    labeled.number = promoted.number;
    await e2e.deliver("pull_request", forRepository(labeled, e2e.target));

    const report = await retryUnfinishedWelcomes(deps, {});
    expect(report.retries.map((r) => [r.subject, r.outcome, r.detail])).toEqual([
      [subjectOf("fay"), "closed", "item-gone"],
      [subjectOf("gus"), "closed", "maintainer"],
    ]);
    expect(e2e.sandbox.model.listRepoComments("acme/widget")).toEqual([]);
  });

  it("rebuilds a first-merge congratulation with the contributor's number, and a milestone announcement", async () => {
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "welcome:\n  announceMilestones: true\nmilestones:\n  contributors: [2]\n");
    const repositoryId = e2e.target.repositoryId;
    const at = new Date("2026-03-01T00:00:00Z");
    await recordContribution(e2e.db, {
      repositoryId,
      login: "pioneer",
      userId: null,
      at: new Date("2025-01-01T00:00:00Z"),
      pullNumber: null,
      source: "backfill",
    });
    await numberAllContributors(e2e.db, repositoryId);
    e2e.db.insert(backfillState).values({ repositoryId, kind: "contributors", status: "done", updatedAt: at, finishedAt: at }).run();

    const pr = openPull(e2e, "hana", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T10:00:00Z");
    await e2e.deliver("pull_request", pr.payload);
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 500, times: 2 });
    await e2e.deliver("pull_request", mergePull(e2e, pr, "2026-03-02T11:00:00Z"));
    expect(stewardComments(e2e, pr.number)).toHaveLength(1);

    const report = await retryUnfinishedWelcomes(deps, { repository: { ...e2e.target, id: repositoryId, fullName: "acme/widget", private: false } });
    expect(report.retries.map((r) => [r.kind, r.subject, r.issueNumber, r.outcome])).toEqual([
      ["welcome.first-merge", subjectOf("hana"), pr.number, "posted"],
      ["welcome.milestone", "contributors-2", pr.number, "posted"],
    ]);
    const [, congratulation, milestone] = stewardComments(e2e, pr.number);
    expect(congratulation).toContain("You are the 2nd contributor to acme/widget: one of its founding contributors.");
    expect(milestone).toContain("acme/widget has 2 contributors, and @hana is contributor #\u200B2.");
    expect(stewardComments(e2e, pr.number)).toHaveLength(3);
  });
});
