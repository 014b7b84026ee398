import { openSqliteStore, type Store } from "../store/db.js";
import { applyMigrations } from "../store/migrate.js";

/** A start-up failure whose message is the whole story: printed as one line, no stack trace. */
export class StartupError extends Error {}

/**
 * Opens and migrates the server's database, turning SQLite's failures (a read-only file or
 * folder, a path that cannot be created, a lock held by another process) into one line that says
 * where and what, so an operator fixes the deployment instead of reading a stack trace.
 */
export async function openServerStore(path: string): Promise<Store> {
  let store: Store | undefined;
  try {
    store = openSqliteStore(path);
    await applyMigrations(store.db);
    // Migrations may have had nothing to write: prove the file takes writes now, not at the first delivery.
    store.db.$client.exec("BEGIN IMMEDIATE; ROLLBACK");
    return store;
  } catch (error) {
    store?.close();
    throw new StartupError(`cannot use the database at ${path}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0] ?? message;
  if (code === "SQLITE_READONLY" || /readonly/i.test(first)) return `${first} (check the file's and its folder's permissions)`;
  if (code === "SQLITE_BUSY") return `${first} (another process holds a lock on it)`;
  return first;
}
