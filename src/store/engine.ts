import type Database from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type * as sqliteSchema from "./schema.js";

/** The two databases Steward stores its metrics in: SQLite (one file, one process) and PostgreSQL. */
export type Engine = "sqlite" | "postgres";

/** The tables as the store modules name them; each engine has its own, with equal rows (test/store/schema-parity.test.ts). */
export type Tables = typeof sqliteSchema;

/**
 * The handle every store module takes as its first argument: drizzle over either engine. It is
 * typed as SQLite's so one module serves both, which makes three rules that the store tests hold
 * on both engines: builders are only awaited (never `.get()`, `.all()` or `.run()`, which exist on
 * SQLite's alone); tables come from `tablesOf(db)`, never imported, so each engine's builder gets
 * its own columns (a boolean is 0/1 in SQLite and `boolean` in PostgreSQL); and raw SQL goes
 * through `selectRows` and `runStatement`.
 */
export type DB = BetterSQLite3Database<Tables>;

type PostgresOrm = NodePgDatabase<Record<string, unknown>>;

/** What the store knows about a handle, kept beside it rather than on drizzle's object. */
interface Connection {
  engine: Engine;
  tables: Tables;
  /** SQLite's connection: the hot paths prepare statements on it, and transactions are begun on it. */
  sqlite: Database.Database | null;
  /** SQLite: one transaction at a time over the one connection (see `inTransaction`). */
  lock: Mutex;
  /** How many transactions this handle is inside: 0 for a store's own handle. */
  depth: number;
}

const connections = new WeakMap<object, Connection>();

/** Makes a freshly opened drizzle handle a store handle (db.ts and postgres-db.ts call this). */
export function registerHandle(db: object, engine: Engine, tables: unknown, sqlite: Database.Database | null): void {
  connections.set(db, { engine, tables: tables as Tables, sqlite, lock: new Mutex(), depth: 0 });
}

function connectionOf(db: DB): Connection {
  const connection = connections.get(db);
  if (!connection) throw new Error("not a store handle: open the database with openStore (src/store/db.ts)");
  return connection;
}

export function engineOf(db: DB): Engine {
  return connectionOf(db).engine;
}

/** The engine's own tables, typed as the store modules name them. */
export function tablesOf(db: DB): Tables {
  return connectionOf(db).tables;
}

/** SQLite's connection, for the statements the hot paths prepare once; null on PostgreSQL. */
export function sqliteClientOf(db: DB): Database.Database | null {
  return connectionOf(db).sqlite;
}

/**
 * Rows of a raw query. Column aliases must be quoted where they have capitals (`AS "firstAt"`):
 * PostgreSQL folds unquoted names to lower case. PostgreSQL's bigint (counts, times) comes back as
 * a number, as SQLite's integer does (postgres-db.ts); its numeric (a sum of bigints) does not, so
 * a sum is cast to bigint in the query.
 */
export async function selectRows<T>(db: DB, query: SQL): Promise<T[]> {
  if (connectionOf(db).engine === "sqlite") return db.all<T>(query);
  const result = await (db as unknown as PostgresOrm).execute(query);
  return result.rows as T[];
}

/** The first row of a raw query, or undefined. */
export async function selectRow<T>(db: DB, query: SQL): Promise<T | undefined> {
  return (await selectRows<T>(db, query))[0];
}

/**
 * A statement written as text with `?` placeholders (the hot paths' SQL, which SQLite prepares once)
 * as drizzle SQL with `params` bound, so either engine runs it: PostgreSQL numbers the placeholders.
 * The text must be in the SQL both engines speak, and hold no `?` other than placeholders.
 */
export function sqlFromText(text: string, params: readonly unknown[]): SQL {
  const parts = text.split("?");
  if (parts.length !== params.length + 1) throw new Error(`${parts.length - 1} placeholders for ${params.length} parameters in: ${text}`);
  return sql.join(parts.flatMap((part, i) => (i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)])));
}

/** Runs a raw statement; returns how many rows it changed. */
export async function runStatement(db: DB, query: SQL): Promise<number> {
  if (connectionOf(db).engine === "sqlite") return db.run(query).changes;
  const result = await (db as unknown as PostgresOrm).execute(query);
  return result.rowCount ?? 0;
}

/**
 * Runs `body` in one transaction: all of its writes or none. Inside a transaction, a nested call is
 * a savepoint. The body does database work only (no network): on SQLite it holds the only writer.
 *
 * PostgreSQL: drizzle's transaction on one pooled connection, at READ COMMITTED; a body that reads
 * and then writes what another replica may write at the same time takes `lockForTransaction`
 * first. A transaction PostgreSQL aborts as a deadlock's victim is run again (the body is database
 * work only, so running it again is safe), a few times. SQLite: `BEGIN IMMEDIATE` on the one connection, which other processes wait for (busy
 * timeout); within this process an async mutex lets one body run at a time, because every
 * statement on the connection belongs to whatever transaction is open on it.
 */
export async function inTransaction<T>(db: DB, body: (tx: DB) => Promise<T>): Promise<T> {
  const connection = connectionOf(db);
  if (connection.engine === "postgres") {
    const attempt = () =>
      (db as unknown as PostgresOrm).transaction(async (tx) => {
        connections.set(tx, { ...connection, depth: connection.depth + 1 });
        return body(tx as unknown as DB);
      });
    return connection.depth > 0 ? attempt() : retryingConflicts(attempt);
  }
  return connection.depth > 0 ? sqliteSavepoint(db, connection, body) : sqliteTransaction(db, connection, body);
}

/** PostgreSQL's codes for a transaction aborted by a conflict with another, which may simply be run again. */
const CONFLICT_CODES = new Set(["40P01", "40001"]);
const CONFLICT_ATTEMPTS = 4;

async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= CONFLICT_ATTEMPTS || !CONFLICT_CODES.has(postgresCode(error) ?? "")) throw error;
      // A short random pause, so the two that collided do not meet again in the same order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * tries));
    }
  }
}

/** The SQLSTATE of a pg error, which drizzle wraps in its own (as `cause`). */
function postgresCode(error: unknown): string | undefined {
  for (let at: unknown = error; at instanceof Error; at = at.cause) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

async function sqliteTransaction<T>(db: DB, connection: Connection, body: (tx: DB) => Promise<T>): Promise<T> {
  const sqlite = connection.sqlite!;
  const release = await connection.lock.acquire();
  try {
    const tx = handleInside(db, connection);
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      const result = await body(tx);
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    release();
  }
}

async function sqliteSavepoint<T>(db: DB, connection: Connection, body: (tx: DB) => Promise<T>): Promise<T> {
  const sqlite = connection.sqlite!;
  const name = `steward_${connection.depth}`;
  sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const result = await body(handleInside(db, connection));
    sqlite.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    sqlite.exec(`ROLLBACK TO ${name}`);
    sqlite.exec(`RELEASE ${name}`);
    throw error;
  }
}

/** A handle one transaction deeper: drizzle's own methods, its own place in `connections`. */
function handleInside(db: DB, connection: Connection): DB {
  const tx = Object.create(db) as DB;
  connections.set(tx, { ...connection, depth: connection.depth + 1 });
  return tx;
}

/**
 * Serializes, until the transaction ends, every transaction that takes the same key: on
 * PostgreSQL, where replicas write at once, a transaction-level advisory lock; on SQLite nothing,
 * as `BEGIN IMMEDIATE` already lets one writer in at a time. Call inside `inTransaction`. A
 * `shared` lock lets other shared holders in and keeps only the exclusive one out (and waits for it).
 */
export async function lockForTransaction(tx: DB, key: string, mode: "exclusive" | "shared" = "exclusive"): Promise<void> {
  const connection = connectionOf(tx);
  if (connection.depth === 0) throw new Error("lockForTransaction needs a transaction: call it inside inTransaction");
  if (connection.engine === "sqlite") return;
  const lock = mode === "shared" ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await (tx as unknown as PostgresOrm).execute(sql`SELECT ${lock}(hashtextextended(${key}, 0))`);
}

/** A first-in, first-out async lock. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}
