import { and, asc, eq, isNull, like, lte, min, or, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import type { EffectKey } from "./side-effects.js";
import { contributors, events, items, repositories, sideEffects } from "./schema.js";
import type { RepositoryRecord } from "./installations.js";

/** A welcome claim nobody finished: its key, how often it was tried, and why it last failed. */
export interface UnfinishedWelcome extends EffectKey {
  attempts: number;
  lastError: string | null;
}

/**
 * Welcome claims (kinds `welcome.*`) still unfinished whose lease ended at or before `olderThan`,
 * oldest first: a failed POST gives its lease back at once, a crashed attempt after the lease.
 * Filtered on the kind in SQL, so other features' stuck effects cannot crowd welcomes out.
 */
export async function unfinishedWelcomes(
  db: DB,
  olderThan: Date,
  options: { repositoryId?: number; limit?: number } = {},
): Promise<UnfinishedWelcome[]> {
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
        like(sideEffects.kind, "welcome.%"),
        lte(sideEffects.claimedAt, olderThan),
        options.repositoryId === undefined ? undefined : eq(sideEffects.repositoryId, options.repositoryId),
      ),
    )
    .orderBy(asc(sideEffects.claimedAt), asc(sideEffects.id))
    .limit(options.limit ?? 200)
    .all();
}

/** A repository by GitHub's id, or undefined once Steward forgot it. */
export async function repositoryById(db: DB, id: number): Promise<RepositoryRecord | undefined> {
  return db
    .select({
      id: repositories.id,
      installationId: repositories.installationId,
      owner: repositories.owner,
      name: repositories.name,
      fullName: repositories.fullName,
      private: repositories.private,
    })
    .from(repositories)
    .where(eq(repositories.id, id))
    .get();
}

/**
 * The lowest number among the issues (`issues.opened`) or pull requests (`pull_request.opened`)
 * that `login` opened, per the ledger, ignoring the login's case (claims store it lowercased).
 * Numbers follow creation order, so this is the item their first-opening welcome was for.
 */
export async function firstOpeningNumber(
  db: DB,
  repositoryId: number,
  kind: "issues.opened" | "pull_request.opened",
  login: string,
): Promise<number | null> {
  const row = db
    .select({ number: min(events.itemNumber) })
    .from(events)
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        eq(events.kind, kind),
        sql`lower(${events.actorLogin}) = ${login.toLowerCase()}`,
        kind === "issues.opened" ? or(isNull(events.isPull), eq(events.isPull, false)) : undefined,
      ),
    )
    .get();
  return row?.number ?? null;
}

/** What a welcome needs to know about the item it answers, from the `items` table. */
export interface WelcomeItem {
  number: number;
  isPull: boolean;
  authorLogin: string;
  authorType: string;
  authorAssociation: string;
}

/** An issue or pull request as last seen, or undefined when it is unknown or left the repository. */
export async function welcomeItem(db: DB, repositoryId: number, number: number): Promise<WelcomeItem | undefined> {
  return db
    .select({
      number: items.number,
      isPull: items.isPull,
      authorLogin: items.authorLogin,
      authorType: items.authorType,
      authorAssociation: items.authorAssociation,
    })
    .from(items)
    .where(and(eq(items.repositoryId, repositoryId), eq(items.number, number)))
    .get();
}

/** A contributor by login, ignoring case (claims store logins lowercased). */
export async function contributorByLogin(
  db: DB,
  repositoryId: number,
  login: string,
): Promise<{ login: string; number: number | null; firstPullNumber: number | null } | undefined> {
  return db
    .select({ login: contributors.login, number: contributors.number, firstPullNumber: contributors.firstPullNumber })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), sql`lower(${contributors.login}) = ${login.toLowerCase()}`))
    .get();
}
