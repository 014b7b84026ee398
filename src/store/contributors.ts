import { and, asc, eq, isNull, max, sql, type SQL } from "drizzle-orm";
import type { PersonRef } from "../domain/identity.js";
import type { DB } from "./db.js";
import { CONTRIBUTOR_LABEL_SQL, labelParams } from "./fact-rows.js";
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
  /** Their login as of their latest fact seen (a label; see `contributors`). */
  login: string;
  userId: number | null;
  number: number | null;
  firstContributedAt: Date;
  firstPullNumber: number | null;
  source: "webhook" | "backfill";
}

/** A person's row: by account id, or, for a person without one, the row kept by that login. */
function contributorIs(person: PersonRef): SQL {
  return person.id !== null ? eq(contributors.userId, person.id) : and(isNull(contributors.userId), eq(contributors.login, person.login))!;
}

/** A row's own id: rows are keyed by account id or, without one, by login, so they are updated by it. */
const ROWID = sql<number>`rowid`;

/**
 * Records a contribution. Returns whether it made the person (their account id, or their login
 * where GitHub gave none) a new contributor of the repository. An earlier contribution learnt
 * later (from backfill) moves the first-contribution date back; a later one moves the login label
 * forward. A row kept by login from before its id was known becomes the account's row.
 */
export async function recordContribution(db: DB, c: Contribution): Promise<{ isNew: boolean }> {
  const person = { login: c.login, id: c.userId };
  return db.transaction((tx) => {
    if (c.userId !== null) {
      tx.run(sql`UPDATE contributors SET user_id = ${c.userId}
        WHERE repository_id = ${c.repositoryId} AND user_id IS NULL AND login = ${c.login}
          AND NOT EXISTS (SELECT 1 FROM contributors WHERE repository_id = ${c.repositoryId} AND user_id = ${c.userId})`);
    }
    const inserted = tx
      .insert(contributors)
      .values({
        repositoryId: c.repositoryId,
        login: c.login,
        userId: c.userId,
        loginSeenAt: c.at,
        firstContributedAt: c.at,
        firstPullNumber: c.pullNumber,
        source: c.source,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 1) return { isNew: true };
    tx.update(contributors)
      .set({ firstContributedAt: c.at, firstPullNumber: c.pullNumber })
      .where(and(eq(contributors.repositoryId, c.repositoryId), contributorIs(person), sql`${contributors.firstContributedAt} > ${c.at.getTime()}`))
      .run();
    const label = labelParams(c.repositoryId, { actorId: c.userId, actorLogin: c.login, occurredAt: c.at });
    if (label) db.$client.prepare(CONTRIBUTOR_LABEL_SQL).run(label);
    return { isNew: false };
  });
}

/**
 * Whether the repository's contributors from before Steward are known: the history backfill of
 * contributors has finished (by `at`, when given: what a past digest knew). Until then no
 * contributor gets a number.
 */
export async function isContributorHistoryKnown(db: DB, repositoryId: number, at?: Date): Promise<boolean> {
  const row = db
    .select({ status: backfillState.status, finishedAt: backfillState.finishedAt })
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, "contributors")))
    .get();
  if (row?.status !== "done") return false;
  return at === undefined || (row.finishedAt !== null && row.finishedAt.getTime() <= at.getTime());
}

/**
 * Numbers every contributor of the repository in the order they first contributed (ties by
 * login). Called once the history is known; afterwards new contributors get the next numbers via
 * `numberNewContributors`, so a number once given never changes.
 */
export async function numberAllContributors(db: DB, repositoryId: number): Promise<void> {
  db.transaction((tx) => {
    const rows = tx
      .select({ rowid: ROWID })
      .from(contributors)
      .where(eq(contributors.repositoryId, repositoryId))
      .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
      .all();
    rows.forEach((row, index) => {
      tx.update(contributors)
        .set({ number: index + 1 })
        .where(sql`rowid = ${row.rowid}`)
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
      .select({ rowid: ROWID })
      .from(contributors)
      .where(and(eq(contributors.repositoryId, repositoryId), isNull(contributors.number)))
      .orderBy(asc(contributors.firstContributedAt), asc(contributors.login))
      .all();
    for (const row of rows) {
      tx.update(contributors).set({ number: next++ }).where(sql`rowid = ${row.rowid}`).run();
    }
  });
}

/** One contributor of a repository, if the person (by account id, else by login) is one. */
export async function findContributor(db: DB, repositoryId: number, person: PersonRef): Promise<ContributorRecord | undefined> {
  return db
    .select(contributorColumns)
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), contributorIs(person)))
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
 * author), each person once whatever logins they merged under. Bots are never contributors, so
 * the join leaves them out.
 */
export async function countReturningContributors(db: DB, repositoryId: number, start: Date, end: Date): Promise<number> {
  const samePerson = sql`(${contributors.userId} = ${events.actorId}
    or (${contributors.userId} is null and ${events.actorId} is null and ${contributors.login} = ${events.actorLogin}))`;
  const row = db
    .select({
      n: sql<number>`count(distinct ${contributors.userId}) + count(distinct case when ${contributors.userId} is null then ${contributors.login} end)`,
    })
    .from(events)
    .innerJoin(contributors, and(eq(contributors.repositoryId, events.repositoryId), samePerson))
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
