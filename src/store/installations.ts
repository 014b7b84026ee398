import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { RepositoryRecord } from "../domain/repository.js";
import type { DB } from "./db.js";
import {
  backfillState,
  communityMembers,
  companyCounts,
  companySpellings,
  configStatus,
  contributors,
  customers,
  dailyMetrics,
  deliveries,
  digests,
  events,
  installations,
  items,
  leadSignals,
  memberCounts,
  milestoneCrossings,
  projectionWatermarks,
  unhandledDeliveries,
  repositories,
  repositoryFacts,
  sideEffects,
} from "./schema.js";

/** Feature tables holding data of one repository: removing the repository empties them too. */
const PER_REPOSITORY_TABLES = [
  contributors,
  milestoneCrossings,
  dailyMetrics,
  repositoryFacts,
  backfillState,
  leadSignals,
  memberCounts,
  customers,
  digests,
  // After community_members: deleting its rows fires the triggers that decrement these.
  communityMembers,
  memberCounts,
  companyCounts,
  companySpellings,
  projectionWatermarks,
  unhandledDeliveries,
] as const;

export interface InstallationRecord {
  id: number;
  accountLogin: string;
  accountType: string;
}

/** Records an installation (or refreshes its account) and the repositories it grants. */
export async function registerInstallation(db: DB, installation: InstallationRecord, repos: RepositoryRecord[], now: Date): Promise<void> {
  db.transaction((tx) => {
    tx.insert(installations)
      .values({ ...installation, registeredAt: now })
      .onConflictDoUpdate({
        target: installations.id,
        set: { accountLogin: installation.accountLogin, accountType: installation.accountType },
      })
      .run();
    for (const repo of repos) upsertRepository(tx, repo, now);
  });
}

function upsertRepository(tx: Pick<DB, "insert" | "delete">, repo: RepositoryRecord, now: Date): void {
  // A full name can move from one repository id to another (rename, transfer, delete and recreate);
  // the stale row must give the name up first.
  tx.delete(repositories)
    .where(and(eq(repositories.fullName, repo.fullName), ne(repositories.id, repo.id)))
    .run();
  tx.insert(repositories)
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
    })
    .run();
}

/**
 * Serves one more repository of an installation Steward knows, once GitHub confirmed the app is
 * installed on it (a repository created in an installation of all repositories sends no
 * installation event). False when the installation is unknown: nothing is registered then.
 */
export async function serveRepository(db: DB, repo: RepositoryRecord, now: Date): Promise<boolean> {
  return db.transaction((tx) => {
    const known = tx.select({ id: installations.id }).from(installations).where(eq(installations.id, repo.installationId)).get();
    if (!known) return false;
    upsertRepository(tx, repo, now);
    return true;
  });
}

/** Whether Steward knows this installation (announced by `installation.created` and not deleted). */
export async function isKnownInstallation(db: DB, id: number): Promise<boolean> {
  return db.select({ id: installations.id }).from(installations).where(eq(installations.id, id)).get() !== undefined;
}

/** Marks an installation suspended or active again. */
export async function setInstallationSuspended(db: DB, id: number, suspended: boolean): Promise<void> {
  db.update(installations).set({ suspended }).where(eq(installations.id, id)).run();
}

/** Deletes everything Steward holds about the given repositories. */
export async function forgetRepositories(db: DB, repositoryIds: number[]): Promise<void> {
  if (repositoryIds.length === 0) return;
  db.transaction((tx) => {
    tx.delete(events).where(inArray(events.repositoryId, repositoryIds)).run();
    tx.delete(items).where(inArray(items.repositoryId, repositoryIds)).run();
    tx.delete(deliveries).where(inArray(deliveries.repositoryId, repositoryIds)).run();
    tx.delete(configStatus).where(inArray(configStatus.repositoryId, repositoryIds)).run();
    tx.delete(sideEffects).where(inArray(sideEffects.repositoryId, repositoryIds)).run();
    for (const table of PER_REPOSITORY_TABLES) tx.delete(table).where(inArray(table.repositoryId, repositoryIds)).run();
    tx.delete(repositories).where(inArray(repositories.id, repositoryIds)).run();
    // Names and companies of people no served repository knows of any more are not Steward's to keep.
    tx.run(sql`DELETE FROM user_profiles WHERE user_id IS NULL OR user_id NOT IN (SELECT actor_id FROM events WHERE actor_id IS NOT NULL)`);
  });
}

/** Deletes an installation and all data of its repositories. */
export async function forgetInstallation(db: DB, installationId: number): Promise<void> {
  const repoIds = db
    .select({ id: repositories.id })
    .from(repositories)
    .where(eq(repositories.installationId, installationId))
    .all()
    .map((r) => r.id);
  await forgetRepositories(db, repoIds);
  db.transaction((tx) => {
    tx.delete(deliveries).where(eq(deliveries.installationId, installationId)).run();
    tx.delete(installations).where(eq(installations.id, installationId)).run();
  });
}

const repositoryColumns = {
  id: repositories.id,
  installationId: repositories.installationId,
  owner: repositories.owner,
  name: repositories.name,
  fullName: repositories.fullName,
  private: repositories.private,
};

/** Looks a repository up by "owner/name", ignoring case as GitHub does. */
export async function findRepository(db: DB, fullName: string): Promise<RepositoryRecord | undefined> {
  return db.select(repositoryColumns).from(repositories).where(sql`lower(${repositories.fullName}) = ${fullName.toLowerCase()}`).get();
}

/** All repositories Steward serves, for the scheduler and the CLI. */
export async function listRepositories(db: DB): Promise<RepositoryRecord[]> {
  return db.select(repositoryColumns).from(repositories).orderBy(repositories.fullName).all();
}

/**
 * The repositories the schedules work on: those of installations that are not suspended (a
 * suspended installation's token is refused, and its owner asked Steward to stay quiet).
 */
export async function listActiveRepositories(db: DB): Promise<RepositoryRecord[]> {
  return db
    .select(repositoryColumns)
    .from(repositories)
    .leftJoin(installations, eq(installations.id, repositories.installationId))
    .where(sql`coalesce(${installations.suspended}, 0) = 0`)
    .orderBy(repositories.fullName)
    .all();
}

/** A repository by GitHub's id, or undefined once Steward forgot it. */
export async function repositoryById(db: DB, id: number): Promise<RepositoryRecord | undefined> {
  return db.select(repositoryColumns).from(repositories).where(eq(repositories.id, id)).get();
}
