/**
 * github/issue-metrics' cases for time to close, time to merge, time to first review and the
 * averages, run against Steward's per-item flow times (src/sla/flow-times.ts) over a period wide
 * enough to hold every step, and the mean of src/sla/response-stats.ts.
 */
import { describe, it } from "vitest";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { flowTimes } from "../../src/sla/flow-times.js";
import { mean } from "../../src/sla/response-stats.js";
import { at, checkRows, config, facts, inHours, issue, maintainer, type PeerCase, peerTable, pull } from "./peer-cases.js";

const REPO = "github/issue-metrics";

type DurationInput =
  | { measure: "close" | "merge" | "firstReview"; item: ClockItem; events: ClockEvent[] }
  /** Hours of the items that have the figure; items without it are left out (both tools drop them). */
  | { measure: "average"; hours: number[] };

/** Every case's steps fall inside it, so the period decides nothing here. */
const WHOLE_HISTORY = { start: at("2000-01-01T00:00:00Z"), end: at("2100-01-01T00:00:00Z") };
const FIGURE = { close: "closeMs", merge: "mergeMs", firstReview: "firstReviewMs" } as const;

/** Steward's duration in hours, or null. */
function stewardDuration(input: DurationInput): number | null {
  if (input.measure === "average") return mean(input.hours);
  return inHours(flowTimes(input.item, input.events, config(), WHOLE_HISTORY)[FIGURE[input.measure]]);
}

const maya = maintainer("maya");
const { closed, merged, review, openedPull, readyForReview } = facts;

const cases: PeerCase<DurationInput, number | null>[] = [
  {
    name: "time to close: opened, closed two days later",
    source: `${REPO} test_time_to_close.py: test_measure_time_to_close`,
    input: {
      measure: "close",
      item: issue({ createdAt: at("2021-01-01T00:00:00Z"), state: "closed", closedAt: at("2021-01-03T00:00:00Z") }),
      events: [closed("2021-01-03T00:00:00Z", maya)],
    },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "time to close: still open",
    source: `${REPO} test_time_to_close.py: test_measure_time_to_close_returns_none`,
    input: { measure: "close", item: issue({ createdAt: at("2021-01-01T00:00:00Z") }), events: [] },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "time to merge: from ready for review to the merge",
    source: `${REPO} test_time_to_merge.py: test_measure_time_to_merge_ready_for_review`,
    input: {
      measure: "merge",
      item: pull({ createdAt: at("2020-12-31T00:00:00Z"), state: "closed", closedAt: at("2021-01-03T00:00:00Z") }),
      events: [openedPull("2020-12-31T00:00:00Z", true), readyForReview("2021-01-01T00:00:00Z"), merged("2021-01-03T00:00:00Z", "maya")],
    },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "time to merge: never a draft, from the opening",
    source: `${REPO} test_time_to_merge.py: test_measure_time_to_merge_created_at`,
    input: {
      measure: "merge",
      item: pull({ createdAt: at("2021-01-01T00:00:00Z"), state: "closed", closedAt: at("2021-01-03T00:00:00Z") }),
      events: [openedPull("2021-01-01T00:00:00Z", false), merged("2021-01-03T00:00:00Z", "maya")],
    },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "time to merge: not merged",
    source: `${REPO} test_time_to_merge.py: test_measure_time_to_merge_returns_none`,
    input: { measure: "merge", item: pull({ createdAt: at("2021-01-01T00:00:00Z") }), events: [openedPull("2021-01-01T00:00:00Z", false)] },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "time to first review: one review a day later",
    source: `${REPO} test_time_to_first_review.py: test_measure_time_to_first_review_basic`,
    input: { measure: "firstReview", item: pull(), events: [review("2023-01-02T00:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "time to first review: no review",
    source: `${REPO} test_time_to_first_review.py: test_measure_time_to_first_review_no_reviews`,
    input: { measure: "firstReview", item: pull(), events: [] },
    peerExpects: null,
    stewardGives: null,
  },
  {
    // A pending review sends no `pull_request_review.submitted`, so it never reaches Steward's ledger.
    name: "time to first review: a pending review is no review",
    source: `${REPO} test_time_to_first_review.py: test_measure_time_to_first_review_ignore_pending`,
    input: { measure: "firstReview", item: pull(), events: [review("2023-01-03T00:00:00Z", maya)] },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "average time to close of 2 days, 4 days and one still open",
    source: `${REPO} test_time_to_close.py: test_get_average_time_to_close`,
    input: { measure: "average", hours: [48, 96] },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    name: "average time to close when nothing was closed",
    source: `${REPO} test_time_to_close.py: test_get_average_time_to_close_no_issues`,
    input: { measure: "average", hours: [] },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "average time to first response of 1 day, 2 days and one unanswered",
    source: `${REPO} test_time_to_first_response.py: test_get_average_time_to_first_response (and get_stats avg)`,
    input: { measure: "average", hours: [24, 48] },
    peerExpects: 36,
    stewardGives: 36,
  },
  {
    name: "average time in draft of 1, 2 and 3 days",
    source: `${REPO} test_time_in_draft.py: test_get_stats_time_in_draft_with_data (avg)`,
    input: { measure: "average", hours: [24, 48, 72] },
    peerExpects: 48,
    stewardGives: 48,
  },
];

describe("issue-metrics: time to close, merge and first review, averages", () => {
  peerTable("issue-metrics durations", cases, stewardDuration);
});

describe("issue-metrics duration rows", () => {
  it("are well formed", () => checkRows(cases as PeerCase<unknown, unknown>[]));
});
