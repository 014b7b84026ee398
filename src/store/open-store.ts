import type { DatabaseTarget } from "../config/database-url.js";
import { openSqliteStore, type Store } from "./db.js";
import { openPostgresStore } from "./postgres-db.js";

/**
 * Opens the store DATABASE_URL names, on its engine; connections open on first use. A PostgreSQL
 * connection that cannot be opened within `connectTimeoutMs` fails instead of waiting on the network.
 */
export function openStore(target: DatabaseTarget, options: { connectTimeoutMs?: number } = {}): Store {
  if (target.engine === "sqlite") return openSqliteStore(target.path);
  return openPostgresStore(target.url, { poolSize: target.poolSize, connectTimeoutMs: options.connectTimeoutMs });
}
