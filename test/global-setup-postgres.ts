import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPostgresStore } from "../src/store/postgres-db.js";
import { applyPostgresMigrations } from "../src/store/postgres-migrate.js";

/**
 * The PostgreSQL leg's gate, before any test file runs. Without TEST_POSTGRES_URL the store's
 * PostgreSQL tests are skipped, and this says so in one line rather than in a skip per test. With
 * it set, the server must answer: a run meant to cover PostgreSQL fails here, naming the URL,
 * instead of passing with that leg silently missing. It then migrates one template database that
 * each test clones (`CREATE DATABASE ... TEMPLATE`, far faster than migrating each), and drops it
 * at the end.
 */
export default async function checkPostgres(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    console.log("PostgreSQL leg skipped: TEST_POSTGRES_URL is not set (e.g. TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npm test)");
    return undefined;
  }
  await onServer(url, "SELECT 1").catch((error: Error) => {
    throw new Error(`TEST_POSTGRES_URL is set but PostgreSQL does not answer at ${redacted(url)}: ${error.message}`);
  });
  const template = `steward_template_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer(url, `CREATE DATABASE "${template}"`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const store = openPostgresStore(templateUrl.toString(), { poolSize: 1 });
  try {
    await applyPostgresMigrations(store.postgres);
  } finally {
    await store.close();
  }
  project.provide("postgresTemplate", template);
  return () => onServer(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // A refused connection is reported by connect(); this keeps a late socket error from crashing the run instead.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}
