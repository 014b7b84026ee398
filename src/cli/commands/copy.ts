import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { copyStore } from "../../store/copy/copy-store.js";
import { openSqliteSource } from "../../store/copy/sqlite-source.js";
import { type TableVerification, verifyCopy } from "../../store/copy/verify-copy.js";
import { CONNECT_TIMEOUT_MS } from "../../store/open-store.js";
import { openPostgresStore } from "../../store/postgres-db.js";
import { CommandFailure } from "../command-failure.js";
import type { CliIo } from "../context.js";
import type { FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { parseCommandLine } from "../parse-command-line.js";
import { UsageError } from "../usage-error.js";

const FLAGS: FlagTable = {
  from: { type: "string", value: "FILE", about: "the server's SQLite database file, migrated (required; only read)" },
  to: { type: "string", value: "URL", about: "an empty PostgreSQL database: postgres://user:password@host:5432/database (required)" },
};

export const copyHelp: CommandHelp = {
  usage: "copy --from FILE --to URL",
  about:
    "Copies every table of a SQLite database into a PostgreSQL database, to move a deployment: stop the\n" +
    "server first, so that nothing is written after the copy. The destination is migrated, then filled in\n" +
    "one transaction (a failed copy writes no row); it must hold no Steward data. Then every table's row\n" +
    "count and checksum are compared with the source's, one line each. DATABASE_URL is not read: set it\n" +
    "to the PostgreSQL URL afterwards, and start the server.",
  flags: FLAGS,
  exits: {
    done: "copied, and every table holds the source's rows",
    failed: "the source is not a migrated Steward database, PostgreSQL cannot be reached or holds data, or the copy failed or differs",
  },
};

/** `steward copy --from <file> --to <postgres-url>`: moves the data, then verifies it table by table. */
export async function copyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("copy", argv, FLAGS);
  const from = sourceFile(values.from, io.cwd);
  const to = destinationUrl(values.to);
  const source = openSqliteSource(from);
  try {
    // Two connections: the copy's transaction, and the verification's once the copy committed.
    const destination = openPostgresStore(to, { poolSize: 2, connectTimeoutMs: CONNECT_TIMEOUT_MS });
    try {
      const copied = await copyStore(source, destination);
      const checks = await verifyCopy(source.db, destination.postgres);
      for (const check of checks) io.out(`${describe(check)}\n`);
      const differing = checks.filter((check) => !check.ok).map((check) => check.table);
      if (differing.length > 0) {
        throw new CommandFailure(
          `copy: ${destination.location} differs from ${from} in ${differing.join(", ")} (was the server still running?); ` +
            "the rows copied stay there: drop and create the database again before another copy",
        );
      }
      const rows = copied.reduce((sum, table) => sum + table.rows, 0);
      io.out(`copied ${count(rows)} rows in ${copied.length} tables from ${from} to ${destination.location}\n`);
      return 0;
    } finally {
      await destination.close();
    }
  } finally {
    source.close();
  }
}

function sourceFile(value: string | boolean | undefined, cwd: string): string {
  if (typeof value !== "string" || value === "") throw new UsageError("copy: --from FILE is required (the SQLite database to copy)");
  const path = resolve(cwd, value);
  if (!existsSync(path)) throw new UsageError(`copy: --from names ${path}, which does not exist`);
  if (!statSync(path).isFile()) throw new UsageError(`copy: --from names ${path}, which is not a file`);
  return path;
}

function destinationUrl(value: string | boolean | undefined): string {
  if (typeof value !== "string" || value === "") throw new UsageError("copy: --to URL is required (the PostgreSQL database to fill)");
  // Only the scheme is repeated in these messages: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0];
  if (scheme === undefined) throw new UsageError("copy: --to must be a postgres:// URL (postgres://user:password@host:5432/database)");
  if (!/^postgres(ql)?:\/\/$/i.test(scheme)) throw new UsageError(`copy: --to must be a postgres:// URL, got a ${scheme} one`);
  if (!URL.canParse(value)) throw new UsageError(`copy: --to is not a valid URL (postgres://user:password@host:5432/database)`);
  return value;
}

/** `events: 12,345 rows, checksum ok`, or what differs. */
function describe(check: TableVerification): string {
  const rows =
    check.sqliteRows === check.postgresRows
      ? `${count(check.sqliteRows)} rows`
      : `${count(check.sqliteRows)} rows in SQLite, ${count(check.postgresRows)} in PostgreSQL`;
  return `${check.table}: ${rows}, checksum ${check.sqliteChecksum === check.postgresChecksum ? "ok" : "differs"}`;
}

const count = (n: number) => n.toLocaleString("en-US");
