import { sql } from "drizzle-orm";
import { type DB, engineOf, selectRow, sqliteClientOf } from "./engine.js";

/**
 * True when the database takes writes now. SQLite: `BEGIN IMMEDIATE` takes the write lock without
 * writing anything, so it fails for a read-only file or a lock held past the busy timeout, either
 * of which would make every delivery fail while a plain `select 1` still answers. PostgreSQL: the
 * server answers and is a primary (a standby in recovery refuses writes).
 */
export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    if (engineOf(db) === "sqlite") {
      const sqlite = sqliteClientOf(db)!;
      sqlite.exec("BEGIN IMMEDIATE");
      sqlite.exec("ROLLBACK");
      return true;
    }
    const row = await selectRow<{ standby: boolean }>(db, sql`SELECT pg_is_in_recovery() AS standby`);
    return row?.standby === false;
  } catch {
    return false;
  }
}
