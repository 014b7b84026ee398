import type { StewardConfig } from "../config/schema.js";
import { samePerson } from "../domain/identity.js";
import { isBot, isCommunity, isMaintainer, type Person } from "../people/roles.js";
import { workingMs } from "./business-time.js";
import type { ClockEvent, ClockItem, Span } from "../domain/clock.js";
import { clockStart } from "./clock-start.js";
import { onlyCommands, snoozedUntil, withoutUnauthorizedCommands } from "./command-facts.js";
import { kindRules } from "./kind-rules.js";
import { offClockSpans, subtractSpans } from "./off-clock-spans.js";

export type ClockStage =
  /** Not a community item (a maintainer's or a bot's): never on the clock. */
  | "not-on-clock"
  /** No response yet, within the at-risk share of the goal. */
  | "waiting"
  | "at-risk"
  | "breached"
  /** No response yet, but off the clock now: a draft or an exempt label. */
  | "exempt"
  /** No response yet, but paused now: waiting for the author. */
  | "paused"
  /** Closed before any maintainer responded (by its author, say). */
  | "closed-unanswered"
  | "answered"
  /** Answered, and since then a community member has waited `followUpDays` for a maintainer. */
  | "follow-up-due";

export interface FirstResponse {
  at: Date;
  by: string;
  /** The ledger kind of the response (a comment, a review, a close). */
  kind: string;
  /** Time on the clock from the item's opening to the response. */
  clockMs: number;
}

/** A community member's word that no maintainer has answered yet. */
export interface OpenWait {
  /** The first unanswered community comment after the last maintainer word: the wait's start. */
  since: Date;
  by: string;
  /** Their account id, where the fact gave one: by it a reminder names them by their newest login. */
  byId: number | null;
  due: boolean;
}

export interface ResponseClock {
  number: number;
  onClock: boolean;
  startedAt: Date;
  firstResponse: FirstResponse | null;
  /** Spans (epoch ms) in which the clock did not run. */
  offSpans: Span[];
  /** Time on the clock so far: to the first response, else to the close, else to `now`. */
  clockMs: number;
  goalMs: number;
  stage: ClockStage;
  /** Set on answered items whose last word is a community member's. */
  openWait: OpenWait | null;
  /**
   * The author's reply that lifted the waiting-for-author label the item still carries, if any:
   * the label that `response.removeWaitingLabelOnReply` takes off.
   */
  waitingReplyAt: Date | null;
  /** Until when a maintainer's `/steward snooze` silences reminders; the figures above ignore it. */
  snoozedUntil: Date | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The stages of an item that waits for a maintainer's first response with its clock running. */
const WAITING_STAGES: ReadonlySet<ClockStage> = new Set(["waiting", "at-risk", "breached"]);

/**
 * Whether the item waits for a first response now, its clock running: what "waiting" means in the
 * digest and the sweep. Not a draft never marked ready (nothing was asked yet), not an item off the
 * clock by an exempt label, not one paused while its author is asked for something (it waits for
 * the author, not for a maintainer), and not one answered or closed.
 */
export function isWaitingForResponse(clock: ResponseClock): boolean {
  return WAITING_STAGES.has(clock.stage);
}

const CONVERSATION_KINDS = new Set([
  "issue_comment.created",
  "discussion_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
]);
const CLOSING_KINDS = new Set(["issues.closed", "pull_request.closed", "pull_request.merged"]);

/**
 * The response clock of one item at `now` (docs/architecture.md, "Words"): when it started, its first response,
 * the time on the clock (working time where business hours are configured, never counting drafts,
 * exempt or waiting-for-author spans) and the stage that decides reminders. A PR opened as a
 * draft starts at "ready for review", and only responses from then on count (`clockStart`). Pure.
 */
export function computeResponseClock(item: ClockItem, events: readonly ClockEvent[], config: StewardConfig, now: Date): ResponseClock {
  const response = config.response;
  // The item's own kind decides its goal and which labels exempt it (`response.issues` / `.pullRequests`).
  const rules = kindRules(response, item.isPull);
  const goalMs = rules.goalHours * HOUR;
  const author: Person = { login: item.authorLogin, type: item.authorType, association: item.authorAssociation };
  const unstarted = { number: item.number, startedAt: item.createdAt, goalMs, openWait: null, waitingReplyAt: null, snoozedUntil: null };
  if (!isCommunity(author, config)) {
    return { ...unstarted, onClock: false, firstResponse: null, offSpans: [], clockMs: 0, stage: "not-on-clock" };
  }
  const sorted = withoutUnauthorizedCommands(events, config).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const off = offClockSpans(item, sorted, { ...response, exemptLabels: rules.exemptLabels }, now);
  const waitingReplyAt = off.waitingLiftedAt === null ? null : new Date(off.waitingLiftedAt);
  const start = clockStart(item, sorted, response.draftsOnClock);
  if (start === null) {
    // A draft never marked ready for review: nothing has been asked of the maintainers yet.
    const stage = item.state === "closed" ? "closed-unanswered" : "exempt";
    return { ...unstarted, waitingReplyAt, onClock: true, firstResponse: null, offSpans: off.spans, clockMs: 0, stage };
  }
  const startedAt = new Date(start);
  const base = { ...unstarted, startedAt, waitingReplyAt, snoozedUntil: snoozedUntil(sorted, now) };
  const measure = (to: number) => clockTime(start, to, off.spans, config);
  // Responses count from the start; at the opening, `respondent` allows for clock skew itself.
  const counts = (event: ClockEvent) => start === item.createdAt.getTime() || event.occurredAt.getTime() >= start;

  const first = sorted.find((event) => counts(event) && respondent(event, item, config) !== null);
  if (first) {
    const at = first.occurredAt;
    const firstResponse = { at, by: respondent(first, item, config)!, kind: first.kind, clockMs: measure(at.getTime()) };
    const openWait = followUpWait(sorted, item, config, now);
    const stage = openWait?.due && item.state === "open" ? "follow-up-due" : "answered";
    return { ...base, onClock: true, firstResponse, offSpans: off.spans, clockMs: firstResponse.clockMs, stage, openWait };
  }
  const stoppedAt = item.state === "closed" ? (item.closedAt ?? item.updatedAt) : now;
  const clockMs = measure(Math.min(stoppedAt.getTime(), now.getTime()));
  let stage: ClockStage;
  if (item.state === "closed") stage = "closed-unanswered";
  else if (off.exemptNow) stage = "exempt";
  else if (off.pausedNow) stage = "paused";
  else if (clockMs >= goalMs) stage = "breached";
  else if (clockMs >= goalMs * response.atRiskRatio) stage = "at-risk";
  else stage = "waiting";
  return { ...base, onClock: true, firstResponse: null, offSpans: off.spans, clockMs, stage };
}

/** Time on the clock in `[from, to)`, leaving out `offSpans`. */
function clockTime(from: number, to: number, offSpans: Span[], config: StewardConfig): number {
  const hours = config.response.businessHours;
  return subtractSpans(from, to, offSpans).reduce(
    (sum, span) => sum + (hours.enabled ? workingMs(span.start, span.end, hours) : span.end - span.start),
    0,
  );
}

/**
 * Who responded with this event, if it is a response: a maintainer's comment or review on someone
 * else's item, or its closing (or merging) by someone other than the author. Close events carry no
 * association, but only people with triage or write access can close someone else's item, and
 * only people with write access can merge: maintainers by definition.
 */
export function respondent(event: ClockEvent, item: ClockItem, config: StewardConfig): string | null {
  if (event.occurredAt.getTime() < item.createdAt.getTime() - 60_000) return null;
  // The author by account id where both are known: a rename keeps it, and the login given up may be someone else's now.
  const author = { login: item.authorLogin, id: item.authorId };
  const actor = { login: event.actorLogin, id: event.actorId };
  if (CONVERSATION_KINDS.has(event.kind)) {
    if (onlyCommands(event)) return null;
    const person = { login: event.actorLogin, type: event.actorType, association: event.association };
    return isMaintainer(person, config) && !samePerson(actor, author) ? event.actorLogin : null;
  }
  if (!CLOSING_KINDS.has(event.kind)) return null;
  // A merge fact's actor is the author; its merger is named by login only.
  const closer = event.kind === "pull_request.merged" ? (typeof event.data?.mergedBy === "string" ? { login: event.data.mergedBy } : null) : actor;
  if (closer === null || samePerson(closer, author)) return null;
  const person = { login: closer.login, type: event.kind === "pull_request.merged" ? null : event.actorType, association: null };
  return isBot(person, config) ? null : closer.login;
}

/**
 * The wait of a community member on an answered item: the first community comment after the last
 * maintainer word (comment, review or close), if any; due once `followUpDays` have passed
 * (calendar days: a week of silence is a week, working hours or not).
 */
function followUpWait(sorted: readonly ClockEvent[], item: ClockItem, config: StewardConfig, now: Date): OpenWait | null {
  let wait: { since: Date; by: string; byId: number | null } | null = null;
  for (const event of sorted) {
    if (respondent(event, item, config) !== null) {
      wait = null;
      continue;
    }
    if (!CONVERSATION_KINDS.has(event.kind) || onlyCommands(event)) continue;
    // Not a response, so not a maintainer's: the author's or another community member's word.
    const person = { login: event.actorLogin, type: event.actorType, association: event.association };
    if (!isBot(person, config) && wait === null) wait = { since: event.occurredAt, by: event.actorLogin, byId: event.actorId ?? null };
  }
  if (!wait) return null;
  const due = now.getTime() - wait.since.getTime() >= config.response.followUpDays * DAY;
  return { ...wait, due };
}
