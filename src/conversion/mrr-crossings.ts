/** A paying customer as far as MRR milestones care: since when, and how much. */
export interface PayingCustomer {
  since: Date;
  mrrCents: number;
}

export interface MrrCrossing {
  threshold: number;
  crossedAt: Date;
  /** The MRR in whole USD just after the crossing. */
  valueUsd: number;
}

/**
 * The MRR thresholds (in USD) that the current customers reach, each with the day it was reached:
 * the start of the customer whose revenue first took the running total, in order of start, to
 * the threshold. Pure; removed customers are forgotten, so this is the history of the customers
 * there are now.
 */
export function mrrCrossings(customers: readonly PayingCustomer[], thresholds: readonly number[]): MrrCrossing[] {
  const ordered = [...customers].sort((a, b) => a.since.getTime() - b.since.getTime());
  const pending = [...thresholds].sort((a, b) => a - b);
  const crossings: MrrCrossing[] = [];
  let totalCents = 0;
  for (const customer of ordered) {
    totalCents += customer.mrrCents;
    while (pending.length > 0 && totalCents >= pending[0]! * 100) {
      crossings.push({ threshold: pending.shift()!, crossedAt: customer.since, valueUsd: Math.floor(totalCents / 100) });
    }
  }
  return crossings;
}
