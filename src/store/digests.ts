import { and, desc, eq, lt, lte } from "drizzle-orm";
import type { DB } from "./db.js";
import { tablesOf } from "./engine.js";

export interface DigestRecord {
  repositoryId: number;
  week: string;
  issueNumber: number;
  issueUrl: string;
  figures: Record<string, unknown>;
  publishedAt: Date;
  closedAt: Date | null;
}

/** Records a published digest; recording the same week again keeps the first record. */
export async function saveDigest(db: DB, digest: Omit<DigestRecord, "closedAt">): Promise<void> {
  const { digests } = tablesOf(db);
  await db.insert(digests).values(digest).onConflictDoNothing();
}

/** The digest of one week, if it was published. */
export async function findDigest(db: DB, repositoryId: number, week: string): Promise<DigestRecord | undefined> {
  const { digests } = tablesOf(db);
  const [row] = await db
    .select()
    .from(digests)
    .where(and(eq(digests.repositoryId, repositoryId), eq(digests.week, week)))
    .limit(1);
  return row;
}

/**
 * The latest digest published for a week before `week` (ISO week keys sort in time order) and, with
 * `publishedBy`, published by then: a digest made again for a past instant links what it linked.
 */
export async function latestDigestBefore(db: DB, repositoryId: number, week: string, publishedBy?: Date): Promise<DigestRecord | undefined> {
  const { digests } = tablesOf(db);
  const conditions = [eq(digests.repositoryId, repositoryId), lt(digests.week, week)];
  if (publishedBy) conditions.push(lte(digests.publishedAt, publishedBy));
  const [row] = await db
    .select()
    .from(digests)
    .where(and(...conditions))
    .orderBy(desc(digests.week))
    .limit(1);
  return row;
}

/** Notes that a digest issue was closed in favour of its successor. */
export async function markDigestClosed(db: DB, repositoryId: number, week: string, at: Date): Promise<void> {
  const { digests } = tablesOf(db);
  await db
    .update(digests)
    .set({ closedAt: at })
    .where(and(eq(digests.repositoryId, repositoryId), eq(digests.week, week)));
}
