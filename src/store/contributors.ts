import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { backfillState, contributors, events } from "./schema.js";

export interface Contribution {
  repositoryId: number;
  login: string;
  userId: number | null;
  /** When it happened, by GitHub's clock (the merge time, or the commit time from backfill). */
  at: Date;
  /** The merged PR, when the contribution is one. */
  pullNumber: number | null;
  source: "webhook" | "backfill";
}

export interface ContributorRecord {
  login: string;
  userId: number | null;
  number: number | null;
  firstContributedAt: Date;
  firstPullNumber: number | null;
  source: "webhook" | "backfill";
}

/**
 * Records a contribution. Returns whether it made `login` a new contributor of the repository. An
 * earlier contribution learnt later (from backfill) moves the first-contribution date back.
 */
export async function recordContribution(db: DB, c: Contribution): Promise<{ isNew: boolean }> {
  return db.transaction((tx) => {
    const inserted = tx
      .insert(contributors)
      .values({
        repositoryId: c.repositoryId,
        login: c.login,
        userId: c.userId,
        firstContributedAt: c.at,
        firstPullNumber: c.pullNumber,
        source: c.source,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 1) return { isNew: true };
    tx.update(contributors)
      .set({ firstContributedAt: c.at, firstPullNumber: c.pullNumber })
      .where(
        and(
          eq(contributors.repositoryId, c.repositoryId),
          eq(contributors.login, c.login),
          sql`${contributors.firstContributedAt} > ${c.at.getTime()}`,
        ),
      )
      .run();
    return { isNew: false };
  });
}

/**
 * Whether the repository's contributors from before Steward are known: the history backfill of
 * contributors has finished. Until then no contributor gets a number.
 */
export async function isContributorHistoryKnown(db: DB, repositoryId: number): Promise<boolean> {
  const row = db
    .select({ status: backfillState.status })
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, "contributors")))
    .get();
  return row?.status === "done";
}

/**
 * Numbers every contributor of the repository in the order they first contributed (ties by
 * login). Called once the history is known; afterwards new contributors get the next numbers via
 * `numberNewContributors`, so a number once given never changes.
 */
export async function numberAllContributors(db: DB, repositoryId: number): Promise<void> {
  db.transaction((tx) => {
    const rows = tx
      .select({ login: contributors.login })
      .from(contributors)
      .where(eq(contributors.repositoryId, repositoryId))
      .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
      .all();
    rows.forEach((row, index) => {
      tx.update(contributors)
        .set({ number: index + 1 })
        .where(and(eq(contributors.repositoryId, repositoryId), eq(contributors.login, row.login)))
        .run();
    });
  });
}

/** Gives the contributors still without a number the next numbers, in first-contribution order. */
export async function numberNewContributors(db: DB, repositoryId: number): Promise<void> {
  db.transaction((tx) => {
    const top = tx
      .select({ top: max(contributors.number) })
      .from(contributors)
      .where(eq(contributors.repositoryId, repositoryId))
      .get();
    let next = (top?.top ?? 0) + 1;
    const rows = tx
      .select({ login: contributors.login })
      .from(contributors)
      .where(and(eq(contributors.repositoryId, repositoryId), isNull(contributors.number)))
      .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
      .all();
    for (const row of rows) {
      tx.update(contributors)
        .set({ number: next++ })
        .where(and(eq(contributors.repositoryId, repositoryId), eq(contributors.login, row.login)))
        .run();
    }
  });
}

/** One contributor of a repository, if `login` is one. */
export async function findContributor(db: DB, repositoryId: number, login: string): Promise<ContributorRecord | undefined> {
  return db
    .select(contributorColumns)
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), eq(contributors.login, login)))
    .get();
}

/** All contributors of a repository, in first-contribution order. */
export async function listContributors(db: DB, repositoryId: number): Promise<ContributorRecord[]> {
  return db
    .select(contributorColumns)
    .from(contributors)
    .where(eq(contributors.repositoryId, repositoryId))
    .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
    .all();
}

/** How many contributors had their first contribution before `at`. */
export async function countContributorsBefore(db: DB, repositoryId: number, at: Date): Promise<number> {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), sql`${contributors.firstContributedAt} < ${at.getTime()}`))
    .get();
  return row?.n ?? 0;
}

const contributorColumns = {
  login: contributors.login,
  userId: contributors.userId,
  number: contributors.number,
  firstContributedAt: contributors.firstContributedAt,
  firstPullNumber: contributors.firstPullNumber,
  source: contributors.source,
};

/** Contributors whose first contribution falls in `[start, end)`, in order. */
export async function listNewContributors(db: DB, repositoryId: number, start: Date, end: Date): Promise<ContributorRecord[]> {
  return db
    .select(contributorColumns)
    .from(contributors)
    .where(
      and(
        eq(contributors.repositoryId, repositoryId),
        sql`${contributors.firstContributedAt} >= ${start.getTime()}`,
        sql`${contributors.firstContributedAt} < ${end.getTime()}`,
      ),
    )
    .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
    .all();
}

/**
 * Returning contributors: how many who first contributed before `start` had another pull request
 * merged in `[start, end)`, per the ledger's `pull_request.merged` events (whose actor is the
 * author). Bots are never contributors, so the join leaves them out.
 */
export async function countReturningContributors(db: DB, repositoryId: number, start: Date, end: Date): Promise<number> {
  const row = db
    .select({ n: sql<number>`count(distinct ${events.actorLogin})` })
    .from(events)
    .innerJoin(contributors, and(eq(contributors.repositoryId, events.repositoryId), eq(contributors.login, events.actorLogin)))
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        eq(events.kind, "pull_request.merged"),
        sql`${events.occurredAt} >= ${start.getTime()}`,
        sql`${events.occurredAt} < ${end.getTime()}`,
        sql`${contributors.firstContributedAt} < ${start.getTime()}`,
      ),
    )
    .get();
  return row?.n ?? 0;
}
