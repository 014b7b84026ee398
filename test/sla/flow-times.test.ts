import { describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { flowTimes } from "../../src/sla/flow-times.js";
import { mean, summarize } from "../../src/sla/response-stats.js";
import { clockFact, clockItem } from "../helpers/clock-fixtures.js";

/** Issue 14: time to first review, to merge and to close, each over the steps taken in a period. */
const H = 3_600_000;
const T0 = new Date("2026-11-02T00:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const week = { start: T0, end: at(7 * 24) };
const config = stewardConfigSchema.parse({ maintainers: ["lee"] });

const pull = (overrides: Partial<ClockItem> = {}): ClockItem =>
  clockItem(at(10), { number: 9, isPull: true, title: "Add a flag", state: "closed", updatedAt: at(100), closedAt: at(100), ...overrides });
const event = (
  kind: string,
  hours: number,
  actor = "mia",
  association: string | null = "MEMBER",
  data: Record<string, unknown> | null = null,
): ClockEvent => clockFact(kind, at(hours), actor, association, data);
const merged = (hours: number) => event("pull_request.merged", hours, "carol", "NONE", { mergedBy: "mia" });

describe("flowTimes", () => {
  it("times a PR opened for review from its opening: first maintainer review, merge and close", () => {
    const events = [event("pull_request.opened", 10, "carol", "NONE"), event("pull_request_review.submitted", 14), merged(40)];
    expect(flowTimes(pull(), events, config, week)).toEqual({ firstReviewMs: 4 * H, mergeMs: 30 * H, closeMs: 30 * H });
  });

  it("times review and merge of a PR opened as a draft from ready for review, but its close from the opening", () => {
    const events = [
      event("pull_request.opened", 10, "carol", "NONE", { draft: true }),
      event("pull_request_review.submitted", 12), // on the draft: not its first review
      event("pull_request.ready_for_review", 30, "carol", "NONE"),
      event("pull_request_review.submitted", 35, "lee", "NONE"), // listed in maintainers
      merged(50),
    ];
    expect(flowTimes(pull(), events, config, week)).toEqual({ firstReviewMs: 5 * H, mergeMs: 20 * H, closeMs: 40 * H });
  });

  it("counts only maintainers' reviews, never the author's, a bot's or a community member's", () => {
    const events = [
      event("pull_request.opened", 10, "carol", "NONE"),
      event("pull_request_review.submitted", 11, "carol", "NONE"),
      event("pull_request_review.submitted", 12, "dave", "CONTRIBUTOR"),
      event("pull_request_review.submitted", 13, "ci[bot]", "MEMBER"),
      event("issue_comment.created", 14),
      event("pull_request_review.submitted", 20, "ann", "OWNER"),
    ];
    expect(flowTimes(pull({ state: "open", closedAt: null }), events, config, week)).toEqual({ firstReviewMs: 10 * H, mergeMs: null, closeMs: null });
  });

  it("counts each step only in the period it happened in", () => {
    const events = [event("pull_request.opened", 10, "carol", "NONE"), event("pull_request_review.submitted", 14), merged(200)];
    const nextWeek = { start: week.end, end: at(14 * 24) };
    expect(flowTimes(pull(), events, config, week)).toEqual({ firstReviewMs: 4 * H, mergeMs: null, closeMs: null });
    expect(flowTimes(pull(), events, config, nextWeek)).toEqual({ firstReviewMs: null, mergeMs: 190 * H, closeMs: 190 * H });
  });

  it("times an issue's close to its last close in the period, and gives issues no review or merge", () => {
    const issue = pull({ isPull: false });
    const events = [event("issues.closed", 20, "carol", null), event("issues.reopened", 21, "carol", null), event("issues.closed", 30)];
    expect(flowTimes(issue, events, config, week)).toEqual({ firstReviewMs: null, mergeMs: null, closeMs: 20 * H });
  });

  it("leaves out what it cannot time: a draft never ready, and a merge before a guessed ready time", () => {
    const draft = pull({ draft: true, state: "closed" });
    const closedDraft = [event("pull_request.opened", 10, "carol", "NONE", { draft: true }), event("pull_request.closed", 20, "carol", null)];
    expect(flowTimes(draft, closedDraft, config, week)).toEqual({ firstReviewMs: null, mergeMs: null, closeMs: 10 * H });
    // Opened as a draft, its ready fact lost: the start is guessed from the last update, after the merge.
    const lost = [event("pull_request.opened", 10, "carol", "NONE", { draft: true }), merged(40)];
    expect(flowTimes(pull({ updatedAt: at(60) }), lost, config, week)).toEqual({ firstReviewMs: null, mergeMs: null, closeMs: 30 * H });
  });
});

describe("summarize", () => {
  it("gives the median, the nearest-rank p90, the mean and the count", () => {
    expect(summarize([2, 10, 30, 53].map((h) => h * H))).toEqual({ items: 4, medianMs: 20 * H, p90Ms: 53 * H, averageMs: 23.75 * H });
    expect(summarize([])).toEqual({ items: 0, medianMs: null, p90Ms: null, averageMs: null });
    expect(mean([1, 2])).toBe(1.5);
  });
});
