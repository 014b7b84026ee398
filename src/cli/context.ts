import { existsSync, statSync } from "node:fs";
import { describeDatabase } from "../config/database-url.js";
import { parseEnv } from "../config/env.js";
import type { Store } from "../store/db.js";
import { openStore } from "../store/open-store.js";
import { applyMigrations } from "../store/migrate.js";
import { CommandFailure } from "./command-failure.js";

/** Where a command writes, so tests can capture its output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface StoreOptions {
  /** The command's name, for the one-line reason when there is no database. */
  command: string;
  /**
   * Whether the database file (and its folder) may be created. Only `steward migrate` does: every
   * other command works on data the server or migrate has stored, so a missing file means a
   * mistyped DATABASE_URL, and creating an empty database there would only hide the mistake.
   */
  create?: boolean;
}

/** Opens the database the server uses (DATABASE_URL), migrated, for the duration of `use`. */
export async function withStore<T>(io: CliIo, options: StoreOptions, use: (store: Store) => Promise<T>): Promise<T> {
  const env = parseEnv(io.env, io.cwd);
  if (!options.create && env.database.engine === "sqlite") requireExistingDatabase(options.command, env.database.path);
  const store = openStore(env.database);
  try {
    await applyMigrations(store.db).catch((error: Error) => {
      throw new CommandFailure(`${options.command}: cannot use the database at ${describeDatabase(env.database)}: ${error.message.split("\n")[0]}`);
    });
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * Checked before opening, because opening a SQLite file that is not there creates it (and
 * openSqliteStore creates its folder too). ":memory:" holds nothing to lose.
 */
function requireExistingDatabase(command: string, path: string): void {
  if (path === ":memory:") return;
  if (!existsSync(path)) {
    throw new CommandFailure(`${command}: no database at ${path}; run \`steward migrate\` or start the server first`);
  }
  if (!statSync(path).isFile()) throw new CommandFailure(`${command}: DATABASE_URL names ${path}, which is not a file`);
}
