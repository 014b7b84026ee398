import { eq } from "drizzle-orm";
import type { DB } from "./db.js";
import { inTransaction, lockForTransaction, tablesOf } from "./engine.js";
import type { ConfigProblem } from "../domain/config.js";

export interface ConfigStatusRecord {
  valid: boolean;
  problems: ConfigProblem[];
  checkedAt: Date;
}

/**
 * Stores the outcome of reading a repository's config. Returns true when the problems differ from
 * the ones stored before, which is when they deserve a log line: a broken file read a hundred
 * times is reported once.
 */
export async function saveConfigStatus(db: DB, repositoryId: number, problems: ConfigProblem[], now: Date): Promise<boolean> {
  const fingerprint = JSON.stringify(problems);
  return inTransaction(db, async (tx) => {
    // Replicas reading the same config at once would each see the old fingerprint and each report.
    await lockForTransaction(tx, `config-status:${repositoryId}`);
    const { configStatus } = tablesOf(tx);
    const [previous] = await tx
      .select({ fingerprint: configStatus.fingerprint })
      .from(configStatus)
      .where(eq(configStatus.repositoryId, repositoryId))
      .limit(1);
    const row = { valid: problems.length === 0, errors: problems, fingerprint, checkedAt: now };
    await tx
      .insert(configStatus)
      .values({ repositoryId, ...row })
      .onConflictDoUpdate({ target: configStatus.repositoryId, set: row });
    return previous?.fingerprint !== fingerprint;
  });
}

/** The last recorded config outcome of a repository, if it was ever read. */
export async function loadConfigStatus(db: DB, repositoryId: number): Promise<ConfigStatusRecord | undefined> {
  const { configStatus } = tablesOf(db);
  const [row] = await db.select().from(configStatus).where(eq(configStatus.repositoryId, repositoryId)).limit(1);
  return row && { valid: row.valid, problems: row.errors, checkedAt: row.checkedAt };
}
