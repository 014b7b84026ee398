import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { runBackfill, type BackfillReport } from "../../src/metrics/run-backfill.js";
import { createActivity, createWebhookSender } from "../../src/sandbox/index.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { loadClockEvents, loadItems } from "../../src/store/response-clock-data.js";
import { events } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { registerSandboxRepository, sandboxJobDeps } from "../metrics/sandbox-history.js";

const REPO = "acme/widget";
const HOUR = 3_600_000;
const now = () => new Date("2026-03-01T00:00:00Z");
const config = stewardConfigSchema.parse({ response: { exemptLabels: ["on-hold"] } });
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

/**
 * The backfill reads the draft and label history the response clock needs (issue 14, defect 3):
 * history from before the install, seeded straight into the sandbox's model (no webhooks), scores
 * as webhooks would have scored it; changes seen both live and by the backfill are stored once;
 * timelines longer than a page are read whole within ceil(N/100) + 2 requests per kind.
 */
describe("history backfill of timelines against the sandbox", () => {
  let e2e: E2E;
  let repository: RepositoryRecord;
  let report: BackfillReport;
  const numbers: Record<string, number> = {};

  beforeAll(async () => {
    e2e = await startE2E({ now });
    const model = e2e.sandbox.model;
    model.addCollaborator(REPO, "maint");
    repository = {
      id: e2e.target.repositoryId,
      installationId: e2e.target.installationId,
      owner: "acme",
      name: "widget",
      fullName: REPO,
      private: false,
    };
    await registerSandboxRepository(e2e.db, repository, now());

    // Opened as a draft on Jan 1, marked ready on Jan 3, reviewed by a maintainer two hours later.
    const ready = model.addPullRequest(REPO, { user: "dev-1", draft: true, createdAt: at(1) });
    model.setPullDraft(REPO, ready.number, false, "dev-1", at(3));
    model.addReview(REPO, ready.number, { user: "maint", state: "APPROVED", submittedAt: at(3, 2) });
    numbers.ready = ready.number;
    // Exempt from its opening for a week (the label put on and taken off before the install), answered 3 h after.
    const held = model.addIssue(REPO, { user: "user-1", createdAt: at(10) });
    model.addLabelsToIssue(REPO, held.number, ["on-hold"], at(10), "maint");
    model.removeLabelFromIssue(REPO, held.number, "on-hold", at(17), "maint");
    model.addComment(REPO, held.number, { user: "maint", body: "looking", createdAt: at(17, 3) });
    numbers.held = held.number;
    // Ready at its opening, back in draft for two days after two hours, reviewed two hours after ready again.
    const back = model.addPullRequest(REPO, { user: "dev-2", createdAt: at(20) });
    model.setPullDraft(REPO, back.number, true, "dev-2", at(20, 2));
    model.setPullDraft(REPO, back.number, false, "dev-2", at(22, 2));
    model.addReview(REPO, back.number, { user: "maint", state: "COMMENTED", submittedAt: at(22, 4) });
    numbers.back = back.number;
    // Longer timelines than one page: 130 label changes on three issues; 150 on a PR before its
    // first draft change (it was opened as a draft and marked ready on Jan 29), 211 events in all.
    for (let i = 0; i < 3; i++) {
      const long = model.addIssue(REPO, { user: `user-${i + 2}`, createdAt: at(24) });
      for (let n = 0; n < 65; n++) {
        model.addLabelsToIssue(REPO, long.number, ["triage"], new Date(Date.parse(at(24)) + (2 * n + 1) * 60_000), "maint");
        model.removeLabelFromIssue(REPO, long.number, "triage", new Date(Date.parse(at(24)) + (2 * n + 2) * 60_000), "maint");
      }
      numbers[`long-${i}`] = long.number;
    }
    const longPull = model.addPullRequest(REPO, { user: "dev-3", draft: true, createdAt: at(25) });
    for (let n = 0; n < 75; n++) {
      model.addLabelsToIssue(REPO, longPull.number, ["wip"], new Date(Date.parse(at(25)) + (2 * n + 1) * 60_000), "dev-3");
      model.removeLabelFromIssue(REPO, longPull.number, "wip", new Date(Date.parse(at(25)) + (2 * n + 2) * 60_000), "dev-3");
    }
    model.setPullDraft(REPO, longPull.number, false, "dev-3", at(29));
    // 29 minutes back in draft, one at a time, then an hour on Jan 30.
    for (let n = 0; n < 58; n++) model.setPullDraft(REPO, longPull.number, n % 2 === 0, "dev-3", new Date(Date.parse(at(29)) + (n + 1) * 60_000));
    model.setPullDraft(REPO, longPull.number, true, "dev-3", at(30));
    model.setPullDraft(REPO, longPull.number, false, "dev-3", at(30, 1));
    model.addComment(REPO, longPull.number, { user: "maint", body: "on it", createdAt: at(30, 4) });
    numbers.longPull = longPull.number;
    // Enough other items for two pages of each kind.
    for (let i = 0; i < 140; i++) model.addIssue(REPO, { user: `user-${i % 30}`, createdAt: at(31) });
    for (let i = 0; i < 110; i++) model.addPullRequest(REPO, { user: `dev-${i % 30}`, createdAt: at(31) });

    // Live changes (webhooks, as after the install), which the backfill reads again.
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    const activity = createActivity(e2e.sandbox, sender);
    const live = await activity.openPullRequest(REPO, { user: "dev-4", title: "Live", draft: true, at: "2026-02-10T00:00:00Z" });
    numbers.live = live.record.number;
    await activity.markReadyForReview(REPO, live.record.number, { by: "dev-4", at: "2026-02-10T05:00:00Z" });
    await activity.addLabel(REPO, live.record.number, "on-hold", { by: "maint", at: "2026-02-10T06:00:00Z" });
    await activity.removeLabel(REPO, live.record.number, "on-hold", { by: "maint", at: "2026-02-11T06:00:00Z" });
    await activity.convertToDraft(REPO, live.record.number, { by: "dev-4", at: "2026-02-12T00:00:00Z" });
    await activity.closeIssue(REPO, live.record.number, { by: "maint", at: "2026-02-13T00:00:00Z" });
    await activity.reopenIssue(REPO, live.record.number, { by: "dev-4", at: "2026-02-14T00:00:00Z" });
    expect(sender.deliveries.every((d) => d.status === 200 || d.status === 202)).toBe(true);

    e2e.sandbox.resetRequests();
    report = await runBackfill(sandboxJobDeps(e2e.db, e2e.sandbox, now), { repository, since: null }, async () => {});
  }, 60_000);
  afterAll(() => e2e.close());

  async function clockOf(number: number) {
    const [item] = await loadItems(e2e.db, repository.id, [number]);
    const facts = (await loadClockEvents(e2e.db, repository.id, [number])).get(number) ?? [];
    return computeResponseClock(item!, facts, config, now());
  }

  const countOf = (number: number, kind: string) =>
    e2e.db
      .select({ n: sql<number>`count(*)` })
      .from(events)
      .where(and(eq(events.repositoryId, repository.id), eq(events.itemNumber, number), eq(events.kind, kind)))
      .get()?.n ?? 0;

  it("starts a PR opened as a draft at its ready for review: answered two hours later scores 2 h, not 50 h", async () => {
    expect((await clockOf(numbers.ready!)).firstResponse?.clockMs).toBe(2 * HOUR);
  });

  it("stops the clock while an exempt label was on before the install: 3 h, not the week it carried it", async () => {
    const clock = await clockOf(numbers.held!);
    expect(clock.firstResponse?.clockMs).toBe(3 * HOUR);
    expect(clock.offSpans).toEqual([{ start: Date.parse(at(10)), end: Date.parse(at(17)) }]);
  });

  it("leaves the time back in draft off the clock", async () => {
    expect((await clockOf(numbers.back!)).firstResponse?.clockMs).toBe(4 * HOUR);
  });

  it("stores a change seen by a webhook and by the backfill once", () => {
    const live = numbers.live!;
    expect(
      ["opened", "ready_for_review", "labeled", "unlabeled", "converted_to_draft", "closed", "reopened"].map((a) =>
        countOf(live, `pull_request.${a}`),
      ),
    ).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("reads timelines longer than a page whole, within ceil(N/100) + 2 requests per kind", async () => {
    expect(report.complete).toBe(true);
    expect(e2e.sandbox.violations).toEqual([]);
    const byKind = Object.fromEntries(report.kinds.map((k) => [k.kind, k]));
    expect(byKind.issues).toMatchObject({ done: 144 });
    expect(byKind.pulls).toMatchObject({ done: 114 });
    expect(byKind.issues!.requests).toBeLessThanOrEqual(Math.ceil(144 / 100) + 2);
    expect(byKind.pulls!.requests).toBeLessThanOrEqual(Math.ceil(114 / 100) + 2);
    for (const i of [0, 1, 2]) expect(countOf(numbers[`long-${i}`]!, "issues.unlabeled")).toBe(65);
    const longPull = numbers.longPull!;
    expect(countOf(longPull, "pull_request.labeled") + countOf(longPull, "pull_request.unlabeled")).toBe(150);
    expect(countOf(longPull, "pull_request.ready_for_review") + countOf(longPull, "pull_request.converted_to_draft")).toBe(61);
    // Its first draft change lies on the second page: it still counts as opened as a draft, so its
    // clock runs from Jan 29 to the answer on Jan 30 at 04:00 (28 h) but for its 29 minutes and 1 h back in draft.
    expect((await clockOf(longPull)).firstResponse?.clockMs).toBe(27 * HOUR - 29 * 60_000);
  });
});
