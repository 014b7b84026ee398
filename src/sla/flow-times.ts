import type { StewardConfig } from "../config/schema.js";
import type { ClockEvent, ClockItem } from "../domain/clock.js";
import type { Period } from "../domain/figures.js";
import { samePerson } from "../domain/identity.js";
import { isMaintainer } from "../people/roles.js";
import { clockStart } from "./clock-start.js";

/**
 * How long one item took to reach the steps after its first response, for the steps it reached
 * within a period: milliseconds of calendar time, null for a step it did not reach in the period.
 */
export interface FlowTimes {
  firstReviewMs: number | null;
  mergeMs: number | null;
  closeMs: number | null;
}

const CLOSE_KINDS = new Set(["issues.closed", "pull_request.closed", "pull_request.merged"]);
/** Reviews arrive stamped by GitHub; one a little before the opening fact is clock skew, as in `respondent`. */
const SKEW_MS = 60_000;

/**
 * The flow times of one item whose steps fall in `period` (half-open). Pure; `events` are the
 * item's clock facts in any order.
 *
 * - **Close**: from the opening to the last close (or merge) in the period, for every item,
 *   drafts included, as issue-metrics measures it: it is the whole time the author waited for an
 *   outcome, and a pull request closed while still a draft has no "ready for review" to start from.
 *   An item closed, reopened and closed again counts in each period that holds a close.
 * - **Merge** and **first review** (pull requests only): from "ready for review" (`clockStart`
 *   without `draftsOnClock`: the opening, unless the PR was opened as a draft), so the time the
 *   author spent drafting is not counted against the reviewers.
 * - **First review**: the first submitted review, at or after that start, by a maintainer other
 *   than the author (bots are never maintainers). Maintainers only, like the first response: only
 *   reviews by people with write access count toward a protected branch's required approvals, so
 *   a community member's review does not move the PR toward its merge; and the two figures then
 *   speak of the same people. It counts in the period it was submitted in.
 *
 * Calendar time, without business hours or pauses: these figures describe how work flows, not the
 * promise the response goal makes, and they compare with other tools' figures that way.
 */
export function flowTimes(item: ClockItem, events: readonly ClockEvent[], config: StewardConfig, period: Period): FlowTimes {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const inPeriod = (event: ClockEvent) => event.occurredAt >= period.start && event.occurredAt < period.end;
  const opened = item.createdAt.getTime();
  const lastClose = sorted.filter((event) => CLOSE_KINDS.has(event.kind) && inPeriod(event)).at(-1);
  const closeMs = lastClose ? Math.max(0, lastClose.occurredAt.getTime() - opened) : null;
  if (!item.isPull) return { firstReviewMs: null, mergeMs: null, closeMs };

  const ready = clockStart(item, sorted, false);
  if (ready === null) return { firstReviewMs: null, mergeMs: null, closeMs };
  const counts = (event: ClockEvent) => event.occurredAt.getTime() >= (ready === opened ? opened - SKEW_MS : ready);
  const review = sorted.find((event) => event.kind === "pull_request_review.submitted" && counts(event) && isReviewer(event, item, config));
  const firstReviewMs = review && inPeriod(review) ? Math.max(0, review.occurredAt.getTime() - ready) : null;
  const merge = sorted.find((event) => event.kind === "pull_request.merged");
  // A draft cannot be merged, so a start after the merge is a guess from the PR's last update (its
  // "ready for review" fact is missing): left out rather than counted as an instant merge.
  const mergeMs = merge && inPeriod(merge) && merge.occurredAt.getTime() >= ready ? merge.occurredAt.getTime() - ready : null;
  return { firstReviewMs, mergeMs, closeMs };
}

function isReviewer(event: ClockEvent, item: ClockItem, config: StewardConfig): boolean {
  if (samePerson({ login: event.actorLogin, id: event.actorId }, { login: item.authorLogin, id: item.authorId })) return false;
  return isMaintainer({ login: event.actorLogin, type: event.actorType, association: event.association }, config);
}
