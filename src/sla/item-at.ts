import { CLOSE_EVENT_KINDS, REOPEN_EVENT_KINDS, type ClockEvent, type ClockItem } from "../domain/clock.js";

const CLOSES: ReadonlySet<string> = new Set(CLOSE_EVENT_KINDS);
const REOPENS: ReadonlySet<string> = new Set(REOPEN_EVENT_KINDS);
const isStateChange = (event: ClockEvent) => CLOSES.has(event.kind) || REOPENS.has(event.kind);
const sameLabel = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * An item as it was at `now`, for a clock at a past instant (docs/architecture.md, "One digest,
 * one truth"): null when it was opened after `now`. The store keeps only an item's latest state,
 * so a row last updated by `now` is the item at `now` and comes back as it is: the present, and
 * every item nothing happened to since. A row updated after `now` is taken back through its state
 * facts (`stateFacts`: closes, reopens, labels, draft changes; any time, any order):
 *
 * - open or closed: as the last close or reopen at or before `now` left it; without one, the
 *   first after `now` tells what it undid, and without any the row's state holds, with its close
 *   counted only if it came by `now`;
 * - labels and draft: the row's, with each change after `now` undone, newest first;
 * - last update: its latest state fact by `now`, else its opening. The clock reads it only to date
 *   a change whose fact is missing, and the row's own date is later than `now`.
 *
 * The title, the author and the rest stay as the row has them: no fact records their past. Pure.
 */
export function itemAt(item: ClockItem, stateFacts: readonly ClockEvent[], now: Date): ClockItem | null {
  const at = now.getTime();
  if (item.createdAt.getTime() > at) return null;
  if (item.updatedAt.getTime() <= at) return item;
  const sorted = [...stateFacts].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const known = sorted.filter((event) => event.occurredAt.getTime() <= at);
  const later = sorted.filter((event) => event.occurredAt.getTime() > at);
  const closedAt = closedAtThen(item, known, later, at);
  const lastKnown = known.at(-1)?.occurredAt;
  return {
    ...item,
    state: closedAt === undefined ? "open" : "closed",
    closedAt: closedAt ?? null,
    labels: labelsThen(item.labels, later),
    draft: draftThen(item.draft, later),
    updatedAt: lastKnown && lastKnown > item.createdAt ? lastKnown : item.createdAt,
  };
}

/** When the item was closed as of `at`: a date, null for a close the ledger does not date, undefined while open. */
function closedAtThen(item: ClockItem, known: readonly ClockEvent[], later: readonly ClockEvent[], at: number): Date | null | undefined {
  const last = known.findLast(isStateChange);
  if (last) return CLOSES.has(last.kind) ? last.occurredAt : undefined;
  const next = later.find(isStateChange);
  // Reopened after `at` with no close before it in the ledger: closed then, since before its facts began.
  if (next) return REOPENS.has(next.kind) ? null : undefined;
  return item.state === "closed" && item.closedAt !== null && item.closedAt.getTime() <= at ? item.closedAt : undefined;
}

/** The labels before the changes `later` (oldest first): each undone, newest first. */
function labelsThen(labels: readonly string[], later: readonly ClockEvent[]): string[] {
  let then = [...labels];
  for (const event of [...later].reverse()) {
    const target = typeof event.data?.target === "string" ? event.data.target : null;
    if (target === null) continue;
    if (event.kind.endsWith(".labeled")) then = then.filter((label) => !sameLabel(label, target));
    else if (event.kind.endsWith(".unlabeled") && !then.some((label) => sameLabel(label, target))) then.push(target);
  }
  return then;
}

/** Whether a pull request was a draft before the changes `later`: the first of them tells from what state it went. */
function draftThen(draft: boolean, later: readonly ClockEvent[]): boolean {
  const first = later.find((event) => event.kind === "pull_request.ready_for_review" || event.kind === "pull_request.converted_to_draft");
  return first ? first.kind === "pull_request.ready_for_review" : draft;
}
