import type { DatabaseTarget } from "../config/database-url.js";
import { openSqliteStore, type Store } from "./db.js";
import { openPostgresStore } from "./postgres-db.js";

/**
 * How long opening a PostgreSQL connection may take before it fails: a server that does not
 * answer is reported (at start, by a command) instead of waited on for as long as the network does.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens the store DATABASE_URL names, on its engine; connections open on first use. A server asks
 * for `checkpointInBackground` (SQLite's WAL checkpoints in a worker thread, off its event loop);
 * a command that runs once and exits gains nothing from the thread but its start-up.
 */
export function openStore(target: DatabaseTarget, options: { checkpointInBackground?: boolean } = {}): Store {
  if (target.engine === "sqlite") return openSqliteStore(target.path, options);
  return openPostgresStore(target.url, { poolSize: target.poolSize, connectTimeoutMs: CONNECT_TIMEOUT_MS });
}
