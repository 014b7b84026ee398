import { eq } from "drizzle-orm";
import type { DB } from "./db.js";
import { configStatus } from "./schema.js";
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
  return db.transaction((tx) => {
    const previous = tx.select({ fingerprint: configStatus.fingerprint }).from(configStatus).where(eq(configStatus.repositoryId, repositoryId)).get();
    const row = { valid: problems.length === 0, errors: problems, fingerprint, checkedAt: now };
    tx.insert(configStatus)
      .values({ repositoryId, ...row })
      .onConflictDoUpdate({ target: configStatus.repositoryId, set: row })
      .run();
    return previous?.fingerprint !== fingerprint;
  });
}

/** The last recorded config outcome of a repository, if it was ever read. */
export async function loadConfigStatus(db: DB, repositoryId: number): Promise<ConfigStatusRecord | undefined> {
  const row = db.select().from(configStatus).where(eq(configStatus.repositoryId, repositoryId)).get();
  return row && { valid: row.valid, problems: row.errors, checkedAt: row.checkedAt };
}
