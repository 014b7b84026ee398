/**
 * Maintainer commands in comments (`/steward snooze 3d`, README "Maintainer commands"): the names
 * and the ledger facts they become. A command is recorded as a fact when its comment is ingested,
 * so the response clock and the conversion records read it like the labels it mirrors, and a
 * figure at a past instant sees only the commands given by then. Whether its author may command
 * Steward is decided where it is read (`commandAuthority`, src/people/command-authority.ts).
 */

/** The commands Steward knows; anything else after `/steward` is `unknown` (answered with the help). */
export const COMMAND_NAMES = ["snooze", "exempt", "include", "waiting", "lead", "not-lead", "help", "unknown"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The ledger kind of a command's fact, e.g. `command.snooze`. */
export const commandKind = (name: CommandName) => `command.${name}`;

/** The command kinds the response clock reads. */
export const CLOCK_COMMAND_KINDS = ["command.snooze", "command.exempt", "command.include", "command.waiting"] as const;

/** True for the fact of a command, whatever its name. */
export const isCommandKind = (kind: string) => kind.startsWith("command.");

/** A command as parsed from a comment: its name and, for a snooze, how long. */
export interface ParsedCommand {
  name: CommandName;
  /** A snooze's length in ms (already capped). */
  durationMs?: number;
  /** The command line as written, trimmed and shortened: what an `unknown` said. */
  text: string;
}
