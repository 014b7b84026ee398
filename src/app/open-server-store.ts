import { type DatabaseTarget, describeDatabase } from "../config/database-url.js";
import type { Store } from "../store/db.js";
import { databaseAnswers } from "../store/health.js";
import { applyMigrations } from "../store/migrate.js";
import { openStore } from "../store/open-store.js";

/** A start-up failure whose message is the whole story: printed as one line, no stack trace. */
export class StartupError extends Error {}

/**
 * Opens and migrates the server's database, turning the engine's failures (a read-only file or
 * folder, a path that cannot be created, a lock held by another process, a PostgreSQL server that
 * does not answer or refuses the login) into one line that says where and what, so an operator
 * fixes the deployment instead of reading a stack trace.
 */
export async function openServerStore(target: DatabaseTarget): Promise<Store> {
  let store: Store | undefined;
  try {
    store = openStore(target, { checkpointInBackground: true });
    await applyMigrations(store.db);
    // Migrations may have had nothing to write: prove the database takes writes now, not at the first delivery.
    if (!(await databaseAnswers(store.db))) throw new Error("it does not take writes (read-only, locked, or a standby)");
    return store;
  } catch (error) {
    await store?.close().catch(() => {});
    throw new StartupError(`cannot use the database at ${describeDatabase(target)}: ${reason(error)}`);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0] ?? message;
  if (code === "SQLITE_READONLY" || /readonly/i.test(first)) return `${first} (check the file's and its folder's permissions)`;
  if (code === "SQLITE_BUSY") return `${first} (another process holds a lock on it)`;
  if (code === "ECONNREFUSED") return `${first} (is PostgreSQL running and listening there?)`;
  return first;
}
