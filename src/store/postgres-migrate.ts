import { join } from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { packageRoot } from "../package-root.js";
import type { PostgresDB } from "./postgres-db.js";

/** Where drizzle-kit writes PostgreSQL's committed SQL migrations (drizzle.postgres.config.ts). */
export const postgresMigrationsFolder = join(packageRoot(), "migrations", "postgres");

/**
 * The advisory lock that makes migrating a PostgreSQL database one process's job at a time: the
 * ASCII bytes of "stewardm" (Steward, migrate) read as one 64-bit number. Advisory lock keys are
 * per database, so only another application locking the same number in the same database could
 * collide with it.
 */
export const MIGRATION_LOCK_KEY = "8319385975070549101";

/**
 * Brings a PostgreSQL database's schema up to date. Replicas that start together all call this:
 * each waits for a session-level advisory lock, so the first migrates and the others then find
 * every migration recorded in drizzle's table and apply none. Drizzle applies the pending
 * migrations in one transaction, so a failure leaves the schema as it was.
 */
export async function applyPostgresMigrations(db: PostgresDB): Promise<void> {
  // One connection for the lock and the migration: a session-level lock belongs to its connection.
  const client = await db.$client.connect();
  let failed = false;
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await migrate(drizzle({ client }), { migrationsFolder: postgresMigrationsFolder });
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the connection is closed rather than returned: its session ends, and with it
    // the lock, whatever state the failure left the connection in.
    client.release(failed);
  }
}
