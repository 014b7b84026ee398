import { EnvError } from "../config/env.js";
import { backfillCommand, backfillHelp } from "./commands/backfill.js";
import { checkConfigCommand, checkConfigHelp } from "./commands/check-config.js";
import { copyCommand, copyHelp } from "./commands/copy.js";
import { customersCommand } from "./commands/customers.js";
import { customersHelp } from "./commands/customers-help.js";
import { digestCommand, digestHelp } from "./commands/digest.js";
import { leadsCommand, leadsHelp } from "./commands/leads.js";
import { migrateCommand, migrateHelp } from "./commands/migrate.js";
import { reportCommand, reportHelp } from "./commands/report.js";
import { sweepCommand, sweepHelp } from "./commands/sweep.js";
import { CommandFailure } from "./command-failure.js";
import type { CliIo } from "./context.js";
import { renderCommandHelp, table, TIME_FORMAT_NOTE, USAGE_EXIT } from "./help-text.js";
import { UsageError } from "./usage-error.js";
import { stewardVersion } from "./version.js";

interface CliCommand {
  run(argv: string[], io: CliIo): Promise<number>;
  /** One line for `steward --help`. */
  summary: string;
  /** The text of `steward <command> --help`; `argv` follows the command (customers' subcommand). */
  help(argv: string[]): string;
}

const COMMANDS: Record<string, CliCommand> = {
  migrate: {
    run: migrateCommand,
    summary: "apply the database migrations (the one command that creates the database)",
    help: () => renderCommandHelp(migrateHelp),
  },
  report: {
    run: reportCommand,
    summary: "what Steward holds for a repository, and its figures for the past week",
    help: () => renderCommandHelp(reportHelp),
  },
  sweep: { run: sweepCommand, summary: "send the response reminders due now (--dry-run: list them)", help: () => renderCommandHelp(sweepHelp) },
  digest: { run: digestCommand, summary: "open the weekly digest now (--dry-run: print it)", help: () => renderCommandHelp(digestHelp) },
  backfill: { run: backfillCommand, summary: "read (or resume reading) a repository's history", help: () => renderCommandHelp(backfillHelp) },
  leads: { run: leadsCommand, summary: "users who showed enterprise interest (--csv for a CRM)", help: () => renderCommandHelp(leadsHelp) },
  customers: { run: customersCommand, summary: "add, list or remove paying customers and their MRR", help: customersHelp },
  copy: {
    run: copyCommand,
    summary: "copy a SQLite database into an empty PostgreSQL one, and verify every table",
    help: () => renderCommandHelp(copyHelp),
  },
  "check-config": {
    run: checkConfigCommand,
    summary: "check a steward.yml on this machine as the server would (no database, no GitHub)",
    help: () => renderCommandHelp(checkConfigHelp),
  },
};

/** `steward --help`: the commands, the environment, the time format and the exit codes. */
function overview(): string {
  const commands = Object.entries(COMMANDS).map(([name, c]): [string, string] => [name, c.summary]);
  return (
    [
      "usage: steward <command> [flags]\n       steward <command> --help    a command's flags and exit codes\n       steward --version",
      `commands:\n${table(commands)}`,
      "DATABASE_URL names the server's SQLite database (default: ./data/steward.db). Every command but\n" +
        "migrate needs it to exist; copy and check-config do not read it (copy's --from and --to name its\n" +
        "databases). sweep, digest and backfill (and report and customers add, for the repository's\n" +
        "steward.yml) authenticate as the app from APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH.",
      TIME_FORMAT_NOTE,
      "exit codes:\n" +
        table([
          ["0", "success"],
          [
            "1",
            "failure: no database at DATABASE_URL, a repository Steward does not hold, GitHub refused, a reminder failed, a backfill stopped, an invalid steward.yml",
          ],
          ["2", USAGE_EXIT],
        ]),
    ].join("\n\n") + "\n"
  );
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 called wrongly (unknown
 * command or flag, bad value), with a one-line reason on stderr. `--help` and `--version` are
 * answered before any command runs, so they never open the database.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return usageError(io, 'steward: no command given; run "steward --help" for the commands');
  if (name === "help" || name === "--help" || name === "-h") return help(rest, io);
  if (name === "--version") {
    if (rest.length > 0) return usageError(io, `steward: --version takes no arguments, got "${rest[0]}"`);
    io.out(`${stewardVersion()}\n`);
    return 0;
  }
  if (name.startsWith("-")) return usageError(io, `steward: unknown option "${name}"; the command comes first (see "steward --help")`);
  const command = commandNamed(name);
  if (!command) return usageError(io, `steward: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
  if (asksForHelp(rest)) {
    io.out(command.help(rest));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // UsageError and CommandFailure messages start with the command's name already.
    if (error instanceof UsageError) return report(io, 2, `steward ${error.message}`);
    if (error instanceof EnvError) return report(io, 2, `steward ${name}: ${error.message}`);
    if (error instanceof CommandFailure) return report(io, 1, `steward ${error.message}`);
    return report(io, 1, `steward ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `steward help [command [subcommand]]`, `steward --help`. */
function help(argv: string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.out(overview());
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return usageError(io, `steward help: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
  io.out(command.help(rest));
  return 0;
}

/** Own keys only: "constructor" or "toString" is no command. */
function commandNamed(name: string): CliCommand | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** `--help` or `-h` anywhere before a `--` (parseArgs refuses both as another flag's value). */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

function usageError(io: CliIo, message: string): number {
  return report(io, 2, message);
}

/** Prints `message` as the one line the exit code comes with. */
function report(io: CliIo, code: number, message: string): number {
  io.err(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  return code;
}
