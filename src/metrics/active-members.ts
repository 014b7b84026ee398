import { DAY_MS } from "./utc-day.js";

/** Days counted back for an active member (the day itself included). */
export const ACTIVE_WINDOW_DAYS = 30;

export interface Activity {
  /** Who: a person is counted once whatever logins they acted under (see `ActiveDay`). */
  person: string;
  /** UTC days since the epoch. */
  day: number;
}

/** The UTC day index (days since the epoch) of a time. */
export function dayIndex(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/**
 * Active members at the end of each given day: distinct people with activity in the 30 days
 * ending with it. `activity` must already exclude bots and cover 29 days before the first day.
 * One pass over the activity per day asked, so a 12-week series over a busy quarter stays cheap. Pure.
 */
export function activeMembersSeries(activity: Activity[], days: number[]): number[] {
  return days.map((last) => {
    const first = last - ACTIVE_WINDOW_DAYS + 1;
    const people = new Set<string>();
    for (const a of activity) if (a.day >= first && a.day <= last) people.add(a.person);
    return people.size;
  });
}
