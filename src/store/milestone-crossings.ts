import { and, asc, eq } from "drizzle-orm";
import type { DB } from "./db.js";
import { milestoneCrossings } from "./schema.js";

export interface MilestoneCrossing {
  repositoryId: number;
  /** `stars`, `contributors`, `activeMembers` or `mrr`. */
  metric: string;
  threshold: number;
  crossedAt: Date;
  value: number;
  login: string | null;
  itemNumber: number | null;
}

/**
 * Records that a milestone was crossed. Only the first crossing counts: returns false when it was
 * recorded before, so a value that dips and rises again never celebrates twice.
 */
export async function recordCrossing(db: DB, crossing: MilestoneCrossing): Promise<boolean> {
  return db.insert(milestoneCrossings).values(crossing).onConflictDoNothing().run().changes === 1;
}

/** The milestones a repository has crossed, per metric, in threshold order. */
export async function listCrossings(db: DB, repositoryId: number, metric?: string): Promise<MilestoneCrossing[]> {
  const where = metric
    ? and(eq(milestoneCrossings.repositoryId, repositoryId), eq(milestoneCrossings.metric, metric))
    : eq(milestoneCrossings.repositoryId, repositoryId);
  return db
    .select()
    .from(milestoneCrossings)
    .where(where)
    .orderBy(asc(milestoneCrossings.metric), asc(milestoneCrossings.threshold))
    .all();
}
