/**
 * github/issue-metrics' documented cases, run through Steward: time to first response, where that
 * measurement starts for a pull request, time in draft, time in a label, and the median and 90th
 * percentile. Time to close, to merge and to first review are in issue-metrics-durations.test.ts.
 *
 * Mapping: issue-metrics counts any comment or review that is not the author's, a bot's or an
 * ignored user's; Steward counts a maintainer's. Where the peer's test gives the commenter no
 * association, the table makes them a maintainer (MEMBER), which is what the peer's answer assumes
 * of a "response"; the rows about community members show where the two part.
 */
import { describe, it } from "vitest";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { clockStart } from "../../src/sla/clock-start.js";
import { offClockSpans } from "../../src/sla/off-clock-spans.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { median, percentile } from "../../src/sla/response-stats.js";
import {
  type Actor,
  at,
  checkRows,
  config,
  facts,
  inHours,
  issue,
  maintainer,
  type PeerCase,
  peerTable,
  pull,
  spanTimeWithin,
} from "./peer-cases.js";

const REPO = "github/issue-metrics";
const TTFR_TESTS = `${REPO} test_time_to_first_response.py`;

interface ClockInput {
  item: ClockItem;
  events: ClockEvent[];
  /** steward.yml, raw; defaults when left out. */
  yml?: Record<string, unknown>;
  now?: string;
}

/** Steward's time to first response in hours (clock time), or null while there is none. */
function firstResponseHours({ item, events, yml, now }: ClockInput): number | null {
  const clock = computeResponseClock(item, events, config(yml), at(now ?? "2023-02-01T00:00:00Z"));
  return clock.firstResponse === null ? null : inHours(clock.firstResponse.clockMs);
}

const maya = maintainer("maya");
const ignoredUser: Actor = { login: "ignored_user", association: "MEMBER" };
const ignoredUser2: Actor = { login: "ignored_user2", association: "MEMBER" };
const notIgnoredUser: Actor = { login: "not_ignored_user", association: "MEMBER" };
const { comment, review, closed, labeled, unlabeled, openedPull, readyForReview, convertedToDraft } = facts;

const firstResponseCases: PeerCase<ClockInput, number | null>[] = [
  {
    name: "the earlier of two comments is the first response",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response`,
    input: { item: issue(), events: [comment("2023-01-02T00:00:00Z", maya), comment("2023-01-02T12:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "no comment: no first response",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_no_comments`,
    input: { item: issue(), events: [] },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "a pull request's first review is a response",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_with_pull_request_comments`,
    input: { item: pull(), events: [review("2023-01-02T00:00:00Z", maya), review("2023-01-02T12:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "a comment before the first review wins",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_issue_comment_faster`,
    input: { item: pull(), events: [comment("2023-01-02T00:00:00Z", maya), review("2023-01-03T00:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "a review before the first comment wins",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_pull_request_comment_faster`,
    input: { item: pull(), events: [comment("2023-01-03T00:00:00Z", maya), review("2023-01-02T00:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "a PR opened as a draft: what was said before ready for review does not count, and time runs from ready",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_pull_request_comment_ignore_before_ready`,
    input: {
      item: pull({ updatedAt: at("2023-01-05T00:00:00Z") }),
      events: [
        openedPull("2023-01-01T00:00:00Z", true),
        comment("2023-01-02T00:00:00Z", maya),
        review("2023-01-02T12:00:00Z", maya),
        readyForReview("2023-01-03T00:00:00Z"),
        review("2023-01-04T00:00:00Z", maya),
        comment("2023-01-05T00:00:00Z", maya),
      ],
    },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "comments and reviews by ignored users do not count",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_ignore_users (IGNORE_USERS; Steward: ignoreUsers)`,
    input: {
      item: pull(),
      events: [
        comment("2023-01-02T00:00:00Z", ignoredUser),
        comment("2023-01-05T00:00:00Z", notIgnoredUser),
        review("2023-01-03T00:00:00Z", ignoredUser),
        review("2023-01-04T00:00:00Z", notIgnoredUser),
      ],
      yml: { ignoreUsers: ["ignored_user"] },
    },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    name: "only ignored users spoke: no first response",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_only_ignored_users`,
    input: {
      item: pull(),
      events: [
        comment("2023-01-02T00:00:00Z", ignoredUser),
        comment("2023-01-05T00:00:00Z", ignoredUser2),
        review("2023-01-03T00:00:00Z", ignoredUser),
        review("2023-01-04T12:00:00Z", ignoredUser2),
      ],
      yml: { ignoreUsers: ["ignored_user", "ignored_user2"] },
    },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "the author's own comments and reviews do not count",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_ignore_issue_owners_comment`,
    input: {
      item: pull({ authorLogin: "issue_owner" }),
      events: [
        comment("2023-01-02T00:00:00Z", { login: "issue_owner", association: "NONE" }),
        comment("2023-01-05T00:00:00Z", maintainer("other_user")),
        review("2023-01-03T00:00:00Z", { login: "issue_owner", association: "NONE" }),
        review("2023-01-04T00:00:00Z", maintainer("other_user")),
      ],
    },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    // The bot carries a maintainer's association here, so only its account type keeps it from counting.
    name: "a bot's comment and review do not count, whatever its association",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_ignore_bot`,
    input: {
      item: pull(),
      events: [
        comment("2023-01-02T00:00:00Z", { login: "ci-helper", type: "Bot", association: "MEMBER" }),
        review("2023-01-03T00:00:00Z", { login: "ci-helper", type: "Bot", association: "MEMBER" }),
        review("2023-01-04T00:00:00Z", maya),
      ],
    },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    name: "a community member's comment comes before the maintainer's",
    source: `${REPO} time_to_first_response.py ignore_comment (author, bots and IGNORE_USERS are the only exclusions); README "Available metrics"`,
    input: {
      item: issue(),
      events: [comment("2023-01-02T00:00:00Z", { login: "dave", association: "CONTRIBUTOR" }), comment("2023-01-04T00:00:00Z", maya)],
    },
    peerExpects: 24,
    stewardGives: 72,
    difference: "only maintainers stop Steward's clock: another community member's comment is no answer from the project",
  },
  {
    name: "closed by a maintainer without a word",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_no_comments (only comments and reviews are responses)`,
    input: { item: issue({ state: "closed", closedAt: at("2023-01-03T00:00:00Z") }), events: [closed("2023-01-03T00:00:00Z", maya)] },
    peerExpects: null,
    stewardGives: 48,
    difference: "a close or merge by someone other than the author answers the item: the community member got a decision",
  },
  {
    name: "an issue opened by a maintainer",
    source: `${REPO} README "Available metrics" (every issue and PR the search query finds is measured)`,
    input: { item: issue({ authorLogin: "olivia", authorAssociation: "OWNER" }), events: [comment("2023-01-02T00:00:00Z", maya)] },
    peerExpects: 24,
    stewardGives: null,
    difference: "only community items are on the clock: maintainers do not owe each other a first response",
  },
  {
    name: "an ignored user listed with other capitals",
    source: `${REPO} time_to_first_response.py ignore_comment (exact login match against IGNORE_USERS)`,
    input: {
      item: issue(),
      events: [comment("2023-01-02T00:00:00Z", ignoredUser), comment("2023-01-04T00:00:00Z", maya)],
      yml: { ignoreUsers: ["Ignored_User"] },
    },
    peerExpects: 24,
    stewardGives: 72,
    difference: "logins are compared without case, as GitHub compares them",
  },
  {
    name: "opened on Friday 16:00, answered on Monday 10:00, calendar hours",
    source: `${REPO} README "Available metrics" (the duration from creation to the initial comment or review)`,
    input: { item: issue({ createdAt: at("2023-01-06T16:00:00Z") }), events: [comment("2023-01-09T10:00:00Z", maya)] },
    peerExpects: 66,
    stewardGives: 66,
  },
  {
    name: "opened on Friday 16:00, answered on Monday 10:00, with business hours 09:00-17:00 on weekdays",
    source: `${REPO} README "Available metrics" (the duration from creation to the initial comment or review)`,
    input: {
      item: issue({ createdAt: at("2023-01-06T16:00:00Z") }),
      events: [comment("2023-01-09T10:00:00Z", maya)],
      yml: { response: { businessHours: { enabled: true } } },
    },
    peerExpects: 66,
    stewardGives: 2,
    difference: "with response.businessHours only working time counts, as a team that promises answers on working days measures it",
  },
  {
    name: "a day under an exempt label before the answer",
    source: `${REPO} README "Available metrics" (only draft time is left out)`,
    input: {
      item: issue({ updatedAt: at("2023-01-03T00:00:00Z") }),
      events: [labeled("2023-01-01T12:00:00Z", "blocked"), unlabeled("2023-01-02T12:00:00Z", "blocked"), comment("2023-01-03T00:00:00Z", maya)],
      yml: { response: { exemptLabels: ["blocked"] } },
    },
    peerExpects: 48,
    stewardGives: 24,
    difference: "time under a response.exemptLabels label is off the clock",
  },
  {
    name: "waiting for the author for a day before the answer",
    source: `${REPO} README "Available metrics" (only draft time is left out)`,
    input: {
      item: issue({ labels: ["waiting-for-author"], updatedAt: at("2023-01-03T00:00:00Z") }),
      events: [
        labeled("2023-01-01T06:00:00Z", "waiting-for-author"),
        comment("2023-01-02T06:00:00Z", { login: "newcomer", association: "NONE" }),
        comment("2023-01-03T00:00:00Z", maya),
      ],
    },
    peerExpects: 48,
    stewardGives: 24,
    difference: "the waiting-for-author label pauses the clock until the author replies",
  },
  {
    name: "a PR opened for review, back in draft for two days, then reviewed",
    source: `${REPO} time_to_ready_for_review.py (the first ready_for_review event) and README (draft time is left out)`,
    input: {
      item: pull({ updatedAt: at("2023-01-05T00:00:00Z") }),
      events: [
        openedPull("2023-01-01T00:00:00Z", false),
        convertedToDraft("2023-01-02T00:00:00Z"),
        readyForReview("2023-01-04T00:00:00Z"),
        review("2023-01-05T00:00:00Z", maya),
      ],
    },
    peerExpects: 24,
    stewardGives: 48,
    difference: "a PR opened for review starts its clock at the opening; only the time back in draft is off it",
  },
  {
    name: "a maintainer's comment on a PR opened as a draft, then a review after ready",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_pull_request_comment_ignore_before_ready`,
    input: {
      item: pull({ updatedAt: at("2023-01-04T00:00:00Z") }),
      events: [
        openedPull("2023-01-01T00:00:00Z", true),
        comment("2023-01-01T06:00:00Z", maya),
        readyForReview("2023-01-03T00:00:00Z"),
        review("2023-01-04T00:00:00Z", maya),
      ],
    },
    peerExpects: 24,
    stewardGives: 24,
  },
  {
    name: "the same draft with response.draftsOnClock",
    source: `${TTFR_TESTS}: test_measure_time_to_first_response_pull_request_comment_ignore_before_ready`,
    input: {
      item: pull({ updatedAt: at("2023-01-04T00:00:00Z") }),
      events: [
        openedPull("2023-01-01T00:00:00Z", true),
        comment("2023-01-01T06:00:00Z", maya),
        readyForReview("2023-01-03T00:00:00Z"),
        review("2023-01-04T00:00:00Z", maya),
      ],
      yml: { response: { draftsOnClock: true } },
    },
    peerExpects: 24,
    stewardGives: 6,
    difference: "response.draftsOnClock puts drafts on the clock from their opening, for projects that review drafts",
  },
];

interface StartInput {
  item: ClockItem;
  events: ClockEvent[];
}

/** Where Steward's first-response measurement starts (ISO), or null while it has not started. */
function measurementStart({ item, events }: StartInput): string | null {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const start = clockStart(item, sorted, false);
  return start === null ? null : new Date(start).toISOString();
}

// issue-metrics measures from ready_for_review_at when it has one, else from created_at
// (time_to_first_response.py), so its expected start is the creation whenever that function says None.
const startCases: PeerCase<StartInput, string | null>[] = [
  {
    name: "a PR that is still a draft",
    source: `${REPO} test_time_to_ready_for_review.py: test_time_to_ready_for_review_draft (None, so measured from creation)`,
    input: { item: pull({ draft: true, createdAt: at("2021-01-01T00:00:00Z") }), events: [openedPull("2021-01-01T00:00:00Z", true)] },
    peerExpects: "2021-01-01T00:00:00.000Z",
    stewardGives: null,
    difference: "a draft never marked ready asks for no review yet: its clock has not started",
  },
  {
    name: "a PR marked ready for review",
    source: `${REPO} test_time_to_ready_for_review.py: test_get_time_to_ready_for_review_event`,
    input: {
      item: pull({ createdAt: at("2020-12-31T00:00:00Z"), updatedAt: at("2021-01-01T00:00:00Z") }),
      events: [openedPull("2020-12-31T00:00:00Z", true), readyForReview("2021-01-01T00:00:00Z")],
    },
    peerExpects: "2021-01-01T00:00:00.000Z",
    stewardGives: "2021-01-01T00:00:00.000Z",
  },
  {
    name: "a PR never in draft",
    source: `${REPO} test_time_to_ready_for_review.py: test_get_time_to_ready_for_review_no_event (None, so measured from creation)`,
    input: { item: pull({ createdAt: at("2021-01-01T00:00:00Z") }), events: [openedPull("2021-01-01T00:00:00Z", false)] },
    peerExpects: "2021-01-01T00:00:00.000Z",
    stewardGives: "2021-01-01T00:00:00.000Z",
  },
];

interface SpanInput {
  item: ClockItem;
  events: ClockEvent[];
  /** The one label measured (an exempt label to Steward, or its waiting-for-author label); none: the draft spans. */
  label?: string;
  /** Measure `label` as the waiting-for-author label, whose pause the author's reply ends. */
  waiting?: boolean;
  now: string;
}

/**
 * Hours the item spent in draft (or under `label`) during its life: Steward's off-clock spans of
 * that one condition, up to the close (the clock stops there) or `now`. Null when there is no span.
 */
function offClockHours({ item, events, label, waiting = false, now }: SpanInput): number | null {
  const exemptLabels = label === undefined || waiting ? [] : [label];
  const rules = { exemptLabels, waitingLabel: waiting && label !== undefined ? label : "waiting-for-author", draftsOnClock: label !== undefined };
  const { spans } = offClockSpans(item, events, rules, at(now));
  if (spans.length === 0) return null;
  return inHours(spanTimeWithin(spans, item.createdAt.getTime(), (item.closedAt ?? at(now)).getTime()));
}

const DRAFT_TESTS = `${REPO} test_time_in_draft.py`;
const draftPull = (overrides: Partial<ClockItem>) => pull({ createdAt: at("2020-12-31T00:00:00Z"), ...overrides });

const draftCases: PeerCase<SpanInput, number | null>[] = [
  {
    name: "in draft from one day to two days later",
    source: `${DRAFT_TESTS}: test_time_in_draft_with_ready_for_review`,
    input: {
      item: draftPull({ updatedAt: at("2021-01-03T00:00:00Z") }),
      events: [convertedToDraft("2021-01-01T00:00:00Z"), readyForReview("2021-01-03T00:00:00Z")],
      now: "2021-01-10T00:00:00Z",
    },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "still in draft three days later",
    source: `${DRAFT_TESTS}: test_time_in_draft_without_ready_for_review, test_time_in_draft_ongoing_draft`,
    input: {
      item: draftPull({ draft: true, updatedAt: at("2021-01-01T00:00:00Z") }),
      events: [convertedToDraft("2021-01-01T00:00:00Z")],
      now: "2021-01-04T00:00:00Z",
    },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    name: "two spells in draft add up",
    source: `${DRAFT_TESTS}: test_time_in_draft_multiple_intervals`,
    input: {
      item: draftPull({ updatedAt: at("2021-01-07T00:00:00Z") }),
      events: [
        convertedToDraft("2021-01-01T00:00:00Z"),
        readyForReview("2021-01-03T00:00:00Z"),
        convertedToDraft("2021-01-05T00:00:00Z"),
        readyForReview("2021-01-07T00:00:00Z"),
      ],
      now: "2021-01-10T00:00:00Z",
    },
    peerExpects: 96,
    stewardGives: 96,
  },
  {
    name: "never in draft",
    source: `${DRAFT_TESTS}: test_time_in_draft_no_draft_events`,
    input: { item: draftPull({}), events: [], now: "2021-01-10T00:00:00Z" },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "closed while still in draft",
    source: `${DRAFT_TESTS}: test_time_in_draft_without_ready_for_review_and_closed`,
    input: {
      item: draftPull({ draft: true, state: "closed", closedAt: at("2021-01-03T00:00:00Z"), updatedAt: at("2021-01-03T00:00:00Z") }),
      events: [convertedToDraft("2021-01-01T00:00:00Z")],
      now: "2021-01-10T00:00:00Z",
    },
    peerExpects: null,
    stewardGives: 48,
    difference: "Steward has no time-in-draft figure; to its clock, a draft closed as such was off the clock until the close",
  },
  {
    name: "opened as a draft, ready two days later",
    source: `${DRAFT_TESTS}: test_time_in_draft_initially_created_as_draft`,
    input: {
      item: pull({ createdAt: at("2021-01-01T00:00:00Z"), updatedAt: at("2021-01-03T00:00:00Z") }),
      events: [openedPull("2021-01-01T00:00:00Z", true), readyForReview("2021-01-03T00:00:00Z")],
      now: "2021-01-10T00:00:00Z",
    },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "opened as a draft and still one (no event at all)",
    source: `${DRAFT_TESTS}: test_time_in_draft_initially_created_as_draft_still_open`,
    input: { item: pull({ draft: true, createdAt: at("2021-01-01T00:00:00Z") }), events: [], now: "2021-01-04T00:00:00Z" },
    peerExpects: 72,
    stewardGives: 72,
  },
];

const LABEL_TESTS = `${REPO} test_labels.py`;
const labelledIssue = (open: boolean) =>
  issue({
    createdAt: at("2020-01-01T00:00:00Z"),
    labels: ["feature"],
    state: open ? "open" : "closed",
    closedAt: open ? null : at("2021-01-05T00:00:00Z"),
    updatedAt: at("2021-01-05T00:00:00Z"),
  });
const labelEvents = [labeled("2021-01-01T00:00:00Z", "bug"), labeled("2021-01-02T00:00:00Z", "feature"), unlabeled("2021-01-03T00:00:00Z", "bug")];

const labelCases: PeerCase<SpanInput, number | null>[] = [
  {
    name: "a label put on and taken off two days later, closed issue",
    source: `${LABEL_TESTS}: test_get_label_metrics_closed_issue (bug)`,
    input: { item: labelledIssue(false), events: labelEvents, label: "bug", now: "2021-01-10T00:00:00Z" },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "a label still on at the close counts up to the close",
    source: `${LABEL_TESTS}: test_get_label_metrics_closed_issue (feature)`,
    input: { item: labelledIssue(false), events: labelEvents, label: "feature", now: "2021-01-10T00:00:00Z" },
    peerExpects: 72,
    stewardGives: 72,
  },
  {
    name: "a label put on and taken off, open issue",
    source: `${LABEL_TESTS}: test_get_label_metrics_open_issue (bug)`,
    input: { item: labelledIssue(true), events: labelEvents, label: "bug", now: "2021-01-10T00:00:00Z" },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "a label still on an open issue counts up to now",
    source: `${LABEL_TESTS}: test_get_label_metrics_open_issue (feature: from the labelling to now)`,
    input: { item: labelledIssue(true), events: labelEvents, label: "feature", now: "2021-01-10T00:00:00Z" },
    peerExpects: 192,
    stewardGives: 192,
  },
  {
    name: "the waiting-for-author label, still on after the author replied",
    source: `${LABEL_TESTS}: test_get_label_metrics_closed_issue (a label still on counts up to the close)`,
    input: {
      item: issue({ labels: ["waiting-for-author"], state: "closed", closedAt: at("2023-01-05T00:00:00Z"), updatedAt: at("2023-01-05T00:00:00Z") }),
      events: [labeled("2023-01-01T00:00:00Z", "waiting-for-author"), comment("2023-01-02T00:00:00Z", { login: "newcomer", association: "NONE" })],
      label: "waiting-for-author",
      waiting: true,
      now: "2023-01-10T00:00:00Z",
    },
    peerExpects: 96,
    stewardGives: 24,
    difference: "the waiting-for-author pause ends at the author's reply, whether or not the label comes off",
  },
];

interface StatInput {
  /** Durations in hours; items without one are left out before (both tools drop them). */
  hours: number[];
  stat: "median" | "p90";
}

const statOf = ({ hours, stat }: StatInput): number | null => (stat === "median" ? median(hours) : percentile(hours, 90));

const statCases: PeerCase<StatInput, number | null>[] = [
  {
    name: "median time to first response of 1 day, 2 days and one unanswered",
    source: `${TTFR_TESTS}: test_get_stats_time_to_first_response (med)`,
    input: { hours: [24, 48], stat: "median" },
    peerExpects: 36,
    stewardGives: 36,
  },
  {
    name: "90th percentile time to first response of 1 day, 2 days and one unanswered",
    source: `${TTFR_TESTS}: test_get_stats_time_to_first_response (90p, numpy's linear interpolation: 1.9 days)`,
    input: { hours: [24, 48], stat: "p90" },
    peerExpects: 45.6,
    stewardGives: 48,
    difference: "Steward's percentiles are nearest-rank: always a wait some item really had, never an interpolation",
  },
  {
    name: "median when no item was answered",
    source: `${TTFR_TESTS}: test_get_stats_time_to_first_response_with_all_none`,
    input: { hours: [], stat: "median" },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "90th percentile when no item was answered",
    source: `${TTFR_TESTS}: test_get_stats_time_to_first_response_with_all_none`,
    input: { hours: [], stat: "p90" },
    peerExpects: null,
    stewardGives: null,
  },
  {
    name: "median time in draft of 1, 2 and 3 days",
    source: `${DRAFT_TESTS}: test_get_stats_time_in_draft_with_data (med)`,
    input: { hours: [24, 48, 72], stat: "median" },
    peerExpects: 48,
    stewardGives: 48,
  },
  {
    name: "90th percentile time in draft of 1, 2 and 3 days",
    source: `${DRAFT_TESTS}: test_get_stats_time_in_draft_with_data (90p: 2 days 19.2 hours)`,
    input: { hours: [24, 48, 72], stat: "p90" },
    peerExpects: 67.2,
    stewardGives: 72,
    difference: "Steward's percentiles are nearest-rank: always a wait some item really had, never an interpolation",
  },
  {
    name: "median over items that have no value, or no items",
    source: `${DRAFT_TESTS}: test_get_stats_time_in_draft_no_data, test_get_stats_time_in_draft_empty_list`,
    input: { hours: [], stat: "median" },
    peerExpects: null,
    stewardGives: null,
  },
];

peerTable("issue-metrics: time to first response", firstResponseCases, firstResponseHours);
peerTable("issue-metrics: where a pull request's first-response time starts", startCases, measurementStart);
peerTable("issue-metrics: time in draft (Steward: draft time off the clock)", draftCases, offClockHours);
peerTable("issue-metrics: time in a label (Steward: exempt-label time off the clock)", labelCases, offClockHours);
peerTable("issue-metrics: median and 90th percentile", statCases, statOf);

describe("issue-metrics rows", () => {
  it("are well formed", () => {
    checkRows([...firstResponseCases, ...startCases, ...draftCases, ...labelCases, ...statCases] as PeerCase<unknown, unknown>[]);
  });
});
