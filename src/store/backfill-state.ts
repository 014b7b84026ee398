import { and, asc, eq, ne, notInArray } from "drizzle-orm";
import type { DB } from "./db.js";
import { tablesOf } from "./engine.js";

export type BackfillKind = "stars" | "issues" | "pulls" | "discussions" | "contributors";
export type BackfillStatus = "pending" | "running" | "paused" | "done";

/** Where one kind of a repository's history backfill stands. */
export interface BackfillProgress {
  repositoryId: number;
  kind: BackfillKind;
  status: BackfillStatus;
  /** Opaque to the store: the backfill keeps its page cursor (and options) here. */
  cursor: string | null;
  done: number;
  total: number | null;
  requests: number;
  lastError: string | null;
  startedAt: Date | null;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The backfill state of every kind started for a repository. */
/** A kind's progress before its first page: nothing done, starting at `cursor`. */
export function pendingProgress(repositoryId: number, kind: BackfillKind, cursor: string | null, now: Date): BackfillProgress {
  return {
    repositoryId,
    kind,
    status: "pending",
    cursor,
    done: 0,
    total: null,
    requests: 0,
    lastError: null,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  };
}

export async function listBackfillProgress(db: DB, repositoryId: number): Promise<BackfillProgress[]> {
  const { backfillState } = tablesOf(db);
  const rows = await db.select().from(backfillState).where(eq(backfillState.repositoryId, repositoryId)).orderBy(asc(backfillState.kind));
  return rows as BackfillProgress[];
}

/** One kind's state, if it was ever started. */
export async function findBackfillProgress(db: DB, repositoryId: number, kind: BackfillKind): Promise<BackfillProgress | undefined> {
  const { backfillState } = tablesOf(db);
  const [row] = await db
    .select()
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, kind)))
    .limit(1);
  return row as BackfillProgress | undefined;
}

/** Writes one kind's state (insert or replace). */
export async function saveBackfillProgress(db: DB, progress: BackfillProgress): Promise<void> {
  const { backfillState } = tablesOf(db);
  const { repositoryId, kind, ...rest } = progress;
  await db
    .insert(backfillState)
    .values(progress)
    .onConflictDoUpdate({ target: [backfillState.repositoryId, backfillState.kind], set: rest });
}

/** Where one kind of a repository's backfill stands, by the repository's full name: what /metrics shows. */
export interface NamedBackfillProgress {
  repository: string;
  kind: string;
  status: BackfillStatus;
  done: number;
  total: number | null;
}

/** Every served repository's backfill progress, each kind ever started. */
export async function listNamedBackfillProgress(db: DB): Promise<NamedBackfillProgress[]> {
  const { backfillState, repositories } = tablesOf(db);
  return db
    .select({
      repository: repositories.fullName,
      kind: backfillState.kind,
      status: backfillState.status,
      done: backfillState.done,
      total: backfillState.total,
    })
    .from(backfillState)
    .innerJoin(repositories, eq(repositories.id, backfillState.repositoryId))
    .orderBy(asc(repositories.fullName), asc(backfillState.kind));
}

/** Repositories with a backfill kind not yet done (pending, running when a process died, or paused). */
export async function listUnfinishedBackfillRepositories(db: DB): Promise<number[]> {
  const { backfillState } = tablesOf(db);
  const rows = await db
    .selectDistinct({ repositoryId: backfillState.repositoryId })
    .from(backfillState)
    .where(ne(backfillState.status, "done"))
    .orderBy(asc(backfillState.repositoryId));
  return rows.map((r) => r.repositoryId);
}

/**
 * Repositories with a backfill on record but none of `kind`: their history was read before Steward
 * read that kind (an upgrade), so it is still unknown there.
 */
export async function listBackfillsWithoutKind(db: DB, kind: BackfillKind): Promise<number[]> {
  const { backfillState } = tablesOf(db);
  const withKind = db.select({ repositoryId: backfillState.repositoryId }).from(backfillState).where(eq(backfillState.kind, kind));
  const rows = await db
    .selectDistinct({ repositoryId: backfillState.repositoryId })
    .from(backfillState)
    .where(notInArray(backfillState.repositoryId, withKind))
    .orderBy(asc(backfillState.repositoryId));
  return rows.map((r) => r.repositoryId);
}
