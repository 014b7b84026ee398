import type { DB } from "./db.js";

/**
 * True when the database takes writes now. `BEGIN IMMEDIATE` takes the write lock without writing
 * anything, so it fails for a read-only file or a lock held past the busy timeout, either of which
 * would make every delivery fail while a plain `select 1` still answers.
 */
export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    db.$client.exec("BEGIN IMMEDIATE");
    db.$client.exec("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}
