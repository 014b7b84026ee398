import type { MilestoneMetric, MilestoneProgress } from "../domain/figures.js";

/**
 * The thresholds `value` has reached that were never recorded as crossed. A threshold once
 * recorded stays crossed: a value that dips below and rises again gives nothing new. Pure.
 */
export function dueCrossings(thresholds: readonly number[], value: number, alreadyCrossed: readonly number[]): number[] {
  const done = new Set(alreadyCrossed);
  return [...thresholds].sort((a, b) => a - b).filter((t) => value >= t && !done.has(t));
}

/**
 * Where a metric stands on its road of thresholds: the last one crossed (as recorded, even if
 * the value dipped since), the next one and when it is forecast. Pure.
 */
export function milestoneProgress(
  metric: MilestoneMetric,
  thresholds: readonly number[],
  current: number,
  crossed: Array<{ threshold: number; crossedAt: Date }>,
  forecast: (target: number) => Date | null,
): MilestoneProgress {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const recorded = new Set(crossed.map((c) => c.threshold));
  const previous = sorted.filter((t) => recorded.has(t) || current >= t).at(-1) ?? 0;
  const next = sorted.find((t) => t > previous && !recorded.has(t)) ?? null;
  return {
    metric,
    current,
    previous,
    next,
    forecast: next === null ? null : forecast(next),
    crossed: crossed.filter((c) => sorted.includes(c.threshold)).sort((a, b) => a.threshold - b.threshold),
  };
}
