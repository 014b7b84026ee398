import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { packageRoot } from "../package-root.js";
import { type DB, engineOf } from "./engine.js";
import type { PostgresDB } from "./postgres-db.js";
import { applyPostgresMigrations } from "./postgres-migrate.js";

/** Where drizzle-kit writes SQLite's committed SQL migrations (PostgreSQL's: postgres-migrate.ts). */
export const sqliteMigrationsFolder = join(packageRoot(), "migrations", "sqlite");

/**
 * Brings the database schema up to date, with the engine's own migrations. Drizzle records applied
 * migrations in its own table, so running this at every start, and again from `steward migrate`,
 * is safe; on PostgreSQL, replicas starting together take turns (postgres-migrate.ts).
 */
export async function applyMigrations(db: DB): Promise<void> {
  // A PostgreSQL store's handle is drizzle's node-postgres database (postgres-db.ts).
  if (engineOf(db) === "postgres") return applyPostgresMigrations(db as unknown as PostgresDB);
  migrate(db, { migrationsFolder: sqliteMigrationsFolder });
}
