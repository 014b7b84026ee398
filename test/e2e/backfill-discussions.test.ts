import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { resumeBackfills, runBackfill } from "../../src/metrics/run-backfill.js";
import { createActivity, createWebhookSender, discussionWebhook, urlsOf } from "../../src/sandbox/index.js";
import { runSweep } from "../../src/sla/run-sweep.js";
import { listRepositories } from "../../src/store/installations.js";
import { backfillState, events } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sandboxJobDeps as sweepDeps } from "../helpers/sandbox-job-deps.js";
import { createTestStore } from "../helpers/test-store.js";
import { registerSandboxRepository, sandboxJobDeps } from "../metrics/sandbox-history.js";

const REPO = "acme/widget";
const DISCUSSIONS = 160;
const BASE = Date.parse("2026-10-01T00:00:00Z");
const hours = (n: number) => new Date(BASE + n * 3_600_000).toISOString();
const now = () => new Date("2026-11-30T00:00:00Z");
const noWait = async () => {};

describe("history backfill of discussions against the sandbox", () => {
  let e2e: E2E;
  let repository: RepositoryRecord;
  /** The seeded history: each discussion's number, its comments, whether it is answered. */
  const seeded: Array<{ number: number; qa: boolean; comments: number; answered: boolean }> = [];
  const counts = () =>
    Object.fromEntries(
      e2e.db
        .select({ kind: events.kind, n: sql<number>`count(*)` })
        .from(events)
        .where(and(eq(events.repositoryId, repository.id), sql`${events.kind} like 'discussion%'`))
        .groupBy(events.kind)
        .all()
        .map((r) => [r.kind, r.n]),
    );

  beforeAll(async () => {
    e2e = await startE2E({ now });
    const model = e2e.sandbox.model;
    model.addCollaborator(REPO, "maint");
    // Every other discussion a question; every fourth answered by the maintainer; #1 with 130 comments.
    for (let i = 0; i < DISCUSSIONS; i++) {
      const qa = i % 2 === 0;
      const d = model.discussions.add(REPO, { user: `asker-${i % 40}`, title: `Topic ${i}`, category: qa ? "Q&A" : "General", createdAt: hours(i) });
      const comments = i === 0 ? 130 : i % 3 === 0 ? 0 : 1;
      for (let c = 0; c < comments; c++)
        model.discussions.addComment(REPO, d.number, { user: "maint", body: `reply ${c}`, createdAt: hours(i + 0.5 + c / 200) });
      const answered = i % 4 === 0 && comments > 0;
      if (answered) model.discussions.markAnswer(REPO, d.number, model.discussions.comments(REPO, d.number)[0]!.id, `asker-${i % 40}`, hours(i + 2));
      seeded.push({ number: d.number, qa, comments, answered });
    }
    const [record] = await listRepositories(e2e.db);
    repository = record!;
  }, 30_000);
  afterAll(() => e2e.close());

  it("stores each discussion fact once within ceil(N/100) + 2 requests, a webhook for one adds nothing, and history is on the clock", async () => {
    const model = e2e.sandbox.model;
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    // A discussion opened live before the backfill reads it: recorded by its webhook first.
    const live = await createActivity(e2e.sandbox, sender).openDiscussion(REPO, {
      user: "late",
      title: "Live one",
      category: "Q&A",
      at: hours(DISCUSSIONS),
    });
    expect(live.delivery.status).toBeLessThan(300);

    e2e.sandbox.resetRequests();
    const report = await runBackfill(sandboxJobDeps(e2e.db, e2e.sandbox, now), { repository, since: null }, noWait);
    expect(report.complete).toBe(true);
    const kind = report.kinds.find((k) => k.kind === "discussions")!;
    const total = DISCUSSIONS + 1;
    expect(kind).toMatchObject({ status: "done", done: total, total });
    // Two pages and one follow-up for #1's comments beyond the first 100.
    expect(kind.requests).toBe(3);
    expect(kind.requests).toBeLessThanOrEqual(Math.ceil(total / 100) + 2);
    expect(e2e.sandbox.violations).toEqual([]);

    const expected = {
      "discussion.created": total,
      "discussion.answered": seeded.filter((d) => d.answered).length,
      "discussion_comment.created": seeded.reduce((n, d) => n + d.comments, 0),
    };
    expect(counts()).toEqual(expected);
    expect(expected["discussion.answered"]).toBe(27);

    // A webhook for a discussion from history (the backfill saw it first) adds nothing.
    const first = model.discussions.get(REPO, seeded[1]!.number)!;
    const delivery = await sender.send(discussionWebhook({ model, urls: urlsOf(e2e.sandbox) }, REPO, first, "created"));
    expect(delivery.status).toBeLessThan(300);
    expect(counts()).toEqual(expected);

    // An unanswered question from history waits past its goal: the sweep would remind on it.
    const dry = await runSweep({ ...sweepDeps(e2e, now), now }, { dryRun: true });
    const wouldSend = dry.repositories[0]!.wouldSend.map((a) => a.number);
    const unanswered = seeded.find((d) => d.qa && d.comments === 0)!;
    const answered = seeded.find((d) => d.answered)!;
    expect(wouldSend).toContain(unanswered.number);
    expect(wouldSend).not.toContain(answered.number);
  }, 30_000);

  it("reads the discussions of a repository backfilled before Steward read them, once, and nothing else again", async () => {
    const store = await createTestStore();
    try {
      await registerSandboxRepository(store.db, repository, now());
      const deps = sandboxJobDeps(store.db, e2e.sandbox, now);
      await runBackfill(deps, { repository, since: null }, noWait);
      // As an older Steward left it: the other kinds done, no record of discussions, none stored.
      await store.db.delete(backfillState).where(eq(backfillState.kind, "discussions"));
      await store.db.delete(events).where(sql`${events.kind} like 'discussion%'`);

      e2e.sandbox.resetRequests();
      await resumeBackfills(deps);
      const graphql = e2e.sandbox.requests.filter((r) => r.path === "/graphql").map((r) => (r.body as { query: string }).query);
      // The two pages and #1's further comments, as in the first test; no stars, issues or pulls.
      expect(graphql).toHaveLength(3);
      expect(graphql.every((query) => /\bdiscussions?\(/.test(query))).toBe(true);
      const created = await store.db.select().from(events).where(eq(events.kind, "discussion.created"));
      expect(created).toHaveLength(DISCUSSIONS + 1);
      const progress = await store.db.select().from(backfillState).where(eq(backfillState.kind, "discussions"));
      expect(progress).toMatchObject([{ status: "done", done: DISCUSSIONS + 1 }]);

      // Known now: the next resume reads nothing.
      e2e.sandbox.resetRequests();
      await resumeBackfills(deps);
      expect(e2e.sandbox.requests).toEqual([]);
    } finally {
      await store.dispose();
    }
  }, 30_000);

  it("with --since reads the most recently updated first and stops at the first older one", async () => {
    const store = await createTestStore();
    try {
      await registerSandboxRepository(store.db, repository, now());
      const since = new Date(hours(150));
      const report = await runBackfill(sandboxJobDeps(store.db, e2e.sandbox, now), { repository, since }, noWait);
      // The seeded discussions and the one opened live after them.
      const recent = Array.from({ length: seeded.at(-1)!.number + 5 }, (_, n) => e2e.sandbox.model.discussions.get(REPO, n)).filter(
        (d) => d !== undefined && new Date(d.updated_at) >= since,
      );
      expect(recent.length).toBeGreaterThan(5);
      expect(report.kinds.find((k) => k.kind === "discussions")).toMatchObject({ status: "done", done: recent.length, requests: 1 });
      const created = store.db.select().from(events).where(eq(events.kind, "discussion.created")).all();
      expect(created.map((e) => e.itemNumber).sort()).toEqual(recent.map((d) => d!.number).sort());
    } finally {
      store.dispose();
    }
  }, 30_000);
});
