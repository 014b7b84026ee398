import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { type DB, type Engine, registerHandle } from "./engine.js";
import * as schema from "./schema.js";
import { startWalCheckpointer } from "./wal-checkpointer.js";

export type { DB } from "./engine.js";

/** An open metrics database, on either engine: the handle the store modules take, and its closing. */
export interface Store {
  db: DB;
  engine: Engine;
  /** Where the data lives, for logs and errors: a file path, ":memory:", or a URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** drizzle over SQLite with its connection: what SQLite's own code (tests, benchmarks, the copy) reads through. */
export type SqliteDB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A SQLite store, whose handle is also SQLite's own. */
export interface SqliteStore extends Store {
  db: SqliteDB;
}

/**
 * Opens (creating if needed) the SQLite file at `path`. WAL lets readers (the CLI, /healthz) work
 * while the server writes; `synchronous=NORMAL` is durable across process crashes in WAL mode and
 * much faster than FULL; the busy timeout lets a CLI write wait for the server's transaction. With
 * `checkpointInBackground` (the server's store, through openStore) a worker thread does the WAL
 * checkpoints, so the event loop never waits for them (wal-checkpointer.ts).
 */
export function openSqliteStore(path: string, options: { checkpointInBackground?: boolean } = {}): SqliteStore {
  if (path !== ":memory:") makeFolders(dirname(path));
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const checkpointer = options.checkpointInBackground && path !== ":memory:" ? startWalCheckpointer(sqlite, path) : null;
  const db = drizzle(sqlite, { schema });
  registerHandle(db, "sqlite", schema, sqlite);
  return {
    db,
    engine: "sqlite",
    location: path,
    close: async () => {
      // The worker's connection first, so that the last one to close (which checkpoints and removes the WAL) is this one.
      await checkpointer?.stop();
      sqlite.close();
    },
  };
}

/**
 * Makes a folder and its missing parents one by one. Node's recursive mkdir never returns for a
 * path under /proc (each level answers "no such file" and it retries forever); one level at a time,
 * the first refusal is thrown as it is.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) mkdirSync(level);
}
