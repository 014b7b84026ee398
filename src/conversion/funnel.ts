import type { FunnelEntry, FunnelStage } from "../domain/figures.js";

/**
 * The stage each rate is counted against: the one its people most plausibly come from. The stages
 * are counted apart, so "from the row above" would divide stages that are not nested (a lead who
 * never contributed shown as a share of the contributors). Leads write issues and comments, so
 * they are compared with the participants; customers, the funnel's end, with the leads.
 */
export const FUNNEL_BASES: Readonly<Record<FunnelStage, FunnelStage | null>> = {
  stargazers: null,
  participants: "stargazers",
  contributors: "participants",
  leads: "participants",
  customers: "leads",
};

/** The funnel's rows from the stages' sizes, in the order given, each with its rates. Pure. */
export function funnelEntries(counts: ReadonlyArray<readonly [FunnelStage, number]>): FunnelEntry[] {
  const sizes = new Map(counts);
  const ratio = (count: number, base: number | undefined) => (base !== undefined && base > 0 ? count / base : null);
  return counts.map(([stage, count], i) => {
    const base = FUNNEL_BASES[stage];
    return {
      stage,
      count,
      rateFromPrevious: i === 0 ? null : ratio(count, counts[i - 1]![1]),
      base,
      rate: base === null ? null : ratio(count, sizes.get(base)),
    };
  });
}
