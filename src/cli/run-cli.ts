import { EnvError } from "../config/env.js";
import { backfillCommand } from "./commands/backfill.js";
import { customersCommand } from "./commands/customers.js";
import { digestCommand } from "./commands/digest.js";
import { leadsCommand } from "./commands/leads.js";
import { migrateCommand } from "./commands/migrate.js";
import { reportCommand } from "./commands/report.js";
import { sweepCommand } from "./commands/sweep.js";
import type { CliIo } from "./context.js";
import { UsageError } from "./usage-error.js";

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  migrate: { run: migrateCommand, summary: "apply database migrations" },
  sweep: { run: sweepCommand, summary: "[--repo owner/name] [--now T] [--dry-run] [--json]  send the response reminders due now" },
  report: { run: reportCommand, summary: "--repo owner/name [--now T] [--json]  what Steward knows of a repository, and its figures for the past week" },
  digest: { run: digestCommand, summary: "--repo owner/name [--now T] [--dry-run] [--json]  make the weekly digest now" },
  backfill: { run: backfillCommand, summary: "--repo owner/name [--since DATE] [--json]  read (or resume reading) the repository's history" },
  leads: { run: leadsCommand, summary: "--repo owner/name [--since DATE] [--csv|--json]  users who showed enterprise interest" },
  customers: { run: customersCommand, summary: "add|list|remove --repo owner/name ...  paying organizations and MRR" },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  steward ${name.padEnd(9)} ${c.summary}`);
  return `usage: steward <command> [flags]\n\ncommands:\n${lines.join("\n")}\n`;
}

/**
 * Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 called wrongly (unknown
 * command or flag, bad value), with a one-line reason on stderr.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`steward: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvError) {
      io.err(`steward ${error.message.replace(/\n/g, " ")}\n`);
      return 2;
    }
    io.err(`steward ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
