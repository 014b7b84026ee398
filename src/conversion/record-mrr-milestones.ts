import { listCustomers } from "../store/customers.js";
import type { DB } from "../store/db.js";
import { recordCrossing } from "../store/milestone-crossings.js";
import { mrrCrossings, type MrrCrossing } from "./mrr-crossings.js";

/**
 * Records the MRR milestones (metric "mrr") the repository's customers have reached; each is
 * recorded once ever, so MRR dipping and rising again does not celebrate twice. Returns the ones
 * recorded now.
 */
export async function recordMrrMilestones(db: DB, repositoryId: number, thresholds: readonly number[]): Promise<MrrCrossing[]> {
  const reached = mrrCrossings(await listCustomers(db, repositoryId), thresholds);
  const fresh: MrrCrossing[] = [];
  for (const crossing of reached) {
    const recorded = await recordCrossing(db, {
      repositoryId,
      metric: "mrr",
      threshold: crossing.threshold,
      crossedAt: crossing.crossedAt,
      value: crossing.valueUsd,
      login: null,
      itemNumber: null,
    });
    if (recorded) fresh.push(crossing);
  }
  return fresh;
}
