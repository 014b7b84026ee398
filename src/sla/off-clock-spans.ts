import type { ClockEvent, ClockItem, Span } from "../domain/clock.js";
import { samePerson } from "../domain/identity.js";
import { onlyCommands } from "./command-facts.js";

export interface OffClockRules {
  exemptLabels: readonly string[];
  waitingLabel: string;
  /** Drafts count like any item (`response.draftsOnClock`): no draft span is off the clock. */
  draftsOnClock?: boolean;
}

/** When the item was off the clock, and why it is off now (if it is). */
export interface OffClock {
  /** Merged, sorted spans in which the clock did not run (draft, exempt label, waiting label). */
  spans: Span[];
  /** Draft or carrying an exempt label now. */
  exemptNow: boolean;
  /** Carrying the waiting-for-author label now, with no reply from the author since it was put on. */
  pausedNow: boolean;
  /**
   * The author's reply (epoch ms) that lifted the waiting label the item still carries: the label
   * to take off (`response.removeWaitingLabelOnReply`). Null when there is none to take off.
   */
  waitingLiftedAt: number | null;
}

const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Replays label and draft events in time order (they may have been delivered out of order) into
 * the spans each condition held. The item's stored state is the truth about the present: a
 * condition it shows but no event started is taken to hold since the item was opened (history
 * from before Steward), and one the events leave open but the item no longer shows ended at the
 * item's last update (a lost delivery). The waiting-for-author pause also ends with the author's
 * reply, whoever put the label on and whether or not it comes off: otherwise an author who
 * answered would never be waited for again, never reminded and never a miss.
 */
export function offClockSpans(item: ClockItem, events: readonly ClockEvent[], rules: OffClockRules, now: Date): OffClock {
  const sorted = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const opened = item.createdAt.getTime();
  const end = Math.max(now.getTime(), opened);
  const spans: Span[] = [];
  const draftsOff = item.isPull && rules.draftsOnClock !== true;
  const labelCondition = (label: string, liftedByReply: boolean): Condition => ({
    changeOf: (event) => labelChange(event, label),
    holdsNow: item.labels.some((l) => sameLabel(l, label)),
    liftedByReply,
    role: liftedByReply ? "waiting-label" : "exempt",
  });
  const conditions: Condition[] = [
    ...rules.exemptLabels.map((label) => labelCondition(label, false)),
    labelCondition(rules.waitingLabel, true),
    ...(draftsOff ? [{ changeOf: draftChange, holdsNow: item.draft, liftedByReply: false, role: "exempt" as const }] : []),
    // A maintainer's `/steward exempt` (until `/steward include`) and `/steward waiting` (until the
    // author replies) hold like the labels they mirror; no label shows them, so the facts alone decide.
    { changeOf: commandExemptChange, holdsNow: null, liftedByReply: false, role: "exempt" },
    { changeOf: (event) => (event.kind === "command.waiting" ? true : null), holdsNow: null, liftedByReply: true, role: "waiting-command" },
  ];
  let pausedNow = false;
  let exemptByCommand = false;
  let waitingLiftedAt: number | null = null;
  for (const condition of conditions) {
    const { changeOf, holdsNow } = condition;
    const seen = sorted.some((event) => changeOf(event) !== null);
    // A label from before Steward that a reply may lift: it held from the opening.
    let since: number | null = condition.liftedByReply && holdsNow === true && !seen ? opened : null;
    let liftedAt: number | null = null;
    for (const event of sorted) {
      const at = Math.max(event.occurredAt.getTime(), opened);
      if (condition.liftedByReply && isAuthorReply(event, item)) {
        if (since !== null) {
          spans.push({ start: since, end: at });
          since = null;
          liftedAt = at;
        }
        continue;
      }
      const change = changeOf(event);
      if (change === null) continue;
      liftedAt = null;
      if (change && since === null) since = at;
      if (!change && since !== null) {
        spans.push({ start: since, end: at });
        since = null;
      }
    }
    if (holdsNow === true && since === null && liftedAt === null) since = seen ? item.updatedAt.getTime() : opened;
    if (holdsNow === false && since !== null) {
      spans.push({ start: since, end: Math.max(since, item.updatedAt.getTime()) });
      since = null;
    }
    if (since !== null) spans.push({ start: since, end });
    if (condition.role === "waiting-label") {
      pausedNow ||= since !== null;
      waitingLiftedAt = holdsNow ? liftedAt : null;
    }
    if (condition.role === "waiting-command") pausedNow ||= since !== null;
    if (condition.role === "exempt" && holdsNow === null) exemptByCommand = since !== null;
  }
  const has = (label: string) => item.labels.some((l) => sameLabel(l, label));
  return {
    spans: mergeSpans(spans),
    exemptNow: (draftsOff && item.draft) || rules.exemptLabels.some(has) || exemptByCommand,
    pausedNow,
    waitingLiftedAt,
  };
}

/**
 * One reason the clock may stop: how a fact changes it (on, off, or not about it), whether the
 * item shows it now (null: nothing on the item shows it, as for a command), and whether the
 * author's reply ends it.
 */
interface Condition {
  changeOf: (event: ClockEvent) => boolean | null;
  holdsNow: boolean | null;
  liftedByReply: boolean;
  role: "exempt" | "waiting-label" | "waiting-command";
}

/** `/steward exempt` takes the item off the clock, `/steward include` puts it back. */
function commandExemptChange(event: ClockEvent): boolean | null {
  if (event.kind === "command.exempt") return true;
  if (event.kind === "command.include") return false;
  return null;
}

/** The kinds by which the author answers: a comment, a review, a comment in a review thread. */
const REPLY_KINDS = new Set(["issue_comment.created", "pull_request_review.submitted", "pull_request_review_comment.created"]);

/**
 * The item's author speaking on it: the same account id where both are known, so a reply under a
 * new login still lifts the pause after a rename; else the login, compared as GitHub does, without case.
 */
export function isAuthorReply(
  event: Pick<ClockEvent, "kind" | "actorLogin" | "actorId"> & { data?: ClockEvent["data"] },
  item: Pick<ClockItem, "authorLogin" | "authorId">,
): boolean {
  return (
    REPLY_KINDS.has(event.kind) &&
    !onlyCommands(event) &&
    samePerson({ login: event.actorLogin, id: event.actorId }, { login: item.authorLogin, id: item.authorId })
  );
}

/** true: the label was put on; false: taken off; null: the event is about something else. */
function labelChange(event: ClockEvent, label: string): boolean | null {
  const target = typeof event.data?.target === "string" ? event.data.target : null;
  if (target === null || !sameLabel(target, label)) return null;
  if (event.kind.endsWith(".labeled")) return true;
  if (event.kind.endsWith(".unlabeled")) return false;
  return null;
}

function draftChange(event: ClockEvent): boolean | null {
  if (event.kind === "pull_request.opened") return event.data?.draft === true;
  if (event.kind === "pull_request.converted_to_draft") return true;
  if (event.kind === "pull_request.ready_for_review") return false;
  return null;
}

/** Sorted, non-overlapping spans covering the same time as `spans`. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `[from, to)` minus the (merged, sorted) `holes`. */
export function subtractSpans(from: number, to: number, holes: readonly Span[]): Span[] {
  const left: Span[] = [];
  let cursor = from;
  for (const hole of holes) {
    if (hole.end <= cursor) continue;
    if (hole.start >= to) break;
    if (hole.start > cursor) left.push({ start: cursor, end: hole.start });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < to) left.push({ start: cursor, end: to });
  return left;
}
