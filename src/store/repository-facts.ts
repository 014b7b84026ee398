import { eq } from "drizzle-orm";
import type { DB } from "./db.js";
import { tablesOf } from "./engine.js";

/** What the daily job last read about a repository. */
export interface StoredRepositoryFacts {
  data: Record<string, unknown>;
  checkedAt: Date;
}

/** Replaces the repository's facts with the latest read. */
export async function saveRepositoryFacts(db: DB, repositoryId: number, data: Record<string, unknown>, checkedAt: Date): Promise<void> {
  const { repositoryFacts } = tablesOf(db);
  await db
    .insert(repositoryFacts)
    .values({ repositoryId, data, checkedAt })
    .onConflictDoUpdate({ target: repositoryFacts.repositoryId, set: { data, checkedAt } });
}

/** The repository's facts from the latest daily read, if any. */
export async function findRepositoryFacts(db: DB, repositoryId: number): Promise<StoredRepositoryFacts | undefined> {
  const { repositoryFacts } = tablesOf(db);
  const [row] = await db
    .select({ data: repositoryFacts.data, checkedAt: repositoryFacts.checkedAt })
    .from(repositoryFacts)
    .where(eq(repositoryFacts.repositoryId, repositoryId))
    .limit(1);
  return row;
}
