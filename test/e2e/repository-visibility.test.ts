import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { makeDigest } from "../../src/digest/run-digests.js";
import { createActivity, createInstallationActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { listBackfillProgress } from "../../src/store/backfill-state.js";
import { findRepository, repositoryById } from "../../src/store/installations.js";
import { events, sideEffects } from "../../src/store/schema.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const REPO = "octo/vault";
const CONFIG = "welcome:\n  enabled: false\nresponse:\n  enabled: false\ndigest:\n  showConversionNames: true\n";
/** Monday 09:05 UTC of ISO week `w` of 2026 + 1: when the digest of week `w` is due. */
const dueAfter = (week: number) => new Date(Date.UTC(2026, 10, 30 + (week - 48) * 7, 9, 5));
/** Tuesday 10:00 UTC of ISO week `w` of 2026. */
const during = (week: number) => new Date(Date.UTC(2026, 10, 24 + (week - 48) * 7, 10, 0));

/**
 * What a digest says of leads: its conversion section, and any company anywhere. (The lead may
 * appear elsewhere as the author of a public issue waiting for an answer: that names no lead.)
 */
function leadNames(body: string): string[] {
  const conversion = body.slice(body.indexOf("## Conversion")).split(/\n## /)[0] ?? "";
  return ["buyer-bo", "Initech"].filter((name) => conversion.includes(name) || (name === "Initech" && body.includes(name)));
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Visibility is a fact kept current: a private repository's digest names its leads (opted in);
 * made public, by a webhook or behind Steward's back, its digests name no lead and no company.
 * Renamed or transferred, it keeps its history, which is keyed by GitHub's repository id.
 */
describe("repository events and the digest's visibility read, end to end", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = during(48);
  let id = 0;
  const stored = async (): Promise<RepositoryRecord> => (await repositoryById(e2e.db, id))!;
  const digestOf = async (week: number) => {
    clock = dueAfter(week);
    return makeDigest(e2e.server.jobs, await stored(), { dryRun: false });
  };
  // Each week the lead asks again, so a private repository's digest would list them.
  const leadAsks = async (week: number, repo = REPO) => {
    clock = during(week);
    await activity.comment(repo, 1, { user: "buyer-bo", body: `Week ${week}: still need SAML and SSO.`, at: clock });
  };
  const issuePosts = (repo = REPO) => e2e.sandbox.requestsMatching("POST", `/repos/${repo}/issues`).length;
  const digestClaims = (week: string) =>
    e2e.db
      .select({ n: count() })
      .from(sideEffects)
      .where(and(eq(sideEffects.kind, "digest"), eq(sideEffects.period, week)))
      .get()?.n;

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    const model = e2e.sandbox.model;
    model.addUser({ login: "octo", type: "Organization" });
    model.addUser({ login: "buyer-bo", company: "Initech" });
    model.addRepository({ fullName: REPO, ownerType: "Organization", private: true });
    model.setFile(REPO, ".github/steward.yml", CONFIG);
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    await createInstallationActivity(e2e.sandbox, sender).install("octo", { repositories: [REPO] });
    await until(async () => (await findRepository(e2e.db, REPO)) !== undefined, "the installation");
    id = (await findRepository(e2e.db, REPO))!.id;
    await until(async () => (await listBackfillProgress(e2e.db, id)).every((p) => p.status === "done"), "the backfill");
    await activity.openIssue(REPO, { user: "buyer-bo", title: "Enterprise plan", body: "We need SSO for 4,000 engineers.", at: clock });
    const pr = await activity.openPullRequest(REPO, { user: "dev-dee", title: "Fix the docs", at: clock });
    await activity.mergePullRequest(REPO, pr.record.number, { by: "octo", at: clock });
  });
  afterAll(() => e2e?.close());

  it("names the lead and their company in a private repository's digest that opted in", async () => {
    expect((await stored()).private).toBe(true);
    const run = await digestOf(48);
    expect(run.published?.status).toBe("created");
    expect(leadNames(run.body)).toEqual(["buyer-bo", "Initech"]);
  });

  it("publicized: the stored flag follows, and the next digest names no lead and no company", async () => {
    await activity.publicize(REPO);
    expect((await stored()).private).toBe(false);
    await leadAsks(49);
    const run = await digestOf(49);
    expect(run.published?.status).toBe("created");
    expect(run.body).toContain("New enterprise leads this week");
    expect(leadNames(run.body)).toEqual([]);
    expect(leadNames(e2e.sandbox.model.getIssue(REPO, run.published!.issueNumber!)!.body ?? "")).toEqual([]);
  });

  it("made public with the webhook lost: the read at publish time prevents the leak and stores the truth; a dry run writes nothing", async () => {
    await activity.privatize(REPO);
    expect((await stored()).private).toBe(true);
    // Public again, but GitHub's webhook never arrives.
    e2e.sandbox.model.setRepositoryVisibility(REPO, false);
    await leadAsks(50);
    clock = dueAfter(50);
    const io = captureIo(e2e.processEnv);
    expect(await runCli(["digest", "--repo", REPO, "--now", clock.toISOString(), "--dry-run"], io)).toBe(0);
    expect(io.stdout).toContain("New enterprise leads this week");
    expect(leadNames(io.stdout)).toEqual([]);
    expect((await stored()).private).toBe(true);

    const run = await digestOf(50);
    expect(run.published?.status).toBe("created");
    expect(leadNames(run.body)).toEqual([]);
    expect((await stored()).private).toBe(false);
    expect(e2e.logLines.some((line) => line.includes(`${REPO}: GitHub says it is public now; stored`))).toBe(true);
  });

  it("a visibility read that fails defers the digest: nothing claimed, nothing opened, and the next run opens it", async () => {
    await activity.privatize(REPO);
    await leadAsks(51);
    const posts = issuePosts();
    e2e.sandbox.failNext({ method: "GET", path: `/repos/${REPO}`, status: 502 });
    const deferred = await digestOf(51);
    expect(deferred.published).toMatchObject({ status: "failed", issueNumber: null });
    expect(deferred.published?.error).toMatch(/could not read whether octo\/vault is public \(HTTP 502\)/);
    expect(leadNames(deferred.body)).toEqual([]);
    expect(issuePosts()).toBe(posts);
    expect(digestClaims("2026-W51")).toBe(0);

    const next = await digestOf(51);
    expect(next.published?.status).toBe("created");
    // Private again, by webhook and on GitHub: the names are back where they may be.
    expect(leadNames(next.body)).toEqual(["buyer-bo", "Initech"]);
  });

  it("archived: no digest is tried (GitHub would refuse it) until it is unarchived", async () => {
    await activity.archive(REPO);
    const posts = issuePosts();
    const skipped = await digestOf(52);
    expect(skipped.published).toMatchObject({ status: "skipped", issueNumber: null });
    const io = captureIo(e2e.processEnv);
    expect(await runCli(["digest", "--repo", REPO, "--now", clock.toISOString()], io)).toBe(1);
    expect(io.stderr).toMatch(/2026-W52 not opened: octo\/vault is archived/);
    expect(issuePosts()).toBe(posts);
    expect(digestClaims("2026-W52")).toBe(0);

    await activity.unarchive(REPO);
    expect((await digestOf(52)).published?.status).toBe("created");
  });

  it("renamed: the history stays with the repository, which the CLI finds by its new name", async () => {
    const report = async (repo: string) => {
      const io = captureIo(e2e.processEnv);
      const code = await runCli(["report", "--repo", repo, "--now", clock.toISOString(), "--json"], io);
      return { code, json: code === 0 ? JSON.parse(io.stdout) : null, stderr: io.stderr };
    };
    const before = await report(REPO);
    expect(before.json.contributors).toMatchObject({ status: "ok", current: { total: 1 } });

    await activity.rename(REPO, "strongbox");
    const renamed = "octo/strongbox";
    expect(await findRepository(e2e.db, renamed)).toMatchObject({ id, owner: "octo", name: "strongbox" });
    const after = await report(renamed);
    expect(after.code).toBe(0);
    expect(after.json.ledger).toEqual(before.json.ledger);
    expect(after.json.contributors).toEqual(before.json.contributors);
    expect(after.json.conversion.current.leadsTotal).toBe(before.json.conversion.current.leadsTotal);
    expect((await report(REPO)).code).toBe(1);

    // New facts join the same history, and the digest is opened under the new name.
    await leadAsks(53, renamed);
    expect(e2e.db.select({ n: count() }).from(events).where(eq(events.repositoryId, id)).get()?.n).toBe(before.json.ledger.events + 1);
    const run = await digestOf(53);
    expect(run).toMatchObject({ repository: renamed, published: { status: "created" } });
    expect(leadNames(run.body)).toEqual(["buyer-bo", "Initech"]);
    expect(issuePosts(renamed)).toBe(1);
  });

  it("transferred: the new owner's name, the same id and history; deleted: forgotten", async () => {
    const eventsBefore = e2e.db.select({ n: count() }).from(events).where(eq(events.repositoryId, id)).get()?.n;
    await activity.transfer("octo/strongbox", "acme");
    expect(await findRepository(e2e.db, "acme/strongbox")).toMatchObject({ id, owner: "acme", installationId: 77 });
    expect(e2e.db.select({ n: count() }).from(events).where(eq(events.repositoryId, id)).get()?.n).toBe(eventsBefore);

    await activity.deleteRepository("acme/strongbox");
    expect(await repositoryById(e2e.db, id)).toBeUndefined();
    expect(e2e.db.select({ n: count() }).from(events).where(eq(events.repositoryId, id)).get()?.n).toBe(0);
  });
});
