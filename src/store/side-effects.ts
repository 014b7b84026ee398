import { and, asc, desc, eq, lt, lte, sql } from "drizzle-orm";
import { type DB, inTransaction, type Tables, tablesOf } from "./engine.js";

/** What identifies one side effect: at most one ever exists per key. */
export interface EffectKey {
  repositoryId: number;
  /** What is done, e.g. "welcome.first-issue", "response.at-risk", "digest". */
  kind: string;
  /** What it is done to, e.g. "#12" or a login. */
  subject: string;
  /** "" for once ever; otherwise the period it belongs to, e.g. "2026-W48". */
  period: string;
}

export type Claim =
  /** This caller owns the effect now. `resumed`: an earlier attempt may have half-happened. */
  | { status: "acquired"; resumed: boolean; attempt: number }
  /** The effect already happened. */
  | { status: "done"; result: Record<string, unknown> | null }
  /** Another caller holds a live lease on it: leave it alone. */
  | { status: "busy" };

const whereKey = (sideEffects: Tables["sideEffects"], key: EffectKey) =>
  and(
    eq(sideEffects.repositoryId, key.repositoryId),
    eq(sideEffects.kind, key.kind),
    eq(sideEffects.subject, key.subject),
    eq(sideEffects.period, key.period),
  );

/**
 * Claims an effect. The insert is atomic, so of two concurrent callers exactly one acquires it. A
 * claim older than `leaseMs` that was never completed belongs to a caller that crashed or failed;
 * it is taken over (compare-and-set on its lease), and flagged `resumed` so the new owner first
 * checks GitHub for what the earlier attempt may already have done.
 */
export async function claimEffect(db: DB, key: EffectKey, now: Date, leaseMs: number): Promise<Claim> {
  return inTransaction(db, async (tx): Promise<Claim> => {
    const { sideEffects } = tablesOf(tx);
    const inserted = await tx
      .insert(sideEffects)
      .values({ ...key, state: "claimed", claimedAt: now })
      .onConflictDoNothing()
      .returning({ id: sideEffects.id });
    if (inserted.length === 1) return { status: "acquired", resumed: false, attempt: 1 };
    const [row] = await tx.select().from(sideEffects).where(whereKey(sideEffects, key)).limit(1);
    if (!row) return { status: "busy" };
    if (row.state === "done") return { status: "done", result: row.result ?? null };
    if (row.claimedAt.getTime() > now.getTime() - leaseMs) return { status: "busy" };
    // Compare-and-set: of two callers taking over the same expired claim, the second updates nothing.
    const taken = await tx
      .update(sideEffects)
      .set({ claimedAt: now, attempts: row.attempts + 1 })
      .where(and(eq(sideEffects.id, row.id), eq(sideEffects.claimedAt, row.claimedAt)))
      .returning({ id: sideEffects.id });
    return taken.length === 1 ? { status: "acquired", resumed: true, attempt: row.attempts + 1 } : { status: "busy" };
  });
}

/** Records that the effect happened, with what it produced. */
export async function completeEffect(db: DB, key: EffectKey, result: Record<string, unknown>, now: Date): Promise<void> {
  const { sideEffects } = tablesOf(db);
  await db.update(sideEffects).set({ state: "done", doneAt: now, result, lastError: null }).where(whereKey(sideEffects, key));
}

/** Whether the effect under `key` is done: what a dry run asks, claiming nothing. */
export async function isEffectDone(db: DB, key: EffectKey): Promise<boolean> {
  const { sideEffects } = tablesOf(db);
  const [row] = await db.select({ state: sideEffects.state }).from(sideEffects).where(whereKey(sideEffects, key)).limit(1);
  return row?.state === "done";
}

/**
 * The done effect of `kind` and `subject` with the latest period before `period` (periods that
 * sort in time order, such as ISO weeks), with what it produced: e.g. last week's roll-up issue.
 */
export async function latestDoneEffectBefore(
  db: DB,
  key: EffectKey,
): Promise<{ period: string; result: Record<string, unknown> | null } | undefined> {
  const { sideEffects } = tablesOf(db);
  const [row] = await db
    .select({ period: sideEffects.period, result: sideEffects.result })
    .from(sideEffects)
    .where(
      and(
        eq(sideEffects.repositoryId, key.repositoryId),
        eq(sideEffects.kind, key.kind),
        eq(sideEffects.subject, key.subject),
        lt(sideEffects.period, key.period),
        eq(sideEffects.state, "done"),
      ),
    )
    .orderBy(desc(sideEffects.period))
    .limit(1);
  return row ? { period: row.period, result: row.result ?? null } : undefined;
}

/**
 * Gives a failed attempt's claim back: it stays claimed (never forgotten, never re-created
 * blindly) with its lease expired, so the next sweep takes it over at once and checks first.
 */
export async function releaseEffect(db: DB, key: EffectKey, error: string): Promise<void> {
  const { sideEffects } = tablesOf(db);
  await db
    .update(sideEffects)
    .set({ claimedAt: new Date(0), lastError: error.slice(0, 500) })
    .where(and(whereKey(sideEffects, key), eq(sideEffects.state, "claimed")));
}

/** A claim nobody finished: its key, how often it was tried, and why it last failed. */
export interface UnfinishedEffect extends EffectKey {
  attempts: number;
  lastError: string | null;
}

/**
 * Claims left unfinished (failed or crashed) whose lease ended at or before `olderThan`, oldest
 * first, for a job to finish. `kindPrefix` (e.g. "welcome.") is matched in SQL, so one feature's
 * stuck effects cannot crowd out another's; it is compared exactly (not LIKE, whose case rules and
 * wildcards differ between SQLite and PostgreSQL).
 */
export async function unfinishedEffects(
  db: DB,
  olderThan: Date,
  options: { kindPrefix?: string; repositoryId?: number; limit?: number } = {},
): Promise<UnfinishedEffect[]> {
  const { sideEffects } = tablesOf(db);
  const prefix = options.kindPrefix;
  return db
    .select({
      repositoryId: sideEffects.repositoryId,
      kind: sideEffects.kind,
      subject: sideEffects.subject,
      period: sideEffects.period,
      attempts: sideEffects.attempts,
      lastError: sideEffects.lastError,
    })
    .from(sideEffects)
    .where(
      and(
        eq(sideEffects.state, "claimed"),
        lte(sideEffects.claimedAt, olderThan),
        prefix === undefined ? undefined : sql`substr(${sideEffects.kind}, 1, ${[...prefix].length}) = ${prefix}`,
        options.repositoryId === undefined ? undefined : eq(sideEffects.repositoryId, options.repositoryId),
      ),
    )
    .orderBy(asc(sideEffects.claimedAt), asc(sideEffects.id))
    .limit(options.limit ?? 100);
}
