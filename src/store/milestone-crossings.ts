import { and, asc, eq } from "drizzle-orm";
import { type DB, tablesOf } from "./engine.js";

export interface MilestoneCrossing {
  repositoryId: number;
  /** `stars`, `contributors`, `activeMembers` or `mrr`. */
  metric: string;
  threshold: number;
  crossedAt: Date;
  value: number;
  /** Who crossed it, where one person did: their login then, and their account id where known. */
  login: string | null;
  userId?: number | null;
  itemNumber: number | null;
}

/**
 * Records that a milestone was crossed. Only the first crossing counts: returns false when it was
 * recorded before, so a value that dips and rises again never celebrates twice.
 */
export async function recordCrossing(db: DB, crossing: MilestoneCrossing): Promise<boolean> {
  const { milestoneCrossings } = tablesOf(db);
  const inserted = await db.insert(milestoneCrossings).values(crossing).onConflictDoNothing().returning({ metric: milestoneCrossings.metric });
  return inserted.length === 1;
}

/** The milestones a repository has crossed, per metric, in threshold order. */
export async function listCrossings(db: DB, repositoryId: number, metric?: string): Promise<MilestoneCrossing[]> {
  const { milestoneCrossings } = tablesOf(db);
  const where = metric
    ? and(eq(milestoneCrossings.repositoryId, repositoryId), eq(milestoneCrossings.metric, metric))
    : eq(milestoneCrossings.repositoryId, repositoryId);
  return db.select().from(milestoneCrossings).where(where).orderBy(asc(milestoneCrossings.metric), asc(milestoneCrossings.threshold));
}

/**
 * Records the contributor milestones the numbered contributors have reached: threshold N was
 * crossed by contributor #N, on their first contribution, with their first merged PR. Only
 * meaningful once the contributors are numbered (the history is known). Returns the crossings
 * recorded by this call.
 */
export async function recordContributorCrossings(db: DB, repositoryId: number, thresholds: readonly number[]): Promise<MilestoneCrossing[]> {
  const { contributors } = tablesOf(db);
  const recorded: MilestoneCrossing[] = [];
  for (const threshold of thresholds) {
    const [contributor] = await db
      .select()
      .from(contributors)
      .where(and(eq(contributors.repositoryId, repositoryId), eq(contributors.number, threshold)))
      .limit(1);
    if (!contributor) break;
    const crossing: MilestoneCrossing = {
      repositoryId,
      metric: "contributors",
      threshold,
      crossedAt: contributor.firstContributedAt,
      value: threshold,
      login: contributor.login,
      userId: contributor.userId,
      itemNumber: contributor.firstPullNumber,
    };
    if (await recordCrossing(db, crossing)) recorded.push(crossing);
  }
  return recorded;
}
