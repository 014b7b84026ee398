import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { collectResponseFigures } from "../../src/sla/collect-response-figures.js";
import { events, items } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

/** Issue 14: the duration figures and the per-kind goals, as the collector reads them from the store. */
const H = 3_600_000;
const WEEK_START = new Date("2026-11-02T00:00:00Z");
const period = { start: WEEK_START, end: new Date(WEEK_START.getTime() + 7 * 24 * H) };
const at = (hours: number) => new Date(WEEK_START.getTime() + hours * H);
const repository: RepositoryRecord = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };

describe("collectResponseFigures: durations and goals per kind", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let seq = 0;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  function open(
    number: number,
    hours: number,
    options: { pull?: boolean; draft?: boolean; author?: string; association?: string; closedAt?: number } = {},
  ) {
    const { pull = false, author = "carol", association = "NONE" } = options;
    const closedAt = options.closedAt === undefined ? null : at(options.closedAt);
    store.db
      .insert(items)
      .values({
        repositoryId: repository.id,
        number,
        isPull: pull,
        title: `Item ${number}`,
        authorLogin: author,
        authorType: "User",
        authorAssociation: association,
        state: closedAt ? "closed" : "open",
        createdAt: at(hours),
        updatedAt: closedAt ?? at(hours),
        closedAt,
      })
      .run();
    fact(number, pull ? "pull_request.opened" : "issues.opened", hours, author, association, options.draft ? { draft: true } : null, pull);
  }
  function fact(
    number: number,
    kind: string,
    hours: number,
    actor: string,
    association: string | null,
    data: Record<string, unknown> | null,
    pull: boolean,
  ) {
    store.db
      .insert(events)
      .values({
        repositoryId: repository.id,
        naturalKey: `k${seq++}`,
        kind,
        actorLogin: actor,
        actorType: "User",
        association,
        itemNumber: number,
        isPull: pull,
        occurredAt: at(hours),
        data,
      })
      .run();
  }
  const review = (number: number, hours: number, actor = "mia") =>
    fact(number, "pull_request_review.submitted", hours, actor, "MEMBER", { state: "approved" }, true);
  const merge = (number: number, hours: number) => fact(number, "pull_request.merged", hours, "carol", "NONE", { mergedBy: "mia" }, true);

  it("gives first review, merge and close over the community items that reached them in the period", async () => {
    open(1, 0, { pull: true, closedAt: 30 });
    review(1, 6); // 6 h from opening
    merge(1, 30); // 30 h to merge and to close
    open(2, 10, { pull: true, draft: true, closedAt: 60 });
    fact(2, "pull_request.ready_for_review", 20, "carol", null, null, true);
    review(2, 22); // 2 h from ready
    merge(2, 60); // 40 h from ready; closed 50 h after opening
    open(3, -100, { closedAt: 20 });
    fact(3, "issues.closed", 20, "mia", null, null, false); // opened before the week, closed in it: 120 h
    open(4, 5, { pull: true, author: "lee", association: "MEMBER", closedAt: 7 });
    merge(4, 7); // a maintainer's own PR: not a community item
    open(5, 100, { pull: true });
    review(5, 200); // after the period
    const figures = await collectResponseFigures(store.db, repository, period, at(170), stewardConfigSchema.parse({}));
    expect(figures.durations.firstReview).toEqual({ items: 2, medianMs: 4 * H, p90Ms: 6 * H, averageMs: 4 * H });
    expect(figures.durations.merge).toEqual({ items: 2, medianMs: 35 * H, p90Ms: 40 * H, averageMs: 35 * H });
    expect(figures.durations.close).toEqual({ items: 3, medianMs: 50 * H, p90Ms: 120 * H, averageMs: ((30 + 50 + 120) * H) / 3 });
    // The first responses: the reviews at 6 h and 2 h (on the clock from ready) and the close at 120 h.
    expect(figures.durations.firstResponse).toEqual({ items: 3, medianMs: 6 * H, p90Ms: 120 * H, averageMs: ((6 + 2 + 120) * H) / 3 });
    expect(figures.medianMs).toBe(figures.durations.firstResponse.medianMs);
  });

  it("judges each kind against its own goal, and says each kind's goal", async () => {
    open(1, 0, { pull: true });
    review(1, 6); // 6 h: a miss against the PRs' 4 h goal
    open(2, 1);
    fact(2, "issue_comment.created", 7, "mia", "MEMBER", null, false); // 6 h: within the issues' 24 h
    open(3, 160, { pull: true }); // waiting 5 h at the end: past the 4 h goal
    const config = stewardConfigSchema.parse({ response: { pullRequests: { goalHours: 4 } } });
    const figures = await collectResponseFigures(store.db, repository, period, at(165), config);
    expect(figures).toMatchObject({ goalHours: 24, goalHoursByKind: { issues: 24, pullRequests: 4 }, withinGoal: 1, missed: 2, pending: 0 });
    expect(figures.waiting).toMatchObject([{ number: 3, waitedMs: 5 * H, overGoal: true }]);
  });
});
