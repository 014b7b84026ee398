import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { decodeCursor } from "../../src/metrics/backfill-kind.js";
import { runBackfill } from "../../src/metrics/run-backfill.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { findBackfillProgress } from "../../src/store/backfill-state.js";
import { events } from "../../src/store/schema.js";
import { appKeys } from "../helpers/e2e-harness.js";
import { createTestStore } from "../helpers/test-store.js";
import { registerSandboxRepository, sandboxJobDeps } from "./sandbox-history.js";

const REPO = "acme/widget";
const ISSUES = 1_500;
const PULLS = 300;
/** Issues past one page of 100 comments, one every 100 issues, so each falls on a page of its own. */
const LONG_ISSUES = Array.from({ length: 15 }, (_, i) => 50 + 100 * i);
const now = () => new Date("2026-11-30T00:00:00Z");
const minutes = (n: number) => new Date(Date.parse("2025-01-01T00:00:00Z") + n * 60_000).toISOString();

/** 15 issues of 130 to 340 comments (some need three further pages), two PRs of 150 reviews. */
function seed(sandbox: Sandbox): { comments: number; reviews: number } {
  const model = sandbox.model;
  model.addCollaborator(REPO, "maint");
  let comments = 0;
  for (let i = 1; i <= ISSUES; i++) {
    model.addIssue(REPO, { user: `user-${i % 50}`, authorAssociation: "NONE", createdAt: minutes(i * 10) });
    const count = LONG_ISSUES.includes(i) ? 130 + (i % 7) * 35 : 1;
    for (let c = 0; c < count; c++) {
      model.addComment(REPO, i, { user: c % 2 ? "maint" : `user-${i % 50}`, authorAssociation: "NONE", createdAt: minutes(i * 10 + 1) });
    }
    comments += count;
  }
  let reviews = 0;
  for (let p = 0; p < PULLS; p++) {
    const pull = model.addPullRequest(REPO, { user: `dev-${p % 20}`, authorAssociation: "NONE", createdAt: minutes(ISSUES * 10 + p) });
    const count = p === 10 || p === 250 ? 150 : 0;
    for (let r = 0; r < count; r++) model.addReview(REPO, pull.number, { user: "maint", authorAssociation: "COLLABORATOR", state: "COMMENTED" });
    reviews += count;
  }
  return { comments, reviews };
}

describe("backfill of long threads", () => {
  let sandbox: Sandbox;
  let repository: RepositoryRecord;
  let seeded: { comments: number; reviews: number };

  beforeAll(async () => {
    sandbox = createSandbox({ appId: 4242, publicKeyPem: appKeys().publicKey, onViolation: () => {} });
    await sandbox.listen();
    sandbox.model.addInstallation({ id: 77, account: "acme", accountType: "Organization", repositorySelection: "all" });
    const repo = sandbox.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    repository = { id: repo.id, installationId: 77, owner: "acme", name: "widget", fullName: REPO, private: false };
    seeded = seed(sandbox);
  }, 30_000);
  afterAll(() => sandbox.close());

  const count = (db: Awaited<ReturnType<typeof createTestStore>>["db"], kind: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(events)
      .where(and(eq(events.repositoryId, repository.id), eq(events.kind, kind)))
      .get()?.n;

  it("reads further comments and reviews inside later pages' requests: ceil(N/100) + 2 requests per kind", async () => {
    const store = await createTestStore();
    try {
      await registerSandboxRepository(store.db, repository, now());
      const report = await runBackfill(sandboxJobDeps(store.db, sandbox, now), { repository, since: null }, async () => {});
      expect(report.complete).toBe(true);
      const byKind = Object.fromEntries(report.kinds.map((k) => [k.kind, k.requests]));
      // One request per page and follow-ups for each long thread made 15 + 11 more before.
      expect(byKind.issues).toBeLessThanOrEqual(Math.ceil(ISSUES / 100) + 2);
      expect(byKind.pulls).toBeLessThanOrEqual(Math.ceil(PULLS / 100) + 2);
      expect(count(store.db, "issue_comment.created")).toBe(seeded.comments);
      expect(count(store.db, "pull_request_review.submitted")).toBe(seeded.reviews);
    } finally {
      store.dispose();
    }
  }, 30_000);

  it("keeps the further pages still to read with the cursor: stopped and run again, it stores every comment once", async () => {
    const store = await createTestStore();
    try {
      await registerSandboxRepository(store.db, repository, now());
      let issuePages = 0;
      const deps = sandboxJobDeps(store.db, sandbox, now, {
        onClient: (client) =>
          client.hook.before("request", (options) => {
            const query = String((options as { query?: unknown }).query ?? "");
            // A server error on the 9th issues page, while follow-ups of earlier pages are waiting.
            if (query.includes("issues(first:") && ++issuePages === 9) sandbox.failNext({ path: "/graphql", status: 502 });
          }),
      });
      const first = await runBackfill(deps, { repository, since: null }, async () => {});
      expect(first.complete).toBe(false);
      const paused = await findBackfillProgress(store.db, repository.id, "issues");
      expect(paused?.status).toBe("paused");
      expect(decodeCursor(paused?.cursor ?? null).followUps.length).toBeGreaterThan(0);

      const second = await runBackfill(deps, { repository, since: null }, async () => {});
      expect(second.complete).toBe(true);
      expect(count(store.db, "issue_comment.created")).toBe(seeded.comments);
      expect(count(store.db, "pull_request_review.submitted")).toBe(seeded.reviews);
    } finally {
      store.dispose();
    }
  }, 30_000);
});
