import type { ClosureRatio } from "../../domain/figures.js";

/**
 * CHAOSS's "Issues Closed" against "Issues New" (and, for pull requests, "Change Requests
 * Accepted" and "Declined" together against those opened): closed ÷ opened in the period; null
 * when none was opened, as a ratio over nothing says nothing. Pure.
 */
export function closureRatio(opened: number, closed: number): ClosureRatio {
  return { opened, closed, ratio: opened === 0 ? null : closed / opened };
}
