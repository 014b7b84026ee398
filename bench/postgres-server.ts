import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseTargetFrom, describeDatabase } from "../src/config/database-url.js";

/**
 * The server the postgres benchmark measures on: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL (which
 * .ci/run exports for the tests), so CI measures PostgreSQL without a setting of its own.
 */
export function benchPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BENCH_POSTGRES_URL || env.TEST_POSTGRES_URL || undefined;
}

/** Databases of the benchmark's own on that server, each created empty; `dropAll` removes every one. */
export interface BenchDatabases {
  /** The server's URL without its password, for the report. */
  location: string;
  /** A new empty database; its URL (the server's, with this database in place of its own). */
  create(): Promise<string>;
  dropAll(): Promise<void>;
}

/**
 * Connects to the server once to see that it answers: null, with the reason in `unreachable`,
 * when it does not, so the benchmark can be skipped rather than fail on a machine without
 * PostgreSQL. The database in the URL serves only to create and drop the benchmark's own.
 */
export async function benchDatabases(serverUrl: string): Promise<{ databases: BenchDatabases } | { unreachable: string }> {
  let location: string;
  try {
    location = describeDatabase(databaseTargetFrom(serverUrl, process.cwd(), 1));
  } catch (error) {
    return { unreachable: (error as Error).message };
  }
  try {
    await onServer(serverUrl, "SELECT 1");
  } catch (error) {
    return { unreachable: `${location}: ${(error as Error).message || String((error as { code?: unknown }).code)}` };
  }
  const created: string[] = [];
  return {
    databases: {
      location,
      async create() {
        // The process id and random bytes: two bench runs, or a test run, on one server never meet.
        const name = `steward_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
        await onServer(serverUrl, `CREATE DATABASE "${name}"`);
        created.push(name);
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        return url.toString();
      },
      async dropAll() {
        // FORCE ends connections a failed measure left open (a server killed before its pool closed).
        for (const name of created.splice(0)) await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    },
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}
