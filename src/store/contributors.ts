import { and, asc, count, eq, gt, gte, isNull, lt, max, type SQL, sql } from "drizzle-orm";
import type { PersonRef } from "../domain/identity.js";
import { type DB, inTransaction, lockForTransaction, runStatement, sqlFromText, type Tables, tablesOf } from "./engine.js";
import { CONTRIBUTOR_LABEL_SQL, labelParams } from "./fact-rows.js";

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

/**
 * A person's row: by account id, or, for a person without one, the row kept by that login. The
 * table has no other key, so rows are read and updated by this one.
 */
function contributorIs(contributors: Tables["contributors"], person: PersonRef): SQL {
  return person.id !== null ? eq(contributors.userId, person.id) : and(isNull(contributors.userId), eq(contributors.login, person.login))!;
}

/**
 * Takes the repository's contributor lock for the rest of the transaction. Recording and numbering
 * read before they write (whether the person has a row, the highest number given): on PostgreSQL
 * replicas do this at once, so they take turns, which keeps the numbers unique and gap-free.
 */
const lockContributors = (tx: DB, repositoryId: number) => lockForTransaction(tx, `contributors:${repositoryId}`);

/**
 * Records a contribution. Returns whether it made the person (their account id, or their login
 * where GitHub gave none) a new contributor of the repository. An earlier contribution learnt
 * later (from backfill) moves the first-contribution date back; a later one moves the login label
 * forward. A row kept by login from before its id was known becomes the account's row.
 */
export async function recordContribution(db: DB, c: Contribution): Promise<{ isNew: boolean }> {
  const person = { login: c.login, id: c.userId };
  return inTransaction(db, async (tx) => {
    await lockContributors(tx, c.repositoryId);
    const { contributors } = tablesOf(tx);
    if (c.userId !== null) {
      await runStatement(
        tx,
        sql`UPDATE contributors SET user_id = ${c.userId}
        WHERE repository_id = ${c.repositoryId} AND user_id IS NULL AND login = ${c.login}
          AND NOT EXISTS (SELECT 1 FROM contributors WHERE repository_id = ${c.repositoryId} AND user_id = ${c.userId})`,
      );
    }
    const inserted = await tx
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
      .returning({ login: contributors.login });
    if (inserted.length === 1) return { isNew: true };
    await tx
      .update(contributors)
      .set({ firstContributedAt: c.at, firstPullNumber: c.pullNumber })
      .where(and(eq(contributors.repositoryId, c.repositoryId), contributorIs(contributors, person), gt(contributors.firstContributedAt, c.at)));
    const label = labelParams(c.repositoryId, { actorId: c.userId, actorLogin: c.login, occurredAt: c.at });
    if (label) await runStatement(tx, sqlFromText(CONTRIBUTOR_LABEL_SQL, label));
    return { isNew: false };
  });
}

/**
 * Whether the repository's contributors from before Steward are known: the history backfill of
 * contributors has finished (by `at`, when given: what a past digest knew). Until then no
 * contributor gets a number.
 */
export async function isContributorHistoryKnown(db: DB, repositoryId: number, at?: Date): Promise<boolean> {
  const { backfillState } = tablesOf(db);
  const [row] = await db
    .select({ status: backfillState.status, finishedAt: backfillState.finishedAt })
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, "contributors")))
    .limit(1);
  if (row?.status !== "done") return false;
  return at === undefined || (row.finishedAt !== null && row.finishedAt.getTime() <= at.getTime());
}

/** The rows of the repository without a number (or all of them), as their keys, in first-contribution order (ties by login). */
async function contributorsInOrder(tx: DB, repositoryId: number, unnumberedOnly: boolean): Promise<PersonRef[]> {
  const { contributors } = tablesOf(tx);
  return tx
    .select({ login: contributors.login, id: contributors.userId })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), unnumberedOnly ? isNull(contributors.number) : undefined))
    .orderBy(asc(contributors.firstContributedAt), asc(contributors.login));
}

/** Gives the rows `people` the numbers from `first` on, in their order. */
async function giveNumbers(tx: DB, repositoryId: number, people: PersonRef[], first: number): Promise<void> {
  const { contributors } = tablesOf(tx);
  let next = first;
  for (const person of people) {
    await tx
      .update(contributors)
      .set({ number: next++ })
      .where(and(eq(contributors.repositoryId, repositoryId), contributorIs(contributors, person)));
  }
}

/**
 * Numbers every contributor of the repository in the order they first contributed (ties by
 * login). Called once the history is known; afterwards new contributors get the next numbers via
 * `numberNewContributors`, so a number once given never changes.
 */
export async function numberAllContributors(db: DB, repositoryId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockContributors(tx, repositoryId);
    await giveNumbers(tx, repositoryId, await contributorsInOrder(tx, repositoryId, false), 1);
  });
}

/** Gives the contributors still without a number the next numbers, in first-contribution order. */
export async function numberNewContributors(db: DB, repositoryId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockContributors(tx, repositoryId);
    const { contributors } = tablesOf(tx);
    const [row] = await tx
      .select({ top: max(contributors.number) })
      .from(contributors)
      .where(eq(contributors.repositoryId, repositoryId));
    await giveNumbers(tx, repositoryId, await contributorsInOrder(tx, repositoryId, true), (row?.top ?? 0) + 1);
  });
}

const contributorColumns = (contributors: Tables["contributors"]) => ({
  login: contributors.login,
  userId: contributors.userId,
  number: contributors.number,
  firstContributedAt: contributors.firstContributedAt,
  firstPullNumber: contributors.firstPullNumber,
  source: contributors.source,
});

/** One contributor of a repository, if the person (by account id, else by login) is one. */
export async function findContributor(db: DB, repositoryId: number, person: PersonRef): Promise<ContributorRecord | undefined> {
  const { contributors } = tablesOf(db);
  const [row] = await db
    .select(contributorColumns(contributors))
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), contributorIs(contributors, person)))
    .limit(1);
  return row;
}

/** All contributors of a repository, in first-contribution order. */
export async function listContributors(db: DB, repositoryId: number): Promise<ContributorRecord[]> {
  const { contributors } = tablesOf(db);
  return db
    .select(contributorColumns(contributors))
    .from(contributors)
    .where(eq(contributors.repositoryId, repositoryId))
    .orderBy(asc(contributors.firstContributedAt), asc(contributors.login));
}

/** How many contributors had their first contribution before `at`. */
export async function countContributorsBefore(db: DB, repositoryId: number, at: Date): Promise<number> {
  const { contributors } = tablesOf(db);
  const [row] = await db
    .select({ n: count() })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), lt(contributors.firstContributedAt, at)));
  return row?.n ?? 0;
}

/** Contributors whose first contribution falls in `[start, end)`, in order. */
export async function listNewContributors(db: DB, repositoryId: number, start: Date, end: Date): Promise<ContributorRecord[]> {
  const { contributors } = tablesOf(db);
  return db
    .select(contributorColumns(contributors))
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), gte(contributors.firstContributedAt, start), lt(contributors.firstContributedAt, end)))
    .orderBy(asc(contributors.firstContributedAt), asc(contributors.login));
}

/**
 * Returning contributors: how many who first contributed before `start` had another pull request
 * merged in `[start, end)`, per the ledger's `pull_request.merged` events (whose actor is the
 * author), each person once whatever logins they merged under. Bots are never contributors, so
 * the join leaves them out.
 */
export async function countReturningContributors(db: DB, repositoryId: number, start: Date, end: Date): Promise<number> {
  const { contributors, events } = tablesOf(db);
  const samePerson = sql`(${contributors.userId} = ${events.actorId}
    or (${contributors.userId} is null and ${events.actorId} is null and ${contributors.login} = ${events.actorLogin}))`;
  const [row] = await db
    .select({
      n: sql<number>`count(distinct ${contributors.userId}) + count(distinct case when ${contributors.userId} is null then ${contributors.login} end)`.mapWith(
        Number,
      ),
    })
    .from(events)
    .innerJoin(contributors, and(eq(contributors.repositoryId, events.repositoryId), samePerson))
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        eq(events.kind, "pull_request.merged"),
        gte(events.occurredAt, start),
        lt(events.occurredAt, end),
        lt(contributors.firstContributedAt, start),
      ),
    );
  return row?.n ?? 0;
}
