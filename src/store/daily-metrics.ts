import { and, asc, between, eq } from "drizzle-orm";
import type { DB } from "./db.js";
import { inTransaction, tablesOf } from "./engine.js";

/** Stores the day's values (one row per metric), replacing what that day held. */
export async function saveDailyMetrics(db: DB, repositoryId: number, day: string, values: Record<string, number>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { dailyMetrics } = tablesOf(tx);
    for (const [metric, value] of Object.entries(values)) {
      await tx
        .insert(dailyMetrics)
        .values({ repositoryId, day, metric, value })
        .onConflictDoUpdate({ target: [dailyMetrics.repositoryId, dailyMetrics.metric, dailyMetrics.day], set: { value } });
    }
  });
}

/** A metric's stored values for the days `from` to `to` (inclusive, `YYYY-MM-DD`), by day. */
export async function readDailySeries(db: DB, repositoryId: number, metric: string, from: string, to: string): Promise<Map<string, number>> {
  const { dailyMetrics } = tablesOf(db);
  const rows = await db
    .select({ day: dailyMetrics.day, value: dailyMetrics.value })
    .from(dailyMetrics)
    .where(and(eq(dailyMetrics.repositoryId, repositoryId), eq(dailyMetrics.metric, metric), between(dailyMetrics.day, from, to)))
    .orderBy(asc(dailyMetrics.day));
  return new Map(rows.map((r) => [r.day, r.value]));
}
