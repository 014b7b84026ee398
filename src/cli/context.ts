import { parseEnv } from "../config/env.js";
import { openSqliteStore, type Store } from "../store/db.js";
import { applyMigrations } from "../store/migrate.js";

/** Where a command writes, so tests can capture its output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Opens the database the server uses (DATABASE_URL), migrated, for the duration of `use`. */
export async function withStore<T>(io: CliIo, use: (store: Store) => Promise<T>): Promise<T> {
  const env = parseEnv(io.env, io.cwd);
  const store = openSqliteStore(env.databasePath);
  try {
    await applyMigrations(store.db);
    return await use(store);
  } finally {
    store.close();
  }
}
