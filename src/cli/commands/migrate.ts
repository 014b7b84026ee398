import { withStore, type CliIo } from "../context.js";
import type { FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { parseCommandLine } from "../parse-command-line.js";

const FLAGS: FlagTable = {};

export const migrateHelp: CommandHelp = {
  usage: "migrate",
  about:
    "Applies the database migrations to DATABASE_URL's SQLite file, creating the file and its folder if\n" +
    "they do not exist; the server also applies them at start. The only command that creates the database.",
  flags: FLAGS,
  exits: { done: "the database is up to date", failed: "the database could not be created, opened or migrated" },
};

/** `steward migrate`: applies the committed migrations to DATABASE_URL's database. */
export async function migrateCommand(argv: string[], io: CliIo): Promise<number> {
  parseCommandLine("migrate", argv, FLAGS);
  const location = await withStore(io, { command: "migrate", create: true }, async (store) => store.location);
  io.out(`migrations applied to ${location}\n`);
  return 0;
}
