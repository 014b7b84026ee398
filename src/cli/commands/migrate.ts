import { withStore, type CliIo } from "../context.js";
import { parseCommandLine } from "../parse-command-line.js";

/** `steward migrate`: applies the committed migrations to DATABASE_URL's database. */
export async function migrateCommand(argv: string[], io: CliIo): Promise<number> {
  parseCommandLine("migrate", argv, {});
  const location = await withStore(io, async (store) => store.location);
  io.out(`migrations applied to ${location}\n`);
  return 0;
}
