import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { packageRoot } from "../package-root.js";
import type { DB } from "./db.js";

/** Where drizzle-kit writes SQLite's committed SQL migrations (PostgreSQL's: postgres-migrate.ts). */
export const sqliteMigrationsFolder = join(packageRoot(), "migrations", "sqlite");

/**
 * Brings the database schema up to date. Drizzle records applied migrations in its own table, so
 * running this at every start, and again from `steward migrate`, is safe.
 */
export async function applyMigrations(db: DB): Promise<void> {
  migrate(db, { migrationsFolder: sqliteMigrationsFolder });
}
