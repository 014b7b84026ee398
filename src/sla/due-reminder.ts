import type { ClockItem } from "../domain/clock.js";
import type { ResponseClock } from "./response-clock.js";

export type ReminderKind = "at-risk" | "breached" | "follow-up";

/** A reminder an item is due for now, with the key that makes it happen once ever. */
export interface DueReminder {
  kind: ReminderKind;
  number: number;
  /** The side-effect kind, e.g. `response.at-risk`. */
  effectKind: string;
  /** "" for the once-per-item reminders; the ISO time the wait started for a follow-up. */
  period: string;
  /** How long the item (or the community reply) has waited, for the text. */
  waitedMs: number;
  /** Who is waiting: the item's author, or for a follow-up whoever started the wait. */
  waiting: string;
  /**
   * Their account id where known, and when `waiting` was seen as their login (the item's last
   * update, the wait's start): by these the sweep names them by their newest login (`loginAt`).
   */
  waitingId: number | null;
  waitingSeenAt: Date;
}

/**
 * The reminder an item's clock calls for, if any. Only the current stage's: an item first seen
 * past its goal gets the breach reminder, not a late at-risk one. Closed and locked items get none
 * (a locked conversation cannot be answered by most people, and a comment there would be noise),
 * and neither do items a maintainer snoozed, until the snooze ends.
 */
export function dueReminder(item: ClockItem, clock: ResponseClock, now: Date): DueReminder | null {
  if (item.state !== "open" || item.locked) return null;
  // A maintainer's snooze silences the item; the reminder its stage calls for comes once it ends.
  if (clock.snoozedUntil !== null && clock.snoozedUntil.getTime() > now.getTime()) return null;
  const base = { number: item.number };
  if (clock.stage === "at-risk" || clock.stage === "breached") {
    const author = { waiting: item.authorLogin, waitingId: item.authorId ?? null, waitingSeenAt: item.updatedAt };
    return { ...base, kind: clock.stage, effectKind: `response.${clock.stage}`, period: "", waitedMs: clock.clockMs, ...author };
  }
  if (clock.stage === "follow-up-due" && clock.openWait) {
    const since = clock.openWait.since;
    return {
      ...base,
      kind: "follow-up",
      effectKind: "response.follow-up",
      period: since.toISOString(),
      waitedMs: now.getTime() - since.getTime(),
      waiting: clock.openWait.by,
      waitingId: clock.openWait.byId,
      waitingSeenAt: since,
    };
  }
  return null;
}
