import { DAY_MS, dayStart } from "./utc-day.js";

/** A known star total at a time: the API's `stargazers_count`, or a star webhook's. */
export interface StarAnchor {
  at: Date;
  /** Stars at `at`, changes at exactly `at` included. */
  total: number;
}

export interface StarDelta {
  at: Date;
  delta: number;
}

/**
 * Daily star counts (at the end of each UTC day) for days Steward's daily job did not record,
 * derived from the star events around an authoritative total: walking back from the anchor
 * undoes the stars given (and redoes those taken back) after each day's end; walking forward
 * applies them. `changes` must cover the days and the anchor. Never below zero. Pure.
 */
export function buildStarSeries(days: string[], anchor: StarAnchor, changes: StarDelta[]): Array<{ day: string; stars: number }> {
  return days.map((day) => ({ day, stars: starsAt(new Date(dayStart(day).getTime() + DAY_MS), anchor, changes) }));
}

/** Stars at time `at` (changes strictly before `at` counted). */
export function starsAt(at: Date, anchor: StarAnchor, changes: StarDelta[]): number {
  const t = at.getTime();
  const a = anchor.at.getTime();
  let total = anchor.total;
  for (const change of changes) {
    const c = change.at.getTime();
    if (t <= c && c <= a) total -= change.delta;
    else if (a < c && c < t) total += change.delta;
  }
  return Math.max(0, total);
}
