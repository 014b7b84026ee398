import { describeDatabase } from "../config/database-url.js";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Store } from "./db.js";
import { type DB, registerHandle } from "./engine.js";
import * as schema from "./schema-postgres.js";

/**
 * drizzle over PostgreSQL as PostgreSQL's own code sees it: the migrations and `steward copy`. The
 * store modules see it as `DB` (engine.ts).
 */
export type PostgresDB = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** An open PostgreSQL store: the store modules' handle, and drizzle's own over the same pool. */
export interface PostgresStore extends Store {
  postgres: PostgresDB;
}

export interface PostgresStoreOptions {
  /** Connections the pool opens at most (DATABASE_POOL_SIZE); each replica has its own pool. */
  poolSize: number;
  /**
   * How long opening a connection may take before it fails, in ms; unset, pg waits as long as the
   * network does. `steward copy` sets one so that an unreachable server is reported, not waited on.
   */
  connectTimeoutMs?: number;
}

/**
 * Opens a pool on `url` (`postgres://user:password@host:5432/database?sslmode=...`); connections
 * open on first use. TLS follows the URL's `sslmode` as pg reads it: `disable` (none), `no-verify`
 * (TLS without checking the certificate) and `verify-full` (TLS, the server's certificate checked
 * against the system's CAs or `sslrootcert=<file>`, and its host name). pg reads `require`,
 * `prefer` and `verify-ca` as `verify-full` too (stricter than libpq, and it warns once), so a
 * server with a self-signed certificate needs `sslrootcert` or `no-verify`.
 */
export function openPostgresStore(url: string, options: PostgresStoreOptions): PostgresStore {
  // bigint as numbers, not strings: see parseInt8.
  pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize, connectionTimeoutMillis: options.connectTimeoutMs });
  // A pooled connection the server closes while idle (a restart, a failover) is dropped by the pool
  // and the next query opens another; without a listener its error would end the process.
  pool.on("error", () => {});
  const postgres = drizzle({ client: pool, schema });
  registerHandle(postgres, "postgres", schema, null);
  return {
    db: postgres as unknown as DB,
    postgres,
    engine: "postgres",
    location: describeDatabase({ engine: "postgres", url, poolSize: options.poolSize }),
    close: () => pool.end(),
  };
}

/**
 * bigint columns (times, GitHub ids, counts) come back as JS numbers, as SQLite's integers do, in
 * raw SQL results too: pg would hand them over as strings. Set on pg's global parsers because
 * drizzle gives each query its own parsers, which fall back to those (a pool's `types` is never
 * read); Steward is the only user of pg in its process. Every value Steward stores is far below
 * 2^53; one that is not fails loudly instead of coming back rounded.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`a bigint out of JavaScript's exact range came back from PostgreSQL: ${text}`);
  return value;
}
