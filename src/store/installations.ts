import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { RepositoryRecord } from "../domain/repository.js";
import type { DB } from "./db.js";
import { inTransaction, lockForTransaction, runStatement, type Tables, tablesOf } from "./engine.js";

/**
 * Taken by every transaction that adds, renames or removes repositories: a full name belongs to one
 * row at a time, and on PostgreSQL two replicas handling installation events at once would
 * otherwise each free the same name and then collide on it.
 */
export const REPOSITORIES_LOCK = "repositories";

/** Feature tables holding data of one repository: removing the repository empties them too. */
function perRepositoryTables(t: Tables) {
  return [
    t.contributors,
    t.milestoneCrossings,
    t.dailyMetrics,
    t.repositoryFacts,
    t.backfillState,
    t.leadSignals,
    t.memberCounts,
    t.customers,
    t.digests,
    // After community_members: deleting its rows fires the triggers that decrement these.
    t.communityMembers,
    t.memberCounts,
    t.companyCounts,
    t.companySpellings,
    t.projectionWatermarks,
    t.unhandledDeliveries,
  ] as const;
}

export interface InstallationRecord {
  id: number;
  accountLogin: string;
  accountType: string;
}

/** Records an installation (or refreshes its account) and the repositories it grants. */
export async function registerInstallation(db: DB, installation: InstallationRecord, repos: RepositoryRecord[], now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockForTransaction(tx, REPOSITORIES_LOCK);
    const { installations } = tablesOf(tx);
    await tx
      .insert(installations)
      .values({ ...installation, registeredAt: now })
      .onConflictDoUpdate({
        target: installations.id,
        set: { accountLogin: installation.accountLogin, accountType: installation.accountType },
      });
    for (const repo of repos) await upsertRepository(tx, repo, now);
  });
}

/** Call inside a transaction holding REPOSITORIES_LOCK. */
async function upsertRepository(tx: DB, repo: RepositoryRecord, now: Date): Promise<void> {
  const { repositories } = tablesOf(tx);
  // A full name can move from one repository id to another (rename, transfer, delete and recreate);
  // the stale row must give the name up first.
  await tx.delete(repositories).where(and(eq(repositories.fullName, repo.fullName), ne(repositories.id, repo.id)));
  await tx
    .insert(repositories)
    .values({ ...repo, registeredAt: now })
    .onConflictDoUpdate({
      target: repositories.id,
      set: {
        installationId: repo.installationId,
        owner: repo.owner,
        name: repo.name,
        fullName: repo.fullName,
        private: repo.private,
      },
    });
}

/**
 * Serves one more repository of an installation Steward knows, once GitHub confirmed the app is
 * installed on it (a repository created in an installation of all repositories sends no
 * installation event). False when the installation is unknown: nothing is registered then.
 */
export async function serveRepository(db: DB, repo: RepositoryRecord, now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    // Before the read: an uninstall handled at the same time either comes first (and the
    // installation is unknown here) or waits for this one and removes the repository with the rest.
    await lockForTransaction(tx, REPOSITORIES_LOCK);
    const { installations } = tablesOf(tx);
    const [known] = await tx.select({ id: installations.id }).from(installations).where(eq(installations.id, repo.installationId)).limit(1);
    if (!known) return false;
    await upsertRepository(tx, repo, now);
    return true;
  });
}

/** Whether Steward knows this installation (announced by `installation.created` and not deleted). */
export async function isKnownInstallation(db: DB, id: number): Promise<boolean> {
  const { installations } = tablesOf(db);
  const [row] = await db.select({ id: installations.id }).from(installations).where(eq(installations.id, id)).limit(1);
  return row !== undefined;
}

/** Marks an installation suspended or active again. */
export async function setInstallationSuspended(db: DB, id: number, suspended: boolean): Promise<void> {
  const { installations } = tablesOf(db);
  await db.update(installations).set({ suspended }).where(eq(installations.id, id));
}

/** Deletes everything Steward holds about the given repositories. */
export async function forgetRepositories(db: DB, repositoryIds: number[]): Promise<void> {
  if (repositoryIds.length === 0) return;
  await inTransaction(db, async (tx) => {
    await lockForTransaction(tx, REPOSITORIES_LOCK);
    const t = tablesOf(tx);
    // The repository rows first: a delivery being recorded holds a key-share lock on its repository's
    // row (ledger.ts), so this waits for it to commit and then deletes its rows too; one that starts
    // later finds the repository gone and stores nothing.
    await tx.delete(t.repositories).where(inArray(t.repositories.id, repositoryIds));
    await tx.delete(t.events).where(inArray(t.events.repositoryId, repositoryIds));
    await tx.delete(t.items).where(inArray(t.items.repositoryId, repositoryIds));
    await tx.delete(t.deliveries).where(inArray(t.deliveries.repositoryId, repositoryIds));
    await tx.delete(t.configStatus).where(inArray(t.configStatus.repositoryId, repositoryIds));
    await tx.delete(t.sideEffects).where(inArray(t.sideEffects.repositoryId, repositoryIds));
    for (const table of perRepositoryTables(t)) await tx.delete(table).where(inArray(table.repositoryId, repositoryIds));
    // Names and companies of people no served repository knows of any more are not Steward's to keep.
    await runStatement(
      tx,
      sql`DELETE FROM user_profiles WHERE user_id IS NULL OR user_id NOT IN (SELECT actor_id FROM events WHERE actor_id IS NOT NULL)`,
    );
  });
}

/** Deletes an installation and all data of its repositories. */
export async function forgetInstallation(db: DB, installationId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    // Before listing them: a repository served at the same time is either listed or not yet there.
    await lockForTransaction(tx, REPOSITORIES_LOCK);
    const { deliveries, installations, repositories } = tablesOf(tx);
    const rows = await tx.select({ id: repositories.id }).from(repositories).where(eq(repositories.installationId, installationId));
    await forgetRepositories(
      tx,
      rows.map((r) => r.id),
    );
    await tx.delete(deliveries).where(eq(deliveries.installationId, installationId));
    await tx.delete(installations).where(eq(installations.id, installationId));
  });
}

function repositoryColumns(repositories: Tables["repositories"]) {
  return {
    id: repositories.id,
    installationId: repositories.installationId,
    owner: repositories.owner,
    name: repositories.name,
    fullName: repositories.fullName,
    private: repositories.private,
  };
}

/** Looks a repository up by "owner/name", ignoring case as GitHub does. */
export async function findRepository(db: DB, fullName: string): Promise<RepositoryRecord | undefined> {
  const { repositories } = tablesOf(db);
  const [row] = await db
    .select(repositoryColumns(repositories))
    .from(repositories)
    .where(sql`lower(${repositories.fullName}) = ${fullName.toLowerCase()}`)
    .limit(1);
  return row;
}

/** All repositories Steward serves, for the scheduler and the CLI. */
export async function listRepositories(db: DB): Promise<RepositoryRecord[]> {
  const { repositories } = tablesOf(db);
  return db.select(repositoryColumns(repositories)).from(repositories).orderBy(repositories.fullName);
}

/**
 * The repositories the schedules work on: those of installations that are not suspended (a
 * suspended installation's token is refused, and its owner asked Steward to stay quiet).
 */
export async function listActiveRepositories(db: DB): Promise<RepositoryRecord[]> {
  const { installations, repositories } = tablesOf(db);
  return (
    db
      .select(repositoryColumns(repositories))
      .from(repositories)
      .leftJoin(installations, eq(installations.id, repositories.installationId))
      // A repository whose installation row is missing counts as active. `eq` with a JS boolean
      // binds what each engine stores: 0 for SQLite's integer column, false for PostgreSQL's boolean.
      .where(or(isNull(installations.suspended), eq(installations.suspended, false)))
      .orderBy(repositories.fullName)
  );
}

/** A repository by GitHub's id, or undefined once Steward forgot it. */
export async function repositoryById(db: DB, id: number): Promise<RepositoryRecord | undefined> {
  const { repositories } = tablesOf(db);
  const [row] = await db.select(repositoryColumns(repositories)).from(repositories).where(eq(repositories.id, id)).limit(1);
  return row;
}
