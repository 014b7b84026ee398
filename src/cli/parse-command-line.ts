import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedCommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses a command's flags strictly: an unknown flag, a missing value or a stray argument is a
 * UsageError that names it, never silently ignored.
 */
export function parseCommandLine(command: string, argv: string[], options: OptionSpec, maxPositionals = 0): ParsedCommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
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

/** Checks `--now <ISO time>`; without one, the real clock's time. */
export function parseNow(command: string, value: string | boolean | undefined, clock: () => Date = () => new Date()): Date {
  if (value === undefined) return clock();
  const at = typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new UsageError(`${command}: --now must be an ISO time like 2026-11-30T09:00:00Z, got "${String(value)}"`);
  return at;
}

/** Checks `--since <date>`: an ISO date or time. */
export function parseSince(command: string, value: string | boolean | undefined): Date | null {
  if (value === undefined) return null;
  const at = typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new UsageError(`${command}: --since must be a date like 2026-01-31, got "${String(value)}"`);
  return at;
}
