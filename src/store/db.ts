import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema.js";

/** The drizzle handle every store module takes as its first argument. */
export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** An open metrics database: the drizzle handle plus what is needed to check and close it. */
export interface Store {
  db: DB;
  /** Where the data lives, for logs and errors (a file path or ":memory:"). */
  location: string;
  close(): void;
}

/**
 * Opens (creating if needed) the SQLite file at `path`. WAL lets readers (the CLI, /healthz) work
 * while the server writes; `synchronous=NORMAL` is durable across process crashes in WAL mode and
 * much faster than FULL; the busy timeout lets a CLI write wait for the server's transaction.
 */
export function openSqliteStore(path: string): Store {
  if (path !== ":memory:") makeFolders(dirname(path));
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return {
    db: drizzle(sqlite, { schema }),
    location: path,
    close: () => sqlite.close(),
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
