import type { ParseArgsConfig } from "node:util";

/** One flag of a command: how node's parseArgs reads it, and how `--help` describes it. */
export interface FlagSpec {
  type: "string" | "boolean";
  /**
   * The value's placeholder in help texts, string flags only. "TIME" and "DATE" mark the flags
   * read by parse-date-flag.ts, whose accepted forms the help then spells out.
   */
  value?: string;
  /** What the flag does, one line. */
  about: string;
}

/** A command's flags by long name, declared once so that parsing and help cannot disagree. */
export type FlagTable = Record<string, FlagSpec>;

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** The options node's parseArgs takes for `flags`. */
export function parseArgsOptions(flags: FlagTable): OptionSpec {
  return Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, { type: flag.type }]));
}

/** Flags several commands share; `about` says what it means for the command at hand. */
export const repoFlag = (about = "the repository (required)"): FlagSpec => ({ type: "string", value: "owner/name", about });
export const nowFlag = (about: string): FlagSpec => ({ type: "string", value: "TIME", about: `${about} (default: the current time)` });
export const sinceFlag = (about: string): FlagSpec => ({ type: "string", value: "DATE", about });
export const jsonFlag = (about = "print JSON instead of text"): FlagSpec => ({ type: "boolean", about });
export const dryRunFlag = (about: string): FlagSpec => ({ type: "boolean", about });
