import { parseArgs } from "node:util";
import { parseArgsOptions, type FlagTable } from "./flags.js";
import { UsageError } from "./usage-error.js";

export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses a command's flags strictly: an unknown flag, a missing value or a stray argument is a
 * UsageError that names it, never silently ignored. (`--help` never gets here: runCli answers it
 * before a command runs.)
 */
export function parseCommandLine(command: string, argv: string[], flags: FlagTable, maxPositionals = 0): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseArgsOptions(flags), strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${command}: ${oneLine((error as Error).message)}`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`${command}: unexpected argument "${parsed.positionals[maxPositionals]}"`);
  }
  return { values: parsed.values as ParsedCommandLine["values"], positionals: parsed.positionals };
}

/** Node's messages carry a hint on a second line; the first says what is wrong. */
function oneLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/\. To specify.*$/, "");
}

/** Checks `--repo owner/name`. */
export function requireRepo(command: string, value: string | boolean | undefined): string {
  if (typeof value !== "string" || value === "") throw new UsageError(`${command}: --repo owner/name is required`);
  if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(value)) {
    throw new UsageError(`${command}: --repo must look like owner/name, got "${value}"`);
  }
  return value;
}
