import type { SmallestMajority } from "../../domain/figures.js";

/** One person's (or company's) share of what is counted. */
export interface Tally {
  login: string;
  count: number;
}

/**
 * CHAOSS's "Contributor Absence Factor" rule: sort by count, most first, and add up until at least
 * half of `total` is reached; how many it took is the factor. `total` may exceed the tallies' sum
 * (the elephant factor counts activity of people with no company): then half may never be
 * reached, and the result is null. Ties are broken by name, so the same facts always name the
 * same people; whichever of the tied is taken, the factor is the same. Pure.
 */
export function smallestMajority(tallies: readonly Tally[], total = sumOf(tallies)): SmallestMajority | null {
  const ranked = tallies.filter((t) => t.count > 0).sort((a, b) => b.count - a.count || compareNames(a.login, b.login));
  if (total <= 0) return { factor: 0, total: 0, people: [] };
  const people: Tally[] = [];
  let reached = 0;
  for (const tally of ranked) {
    people.push({ login: tally.login, count: tally.count });
    reached += tally.count;
    // Twice the part against the whole: "at least half" without a fraction.
    if (2 * reached >= total) return { factor: people.length, total, people };
  }
  return null;
}

function sumOf(tallies: readonly Tally[]): number {
  return tallies.reduce((sum, t) => sum + Math.max(0, t.count), 0);
}

function compareNames(a: string, b: string): number {
  const lower = a.toLowerCase().localeCompare(b.toLowerCase());
  return lower !== 0 ? lower : a < b ? -1 : a > b ? 1 : 0;
}
