import type { MilestoneMetric, MilestoneProgress } from "../domain/figures.js";

/**
 * The thresholds `value` has reached that were never recorded as crossed. A threshold once
 * recorded stays crossed: a value that dips below and rises again gives nothing new. Pure.
 */
export function dueCrossings(thresholds: readonly number[], value: number, alreadyCrossed: readonly number[]): number[] {
  const done = new Set(alreadyCrossed);
  return [...thresholds].sort((a, b) => a - b).filter((t) => value >= t && !done.has(t));
}

/** A recorded milestone crossing, as `milestone_crossings` holds it. */
interface RecordedCrossing {
  metric: string;
  threshold: number;
  crossedAt: Date;
  login: string | null;
}

/** What Steward knew at the instant a digest (or report) is made for: the evidence a crossing needs. */
export interface KnownAt {
  at: Date;
  /** Whether the contributor history backfill had finished by `at`. */
  contributorHistoryKnown: boolean;
  /** The MRR (USD) of every customer recorded by `at`, whatever their start. */
  recordedMrrUsd: number;
}

/**
 * The crossings Steward had recorded by `known.at`. The table keeps when a threshold was crossed,
 * not when that became known, and both differ where the crossing was learnt later: an MRR crossing
 * is dated by the start of the customer that took the total over it, entered any time after; a
 * contributor crossing with a login was dated by that person's first merge once the history backfill
 * had numbered everyone. So, besides being crossed by `at`: an MRR crossing needs the customers
 * recorded by then to reach it, and a named contributor crossing a history known by then. A past
 * digest made again thus shows the milestones it showed, not those recorded since. Pure.
 */
export function crossingsKnownAt<T extends RecordedCrossing>(crossings: readonly T[], known: KnownAt): T[] {
  return crossings.filter((c) => {
    if (c.crossedAt.getTime() > known.at.getTime()) return false;
    if (c.metric === "mrr") return c.threshold <= known.recordedMrrUsd;
    if (c.metric === "contributors" && c.login !== null) return known.contributorHistoryKnown;
    return true;
  });
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
