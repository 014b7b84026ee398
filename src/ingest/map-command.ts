import { commandKind } from "../domain/commands.js";
import { parseCommentCommands } from "../text/steward-commands.js";

/** What a new comment adds to the ledger as a command: its fact (if any) and whether it said nothing else. */
export interface CommandFact {
  fact: { base: { kind: string; naturalKey: string }; data: Record<string, unknown> } | null;
  onlyCommands: boolean;
}

/**
 * The command fact of a new comment, keyed by the comment (`comment:<id>:command`), so the
 * comment gives one command once, however often it is delivered. A snooze keeps the instant it
 * ends, computed from the comment's own time, so every reading of the fact agrees. Pure.
 */
export function commandEvent(commentId: number, body: string, at: Date): CommandFact | null {
  const { command, onlyCommands } = parseCommentCommands(body);
  if (command === null) return null;
  const data: Record<string, unknown> = { commentId, text: command.text };
  if (command.durationMs !== undefined) data.until = new Date(at.getTime() + command.durationMs).toISOString();
  return { fact: { base: { kind: commandKind(command.name), naturalKey: `comment:${commentId}:command` }, data }, onlyCommands };
}
