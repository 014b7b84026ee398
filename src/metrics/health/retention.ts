import type { RetentionFigures } from "../../domain/figures.js";
import type { HealthWindows } from "./health-windows.js";

/** A newcomer of the cohort: their account id, else their login. */
export interface Newcomer {
  userId: number | null;
  login: string;
}

/**
 * Of the cohort (the first-time contributors of one week, 12 weeks back), how many were active in
 * the last 4 weeks: `activeKeys` holds the people with any activity then (`id:<id>`, or the
 * lowercased login for facts without an id). Pure.
 */
export function retention(cohort: readonly Newcomer[], activeKeys: ReadonlySet<string>, windows: HealthWindows): RetentionFigures {
  const retained = cohort.filter((c) => activeKeys.has(c.userId === null ? c.login.toLowerCase() : `id:${c.userId}`)).length;
  return {
    cohortStart: windows.cohort.start,
    cohortEnd: windows.cohort.end,
    activeSince: windows.recent.start,
    cohort: cohort.length,
    retained,
    share: cohort.length === 0 ? null : retained / cohort.length,
  };
}
