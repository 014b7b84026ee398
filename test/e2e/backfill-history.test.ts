import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBackfillProgress } from "../../src/store/backfill-state.js";
import { listContributors } from "../../src/store/contributors.js";
import type { DB } from "../../src/store/db.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { events, items } from "../../src/store/schema.js";
import { findUserProfile } from "../../src/store/user-profiles.js";
import { runBackfill } from "../../src/metrics/run-backfill.js";
import { createActivity, createWebhookSender } from "../../src/sandbox/index.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { createTestStore } from "../helpers/test-store.js";
import { registerSandboxRepository, sandboxJobDeps, seedHistory } from "../metrics/sandbox-history.js";

const SIZE = { stars: 2_500, issues: 1_200, pulls: 1_000 };
const REPO = "acme/widget";
const now = () => new Date("2026-11-30T00:00:00Z");
const noWait = async () => {};

/** What the store knows, independent of how it learnt it (webhook or backfill) and in which order. */
function snapshot(db: DB, repositoryId: number) {
  const facts = db
    .select({
      naturalKey: events.naturalKey,
      kind: events.kind,
      actorLogin: events.actorLogin,
      actorType: events.actorType,
      association: events.association,
      itemNumber: events.itemNumber,
      isPull: events.isPull,
      occurredAt: events.occurredAt,
    })
    .from(events)
    .where(eq(events.repositoryId, repositoryId))
    .orderBy(asc(events.naturalKey))
    .all();
  const threads = db.select().from(items).where(eq(items.repositoryId, repositoryId)).orderBy(asc(items.number)).all();
  return { facts, threads };
}

function countByKind(db: DB, repositoryId: number): Record<string, number> {
  const rows = db
    .select({ kind: events.kind, n: sql<number>`count(*)` })
    .from(events)
    .where(eq(events.repositoryId, repositoryId))
    .groupBy(events.kind)
    .all();
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

describe("history backfill against the sandbox", () => {
  let e2e: E2E;
  let repository: RepositoryRecord;

  beforeAll(async () => {
    e2e = await startE2E({ now });
    seedHistory(e2e.sandbox.model, REPO, SIZE);
    repository = {
      id: e2e.target.repositoryId,
      installationId: e2e.target.installationId,
      owner: "acme",
      name: "widget",
      fullName: REPO,
      private: false,
    };
    await registerSandboxRepository(e2e.db, repository, now());
  }, 30_000);
  afterAll(() => e2e.close());

  it("reads the whole history within ceil(N/100) + 2 requests per kind, and webhooks arriving meanwhile count once", async () => {
    const model = e2e.sandbox.model;
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    const activity = createActivity(e2e.sandbox, sender);
    let graphqlRequests = 0;
    const deps = sandboxJobDeps(e2e.db, e2e.sandbox, now, {
      onClient: (client) =>
        client.hook.before("request", async (options) => {
          if (!String(options.url).endsWith("/graphql")) return;
          graphqlRequests++;
          // Live activity while the issues are being read: on an issue already read, on one
          // not read yet, and a star that the stars pass has already gone past.
          if (graphqlRequests === 30) {
            await activity.comment(REPO, 1, { user: "late-user", body: "still happening", at: "2026-11-29T10:00:00Z" });
            await activity.comment(REPO, 1_150, { user: "maint", body: "answer", at: "2026-11-29T10:05:00Z" });
            await activity.star(REPO, "late-fan", "2026-11-29T11:00:00Z");
          }
        }),
    });
    e2e.sandbox.resetRequests();
    const report = await runBackfill(deps, { repository, since: null }, noWait);

    expect(report.complete).toBe(true);
    expect(sender.deliveries.every((d) => d.status === 202 || d.status === 200)).toBe(true);
    expect(e2e.sandbox.requestsMatching("POST", "/graphql")).toHaveLength(report.requests);
    const byKind = Object.fromEntries(report.kinds.map((k) => [k.kind, k]));
    expect(byKind.stars!.requests).toBeLessThanOrEqual(Math.ceil(SIZE.stars / 100) + 2);
    expect(byKind.issues!.requests).toBeLessThanOrEqual(Math.ceil(SIZE.issues / 100) + 2);
    expect(byKind.pulls!.requests).toBeLessThanOrEqual(Math.ceil(SIZE.pulls / 100) + 2);
    expect(byKind.stars).toMatchObject({ status: "done", done: SIZE.stars, total: SIZE.stars });
    expect(byKind.issues).toMatchObject({ status: "done", done: SIZE.issues, total: SIZE.issues });

    // Every fact once, whichever way it arrived first.
    const threads = model.listIssues(REPO);
    const comments = model.listRepoComments(REPO).length;
    const reviews = threads.reduce((n, t) => n + (t.pull ? model.listReviews(REPO, t.number).length : 0), 0);
    const merged = threads.filter((t) => t.pull?.merged).length;
    const closedIssues = threads.filter((t) => !t.pull && t.state === "closed").length;
    const closedPulls = threads.filter((t) => t.pull && t.state === "closed" && !t.pull.merged).length;
    expect(countByKind(e2e.db, repository.id)).toEqual({
      "star.created": SIZE.stars + 1,
      "issues.opened": SIZE.issues,
      "issues.closed": closedIssues,
      "issue_comment.created": comments,
      "pull_request.opened": SIZE.pulls,
      "pull_request.merged": merged,
      "pull_request.closed": closedPulls,
      "pull_request_review.submitted": reviews,
    });
    expect(e2e.db.select({ n: sql<number>`count(*)` }).from(items).get()?.n).toBe(SIZE.issues + SIZE.pulls);

    // The close carries who closed it; GraphQL's bot logins get their [bot] back.
    const close = e2e.db.select().from(events).where(eq(events.kind, "issues.closed")).limit(1).get();
    expect(close).toMatchObject({ actorLogin: "maint", association: null });
    const botEvents = e2e.db.select().from(events).where(eq(events.actorLogin, "dependabot[bot]")).all();
    expect(botEvents.length).toBeGreaterThan(0);
    expect(botEvents.every((e) => e.actorType === "Bot")).toBe(true);

    // Contributors: the non-bot authors of merged PRs, numbered in first-contribution order.
    const contributors = await listContributors(e2e.db, repository.id);
    const authors = new Set(threads.filter((t) => t.pull?.merged && !t.user.endsWith("[bot]")).map((t) => t.user));
    expect(contributors.map((c) => c.login).sort()).toEqual([...authors].sort());
    expect(contributors.map((c) => c.number)).toEqual(contributors.map((_, i) => i + 1));
    expect(byKind.contributors).toMatchObject({ status: "done", done: authors.size });
    expect((await findUserProfile(e2e.db, e2e.sandbox.model.getUser("fan-20")!.id))?.companyKey).toBeTruthy();
    expect(e2e.sandbox.violations).toEqual([]);
  }, 30_000);

  it("stopped half-way by API errors and run again, gives the same store as one clean run", async () => {
    const store = await createTestStore();
    try {
      await registerSandboxRepository(store.db, repository, now());
      let graphqlRequests = 0;
      const deps = sandboxJobDeps(store.db, e2e.sandbox, now, {
        onClient: (client) =>
          client.hook.before("request", async (options) => {
            if (!String(options.url).endsWith("/graphql")) return;
            graphqlRequests++;
            // A secondary rate limit, waited out; later a server error that stops the run.
            if (graphqlRequests === 3)
              e2e.sandbox.failNext({
                path: "/graphql",
                status: 403,
                headers: { "retry-after": "1" },
                message: "You have exceeded a secondary rate limit.",
              });
            if (graphqlRequests === 33) e2e.sandbox.failNext({ path: "/graphql", status: 502 });
          }),
      });
      const waits: number[] = [];
      const first = await runBackfill(deps, { repository, since: null }, async (ms) => void waits.push(ms));
      expect(waits).toEqual([1000]);
      expect(first.complete).toBe(false);
      const stopped = (await listBackfillProgress(store.db, repository.id)).find((p) => p.status === "paused");
      expect(stopped).toMatchObject({ kind: "issues", lastError: expect.stringContaining("502") });
      expect(stopped!.done).toBeGreaterThan(0);

      const second = await runBackfill(deps, { repository, since: null }, noWait);
      expect(second.complete).toBe(true);
      expect(snapshot(store.db, repository.id)).toEqual(snapshot(e2e.db, repository.id));
      expect(await listContributors(store.db, repository.id)).toEqual(await listContributors(e2e.db, repository.id));
      // The rate-limited and the failed request are the only extra ones (this run also reads the
      // star given during the first run, which that run had already gone past).
      const clean = Object.fromEntries((await listBackfillProgress(e2e.db, repository.id)).map((p) => [p.kind, p.requests]));
      const resumed = Object.fromEntries(second.kinds.map((k) => [k.kind, k.requests]));
      expect(resumed).toEqual({
        stars: Math.ceil((SIZE.stars + 1) / 100) + 1,
        issues: (clean.issues ?? 0) + 1,
        pulls: clean.pulls,
        discussions: 1,
        contributors: 0,
      });
    } finally {
      store.dispose();
    }
  }, 30_000);

  it("backfills an empty repository, and an archived one with one request per kind", async () => {
    const model = e2e.sandbox.model;
    model.addRepository({ fullName: "acme/empty" });
    model.addRepository({ fullName: "acme/old", archived: true });
    model.addStargazer("acme/old", "fan-1", "2024-01-01T00:00:00Z");
    for (const fullName of ["acme/empty", "acme/old"]) {
      const repo = model.getRepository(fullName)!;
      const record = { id: repo.id, installationId: e2e.target.installationId, owner: repo.owner, name: repo.name, fullName, private: false };
      await registerSandboxRepository(e2e.db, record, now());
      const report = await runBackfill(sandboxJobDeps(e2e.db, e2e.sandbox, now), { repository: record, since: null }, noWait);
      expect(report.kinds.filter((k) => k.lastError)).toEqual([]);
      expect(report.complete).toBe(true);
      expect(report.kinds.map((k) => [k.kind, k.requests])).toEqual([
        ["contributors", 0],
        ["discussions", 1],
        ["issues", 1],
        ["pulls", 1],
        ["stars", 1],
      ]);
    }
    expect(countByKind(e2e.db, model.getRepository("acme/old")!.id)).toEqual({ "star.created": 1 });
  }, 30_000);
});
