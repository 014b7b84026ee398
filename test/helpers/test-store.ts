import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, inject } from "vitest";
import { openSqliteStore, type SqliteDB, type Store } from "../../src/store/db.js";
import { applyMigrations } from "../../src/store/migrate.js";
import { openPostgresStore, type PostgresDB } from "../../src/store/postgres-db.js";
import { createPostgresTestDatabase, type PostgresTestDatabase } from "./postgres-test-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database the PostgreSQL project's test databases are cloned from (test/global-setup-postgres.ts). */
    postgresTemplate: string;
  }
}

/** A fresh, migrated store; `dispose` closes it and removes its data. */
export type TestStore = Store & { dispose(): Promise<void> };

/**
 * A fresh, migrated store on the engine this test project runs on: SQLite, or PostgreSQL in the
 * "postgres" project (vitest.config.ts), which runs the store tests again there. On PostgreSQL each
 * store is alone in its database: cloned from a template migrated once per run, or one a disposed
 * store gave back, emptied. Every database a file made is dropped after it
 * (test/setup-postgres-cleanup.ts) whether or not a test disposed its store.
 */
export async function createTestStore(): Promise<TestStore> {
  if (process.env.STEWARD_TEST_ENGINE === "postgres") return createPostgresTestStoreFromTemplate();
  return createSqliteTestStore();
}

/** A fresh SQLite file with every migration applied, for tests about SQLite itself; `sqlite` is its connection. */
export async function createSqliteTestStore(): Promise<TestStore & { db: SqliteDB; path: string; sqlite: Database.Database }> {
  const dir = mkdtempSync(join(tmpdir(), "steward-test-"));
  const path = join(dir, "steward.db");
  const store = openSqliteStore(path);
  await applyMigrations(store.db);
  return {
    ...store,
    path,
    sqlite: store.db.$client,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The databases this file created, dropped after its tests (test/setup-postgres-cleanup.ts). */
export const postgresTestDatabases: Array<{ close(): Promise<void>; drop(): Promise<void> }> = [];

/** Databases a disposed store gave back, for the next test to use emptied rather than create one. */
const freeDatabases: PostgresTestDatabase[] = [];

async function createPostgresTestStoreFromTemplate(): Promise<TestStore> {
  const reused = freeDatabases.pop();
  const database = reused ?? (await createPostgresTestDatabase({ template: inject("postgresTemplate") }));
  const store = openPostgresStore(database.url, { poolSize: 4 });
  // Emptied, a migrated database is as new (the migrations create tables and triggers, no rows).
  if (reused) await emptyEveryTable(store.postgres);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await store.close();
  };
  if (!reused) postgresTestDatabases.push({ close, drop: database.drop });
  return {
    ...store,
    close,
    async dispose() {
      await close();
      freeDatabases.push(database);
    },
  };
}

/** Cloning the template costs about half a second; emptying every table a few milliseconds. */
async function emptyEveryTable(db: PostgresDB): Promise<void> {
  const tables = await db.execute<{ name: string }>(sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  const names = tables.rows.map((row) => `"${row.name}"`).join(", ");
  await db.execute(sql.raw(`TRUNCATE ${names} RESTART IDENTITY`));
}

/**
 * A fresh store for each test of the enclosing `describe` (createTestStore before, dispose after):
 * `store.db` is the current test's handle.
 */
export function useTestStore(): { readonly db: Store["db"] } {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await createTestStore();
  });
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return {
    get db() {
      if (!current) throw new Error("useTestStore: the store exists only while a test runs");
      return current.db;
    },
  };
}
