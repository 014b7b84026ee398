import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { SqliteDB } from "../db.js";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { sqliteMigrationsFolder } from "../migrate.js";
import * as schema from "../schema.js";

/** The SQLite database a copy reads. */
export interface SqliteSource {
  db: SqliteDB;
  location: string;
  close(): void;
}

/**
 * Opens the SQLite file a copy reads, read-only: copying must change nothing in it (no migration,
 * no journal mode set), and a wrong path must not leave an empty database behind, as
 * openSqliteStore would. The busy timeout lets a read wait out a lock a writer still holds.
 */
export function openSqliteSource(path: string): SqliteSource {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return { db: drizzle(sqlite, { schema }), location: path, close: () => sqlite.close() };
}

/**
 * Refuses a source that is not a SQLite file, not a Steward database, or not migrated exactly as
 * far as this version's migrations go: its tables must be the ones the copy reads and PostgreSQL's
 * migrations create. Migrations are known by the time drizzle records for each (its folder time).
 */
export function checkSqliteSource(db: SqliteDB, location: string): void {
  const applied = appliedMigrations(db, location);
  const known = readMigrationFiles({ migrationsFolder: sqliteMigrationsFolder }).map((migration) => migration.folderMillis);
  const unknown = [...applied].filter((at) => !known.includes(at));
  if (unknown.length > 0) {
    throw new Error(
      `${location} was migrated by a newer Steward (${unknown.length} migration(s) this version does not know): copy it with that version`,
    );
  }
  const missing = known.filter((at) => !applied.has(at));
  if (missing.length > 0) {
    throw new Error(
      `${location} is not fully migrated (${missing.length} of ${known.length} migrations not applied): run \`steward migrate\` with DATABASE_URL=${location} first`,
    );
  }
}

function appliedMigrations(db: SqliteDB, location: string): Set<number> {
  try {
    const recorded = db.$client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
    if (recorded === undefined)
      throw new Error(`${location} is not a Steward database: it records no migrations (is it the server's DATABASE_URL file?)`);
    const times = db.$client.prepare(`SELECT created_at FROM __drizzle_migrations`).pluck().all();
    return new Set(times.map(Number));
  } catch (error) {
    // better-sqlite3 opens any file; the first read finds out whether it is a database.
    if ((error as { code?: unknown }).code === "SQLITE_NOTADB") throw new Error(`${location} is not a SQLite database`);
    throw error;
  }
}
