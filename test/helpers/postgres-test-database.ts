import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres-db.js";
import { applyPostgresMigrations } from "../../src/store/postgres-migrate.js";

/**
 * The server the PostgreSQL leg runs against, e.g. postgres://postgres@127.0.0.1:5432/test (.ci/run
 * sets it). Unset, the PostgreSQL tests are skipped and test/global-setup-postgres.ts says so once;
 * set and unreachable, that setup fails the run.
 */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL || undefined;

/** `describe` for tests that need PostgreSQL: skipped without TEST_POSTGRES_URL. */
export const describeOnPostgres = describe.skipIf(testPostgresUrl === undefined);

/** A database of its own on the test server, for one test file or one test. */
export interface PostgresTestDatabase {
  name: string;
  /** TEST_POSTGRES_URL with this database in place of its own (query parameters such as sslmode kept). */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database (or a copy of `template`) with a name no other run or file uses (the process id and random
 * bytes), so test files running in parallel, and runs on one server, never see each other's rows.
 * The database named in TEST_POSTGRES_URL serves only to create and drop them.
 */
export async function createPostgresTestDatabase(options: { template?: string } = {}): Promise<PostgresTestDatabase> {
  const name = `steward_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer(options.template ? `CREATE DATABASE "${name}" TEMPLATE "${options.template}"` : `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE (PostgreSQL 13 and later) ends connections a failed test left open.
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A fresh database with every PostgreSQL migration applied, open as a store; `dispose` drops it. */
export async function createPostgresTestStore(): Promise<PostgresStore & { url: string; dispose(): Promise<void> }> {
  const database = await createPostgresTestDatabase();
  const store = openPostgresStore(database.url, { poolSize: 4 });
  try {
    await applyPostgresMigrations(store.postgres);
  } catch (error) {
    await store.close();
    await database.drop();
    throw error;
  }
  return {
    ...store,
    url: database.url,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

function serverUrl(): string {
  if (testPostgresUrl === undefined) throw new Error("TEST_POSTGRES_URL is not set: use describeOnPostgres for tests that need PostgreSQL");
  return testPostgresUrl;
}

/** Runs one statement on the server's own database, over a connection of its own. */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
