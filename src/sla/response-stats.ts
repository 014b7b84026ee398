import type { DurationSummary } from "../domain/figures.js";
import type { ResponseClock } from "./response-clock.js";

export type Outcome = "within-goal" | "missed" | "pending" | "withdrawn";

/**
 * How an item's clock counts toward the goal: answered within it, missed (answered late, or still
 * waiting past it: a miss, never dropped), pending (waiting, still within it) or withdrawn (closed
 * by its author before the goal passed, with no response: nobody failed it).
 */
export function outcomeOf(clock: ResponseClock): Outcome {
  if (clock.firstResponse) return clock.firstResponse.clockMs <= clock.goalMs ? "within-goal" : "missed";
  if (clock.clockMs >= clock.goalMs) return "missed";
  return clock.stage === "closed-unanswered" ? "withdrawn" : "pending";
}

/** The median: the middle value, or the mean of the two middle ones. Null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (`p` in 0..100): a value that occurred, never an interpolation. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The arithmetic mean. Null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * A duration figure: the median, the 90th percentile by nearest rank and the mean, side by side.
 * The mean shows what the middle hides: a few very long waits lift it far above the median.
 */
export function summarize(values: readonly number[]): DurationSummary {
  return { items: values.length, medianMs: median(values), p90Ms: percentile(values, 90), averageMs: mean(values) };
}

/** Responders by number of first responses, most first, then by login. */
export function rankResponders(logins: readonly string[]): Array<{ login: string; count: number }> {
  const counts = new Map<string, number>();
  for (const login of logins) counts.set(login, (counts.get(login) ?? 0) + 1);
  return [...counts].map(([login, count]) => ({ login, count })).sort((a, b) => b.count - a.count || a.login.localeCompare(b.login));
}
