import type { FlagTable } from "./flags.js";

/** What `steward <command> --help` says about a command. */
export interface CommandHelp {
  /** What follows "steward " on the usage line, e.g. "report --repo owner/name [--now TIME] [--json]". */
  usage: string;
  /** What the command does and what it reads or writes; a few lines. */
  about: string;
  flags: FlagTable;
  /** What exit codes 0 and 1 mean for this command (2 is the same for all). */
  exits: { done: string; failed: string };
}

/** How date and time values are read, said once wherever a command takes one. */
export const TIME_FORMAT_NOTE =
  "TIME and DATE are ISO 8601: YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS(.sss), optionally\n" +
  "followed by Z or ±HH:MM. A value without a zone is UTC: 2026-11-30 is 2026-11-30T00:00Z.\n" +
  "Impossible dates and times (2026-02-31, 24:00) are refused.";

/** Exit code 2, the same for every command. */
export const USAGE_EXIT = "called wrongly: unknown command or flag, missing or bad value (one line on stderr says which)";

/** The text of `steward <command> --help`: usage, flags, time format, exit codes. */
export function renderCommandHelp(help: CommandHelp): string {
  const rows: Array<[string, string]> = Object.entries(help.flags).map(([name, flag]) => [
    flag.value === undefined ? `--${name}` : `--${name} ${flag.value}`,
    flag.about,
  ]);
  rows.push(["-h, --help", "print this help and exit"]);
  const takesTime = Object.values(help.flags).some((flag) => flag.value === "TIME" || flag.value === "DATE");
  const sections = [
    `usage: steward ${help.usage}`,
    help.about,
    `flags:\n${table(rows)}`,
    ...(takesTime ? [TIME_FORMAT_NOTE] : []),
    `exit codes:\n${table([
      ["0", help.exits.done],
      ["1", help.exits.failed],
      ["2", USAGE_EXIT],
    ])}`,
  ];
  return sections.join("\n\n") + "\n";
}

/** Two columns, the first padded to its widest cell, indented by two spaces. */
export function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join("\n");
}
