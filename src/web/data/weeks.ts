import type { Period } from "../../domain/figures.js";
import { isoWeek } from "../../time/zoned-time.js";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface ChartWeek extends Period {
  /** ISO week, e.g. "2026-W48". */
  label: string;
}

/**
 * The last `count` ISO weeks (Monday 00:00 UTC to the next), oldest first; the current week is
 * last and ends at `now`, so its figures are the week so far.
 */
export function weeksEndingAt(now: Date, count: number): ChartWeek[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  const weeks: ChartWeek[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = new Date(monday - back * WEEK_MS);
    const end = back === 0 ? now : new Date(start.getTime() + WEEK_MS);
    const { year, week } = isoWeek({ year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate() });
    weeks.push({ start, end, label: `${year}-W${String(week).padStart(2, "0")}` });
  }
  return weeks;
}

/** The `days` days before `now`. */
export function daysBefore(now: Date, days: number): Period {
  return { start: new Date(now.getTime() - days * DAY_MS), end: now };
}
