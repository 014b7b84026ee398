import { and, eq, isNull, min, or, sql } from "drizzle-orm";
import { type DB, tablesOf } from "./engine.js";
import { unfinishedEffects, type UnfinishedEffect } from "./side-effects.js";

/** A welcome claim nobody finished. */
export type UnfinishedWelcome = UnfinishedEffect;

/**
 * Welcome claims (kinds `welcome.*`) still unfinished whose lease ended at or before `olderThan`,
 * oldest first: a failed POST gives its lease back at once, a crashed attempt after the lease.
 */
export async function unfinishedWelcomes(
  db: DB,
  olderThan: Date,
  options: { repositoryId?: number; limit?: number } = {},
): Promise<UnfinishedWelcome[]> {
  return unfinishedEffects(db, olderThan, { ...options, kindPrefix: "welcome.", limit: options.limit ?? 200 });
}

/**
 * The lowest number among the issues (`issues.opened`) or pull requests (`pull_request.opened`)
 * that the person opened, per the ledger (by account id; by login, any case, for a claim made
 * without one, which stores it lowercased). Numbers follow creation order, so this is the item
 * their first-opening welcome was for.
 */
export async function firstOpeningNumber(
  db: DB,
  repositoryId: number,
  kind: "issues.opened" | "pull_request.opened",
  person: { id: number } | { login: string },
): Promise<number | null> {
  const { events } = tablesOf(db);
  const [row] = await db
    .select({ number: min(events.itemNumber) })
    .from(events)
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        eq(events.kind, kind),
        "id" in person ? eq(events.actorId, person.id) : sql`lower(${events.actorLogin}) = ${person.login.toLowerCase()}`,
        kind === "issues.opened" ? or(isNull(events.isPull), eq(events.isPull, false)) : undefined,
      ),
    );
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
  const { items } = tablesOf(db);
  const [row] = await db
    .select({
      number: items.number,
      isPull: items.isPull,
      authorLogin: items.authorLogin,
      authorType: items.authorType,
      authorAssociation: items.authorAssociation,
    })
    .from(items)
    .where(and(eq(items.repositoryId, repositoryId), eq(items.number, number)))
    .limit(1);
  return row;
}

/** A contributor by account id, or by login ignoring case (claims from before ids store logins lowercased). */
export async function contributorOf(
  db: DB,
  repositoryId: number,
  person: { id: number } | { login: string },
): Promise<{ login: string; number: number | null; firstPullNumber: number | null } | undefined> {
  const { contributors } = tablesOf(db);
  const which = "id" in person ? eq(contributors.userId, person.id) : sql`lower(${contributors.login}) = ${person.login.toLowerCase()}`;
  const [row] = await db
    .select({ login: contributors.login, number: contributors.number, firstPullNumber: contributors.firstPullNumber })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), which))
    .limit(1);
  return row;
}
