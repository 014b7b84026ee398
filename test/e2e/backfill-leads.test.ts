import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import {
  createActivity,
  createInstallationActivity,
  createWebhookSender,
  issueCommentWebhook,
  urlsOf,
  type CommentRecord,
} from "../../src/sandbox/index.js";
import { listBackfillProgress } from "../../src/store/backfill-state.js";
import { findRepository } from "../../src/store/installations.js";
import { listLeads } from "../../src/store/leads.js";
import { leadSignals } from "../../src/store/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const REPO = "octo/shop";
const now = new Date("2026-11-30T06:00:00Z");
const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
const FILLER = 150;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A repository whose past holds enterprise interest: an issue and comments by community members,
 * one beyond the first page of a long thread, a review; and the same words from a maintainer, one
 * listed only in steward.yml, and a bot, which are no leads. Installing the app backfills it.
 */
describe("leads found in the history backfill", () => {
  let e2e: E2E;
  let shop: RepositoryRecord;
  let historical: CommentRecord;
  const sender = () => createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
  const rows = () => e2e.db.select().from(leadSignals).all();
  const leadsCli = async () => {
    const io = captureIo({ ...e2e.processEnv });
    expect(await runCli(["leads", "--repo", REPO, "--json"], io)).toBe(0);
    return (JSON.parse(io.stdout) as { leads: Array<{ login: string; company: string; terms: string }> }).leads;
  };

  beforeAll(async () => {
    e2e = await startE2E({ now: () => now });
    const model = e2e.sandbox.model;
    model.addUser({ login: "octo", type: "Organization" });
    model.addRepository({ fullName: REPO, ownerType: "Organization" });
    model.addCollaborator(REPO, "maint");
    model.addUser({ login: "buyer-ann", company: "@globex" });
    model.setFile(REPO, ".github/steward.yml", "maintainers: [helper-hal]\n");
    for (let i = 0; i < FILLER; i++)
      model.addIssue(REPO, { user: `user-${i % 20}`, title: `Question ${i}`, body: "It crashes.", createdAt: day(200 - i) });
    const asked = model.addIssue(REPO, {
      user: "buyer-ann",
      title: "Single sign-on",
      body: "We need SAML SSO for 3,000 people.",
      createdAt: day(40),
    });
    model.addComment(REPO, asked.number, { user: "maint", body: "SSO is in the enterprise edition.", createdAt: day(39) });
    model.addComment(REPO, asked.number, { user: "helper-hal", body: "Pricing is on the website.", createdAt: day(39) });
    model.addComment(REPO, asked.number, { user: "renovate[bot]", body: "enterprise pricing", createdAt: day(39) });
    historical = model.addComment(REPO, asked.number, { user: "cto-bo", body: "Same here; is there a support contract?", createdAt: day(38) });
    const long = model.addIssue(REPO, { user: "user-1", title: "Long thread", body: "It is slow.", createdAt: day(30) });
    for (let c = 0; c < 110; c++) model.addComment(REPO, long.number, { user: `user-${c % 5}`, body: `reply ${c}`, createdAt: day(29) });
    model.addComment(REPO, long.number, { user: "ops-dee", body: "We run it air-gapped, so this matters.", createdAt: day(28) });
    const pull = model.addPullRequest(REPO, { user: "dev-eve", title: "Fix the docs", body: "Typo.", createdAt: day(20) });
    model.addReview(REPO, pull.number, { user: "rev-cy", state: "COMMENTED", body: "We would pay for on-prem support.", submittedAt: day(19) });

    e2e.sandbox.resetRequests();
    const installs = createInstallationActivity(e2e.sandbox, sender());
    await installs.install("octo", { repositories: [REPO] });
    await until(async () => (await findRepository(e2e.db, REPO)) !== undefined, "the installation");
    shop = (await findRepository(e2e.db, REPO))!;
    await until(async () => {
      const progress = await listBackfillProgress(e2e.db, shop.id);
      return progress.length === 5 && progress.every((p) => p.status === "done");
    }, "the backfill started by installation.created");
  }, 60_000);
  afterAll(() => e2e.close());

  it("records community members' interest once each, within the request bound, and says nothing on GitHub", async () => {
    const leads = await listLeads(e2e.db, shop.id);
    expect(leads.map((l) => [l.login, l.terms, l.signals]).sort()).toEqual([
      ["buyer-ann", ["single sign-on", "SSO", "SAML"], 1],
      ["cto-bo", ["support contract"], 1],
      ["ops-dee", ["air-gapped"], 1],
      ["rev-cy", ["on-prem"], 1],
    ]);
    expect(rows()).toHaveLength(4);
    // The company came with the page: no profile read.
    expect(leads.find((l) => l.login === "buyer-ann")?.company).toBe("@globex");
    expect(e2e.sandbox.requestsMatching("GET", /\/users\//)).toEqual([]);
    const cli = await leadsCli();
    expect(cli.map((row) => row.login).sort()).toEqual(["buyer-ann", "cto-bo", "ops-dee", "rev-cy"]);

    const byKind = Object.fromEntries((await listBackfillProgress(e2e.db, shop.id)).map((p) => [p.kind, p]));
    expect(byKind.issues).toMatchObject({ done: FILLER + 2 });
    expect(byKind.issues!.requests).toBeLessThanOrEqual(Math.ceil((FILLER + 2) / 100) + 2);
    expect(byKind.pulls!.requests).toBeLessThanOrEqual(Math.ceil(1 / 100) + 2);
    // History triggers nothing live: no label, no comment, no issue.
    expect(e2e.sandbox.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/graphql") && !r.path.includes("/access_tokens"))).toEqual([]);
    expect(e2e.sandbox.violations).toEqual([]);
  });

  it("adds no second signal when a webhook for a backfilled comment arrives late", async () => {
    const before = rows();
    const webhook = issueCommentWebhook({ model: e2e.sandbox.model, urls: urlsOf(e2e.sandbox) }, REPO, historical, "created");
    expect((await sender().send(webhook)).status).toBe(200);
    expect(rows()).toEqual(before);
    expect((await leadsCli()).filter((row) => row.login === "cto-bo")).toHaveLength(1);
  });

  it("adds no second signal when the backfill reads a comment already recorded live", async () => {
    const activity = createActivity(e2e.sandbox, sender());
    const live = await activity.comment(REPO, 1, { user: "buyer-fay", body: "Do you offer an SLA?", at: now });
    expect(live.delivery.status).toBe(200);
    await until(async () => rows().some((r) => r.login === "buyer-fay"), "the live signal");
    const before = rows();
    const io = captureIo({ ...e2e.processEnv });
    expect(await runCli(["backfill", "--repo", REPO, "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ complete: true });
    expect(rows()).toEqual(before);
    expect((await leadsCli()).filter((row) => row.login === "buyer-fay")).toHaveLength(1);
  });
});
