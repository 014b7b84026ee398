import { and, eq, ne, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { inTransaction, lockForTransaction, tablesOf } from "./engine.js";
import { forgetRepositories, REPOSITORIES_LOCK } from "./installations.js";

/** Where a repository lives on GitHub after a rename or a transfer. */
export interface RepositoryPlace {
  owner: string;
  name: string;
  fullName: string;
  /** The installation that now serves it, when the event names one (a transfer may change it). */
  installationId?: number;
}

/**
 * Records whether a served repository is private. Only a repository Steward already serves is
 * touched: a visibility change never registers one. Returns whether the stored flag changed.
 */
export async function setRepositoryPrivate(db: DB, id: number, isPrivate: boolean): Promise<boolean> {
  const { repositories } = tablesOf(db);
  const changed = await db
    .update(repositories)
    .set({ private: isPrivate })
    .where(and(eq(repositories.id, id), ne(repositories.private, isPrivate)))
    .returning({ id: repositories.id });
  return changed.length > 0;
}

/**
 * Records a served repository's new owner and name. Every row of its history is keyed by GitHub's
 * repository id, not by its name, so nothing else moves: events, contributors, leads and digests
 * stay its own. An unknown id registers nothing. Returns whether the repository is served.
 *
 * GitHub gives a name to one repository at a time, so another row still holding the new name is
 * stale: that repository was deleted or moved while Steward did not hear of it, and Steward can no
 * longer reach it by name. It is forgotten, as a removal would, rather than kept as data no
 * repository answers for.
 */
export async function moveRepository(db: DB, id: number, place: RepositoryPlace): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    // Before the reads: the name must still be free, or held by the same stale rows, when it is taken.
    await lockForTransaction(tx, REPOSITORIES_LOCK);
    const { repositories } = tablesOf(tx);
    const [served] = await tx.select({ id: repositories.id }).from(repositories).where(eq(repositories.id, id)).limit(1);
    if (!served) return false;
    const stale = await tx
      .select({ id: repositories.id })
      .from(repositories)
      .where(and(sql`lower(${repositories.fullName}) = ${place.fullName.toLowerCase()}`, ne(repositories.id, id)));
    await forgetRepositories(
      tx,
      stale.map((row) => row.id),
    );
    await tx
      .update(repositories)
      .set({
        owner: place.owner,
        name: place.name,
        fullName: place.fullName,
        ...(place.installationId === undefined ? {} : { installationId: place.installationId }),
      })
      .where(eq(repositories.id, id));
    return true;
  });
}
