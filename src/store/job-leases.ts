import { and, eq, lt, lte } from "drizzle-orm";
import { type DB, tablesOf } from "./engine.js";

/**
 * Takes `job`'s lease for `holder` until `now + leaseMs`, to run the tick scheduled for `tick`,
 * when nobody holds it (no row yet, or a lease that has ended: its holder finished, or died without
 * renewing) and no run served this tick or a later one. One statement, so of two replicas trying
 * at once exactly one gets it; the other waits for that one's row and then finds the lease held or
 * the tick served. Returns whether `holder` got it.
 */
export async function takeJobLease(db: DB, job: string, holder: string, tick: Date, now: Date, leaseMs: number): Promise<boolean> {
  const { jobLeases } = tablesOf(db);
  const lease = { holder, leaseUntil: new Date(now.getTime() + leaseMs), tick, startedAt: now };
  const taken = await db
    .insert(jobLeases)
    .values({ job, ...lease })
    .onConflictDoUpdate({ target: jobLeases.job, set: lease, setWhere: and(lte(jobLeases.leaseUntil, now), lt(jobLeases.tick, tick)) })
    .returning({ holder: jobLeases.holder });
  return taken.length === 1;
}

/** Moves the end of `holder`'s lease to `now + leaseMs`; false when the lease is no longer theirs. */
export async function renewJobLease(db: DB, job: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  const { jobLeases } = tablesOf(db);
  const renewed = await db
    .update(jobLeases)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)))
    .returning({ job: jobLeases.job });
  return renewed.length === 1;
}

/** Ends `holder`'s lease now, so the next tick anywhere may run the job. */
export async function releaseJobLease(db: DB, job: string, holder: string, now: Date): Promise<void> {
  const { jobLeases } = tablesOf(db);
  await db
    .update(jobLeases)
    .set({ leaseUntil: now })
    .where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)));
}

/** Who holds `job`'s lease and until when, or null when it was never taken: for logs and tests. */
export async function jobLease(db: DB, job: string): Promise<{ holder: string; leaseUntil: Date } | null> {
  const { jobLeases } = tablesOf(db);
  const [row] = await db.select({ holder: jobLeases.holder, leaseUntil: jobLeases.leaseUntil }).from(jobLeases).where(eq(jobLeases.job, job));
  return row ?? null;
}
