/**
 * The most timestamps (ms) inside any window of `windowMs`, i.e. in any [t, t + windowMs): what a
 * rate limit over a sliding window counts at its worst moment.
 */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}
