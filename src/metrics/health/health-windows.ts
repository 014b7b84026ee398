import type { Period } from "../../domain/figures.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** The windows the health figures are counted over, all ending where the figures stand. */
export interface HealthWindows {
  /** Where every window ends: the period's end, or `now` if earlier (nothing later is known). */
  end: Date;
  /** The period itself, cut at `end`: the closure ratios. */
  period: Period;
  /** The 90 days before `end`: the bus and elephant factors. */
  factors: Period;
  /** The 12th week before `end`: the retention cohort's first contributions. */
  cohort: Period;
  /** The 4 weeks before `end`: when the cohort counts as still active. */
  recent: Period;
}

export const FACTOR_DAYS = 90;
export const COHORT_WEEKS_BACK = 12;
export const RECENT_WEEKS = 4;

/** Pure: the windows of a period seen at `now`. */
export function healthWindows(period: Period, now: Date): HealthWindows {
  const end = new Date(Math.min(period.end.getTime(), now.getTime()));
  const before = (ms: number) => new Date(end.getTime() - ms);
  return {
    end,
    period: { start: new Date(Math.min(period.start.getTime(), end.getTime())), end },
    factors: { start: before(FACTOR_DAYS * DAY), end },
    cohort: { start: before(COHORT_WEEKS_BACK * WEEK), end: before((COHORT_WEEKS_BACK - 1) * WEEK) },
    recent: { start: before(RECENT_WEEKS * WEEK), end },
  };
}
