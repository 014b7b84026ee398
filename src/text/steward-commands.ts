import type { CommandName, ParsedCommand } from "../domain/commands.js";

/** What a comment says to Steward. */
export interface CommentCommands {
  /** The first command line of the comment; later ones are ignored (README, "Maintainer commands"). */
  command: ParsedCommand | null;
  /** Every non-blank line is a command line: the comment speaks to Steward, not to the people on the item. */
  onlyCommands: boolean;
}

const HOUR = 3_600_000;
const UNIT_MS: Record<string, number> = { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR };
/** The longest snooze: a longer one is shortened to this rather than refused. */
export const MAX_SNOOZE_MS = 90 * 24 * HOUR;

/** `/steward` then the rest of the line; `/stewardship` is not a command. Up to 3 spaces of indent, as Markdown allows before a paragraph. */
const COMMAND_LINE = /^ {0,3}\/steward(?:\s+(.*))?$/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;
const DURATION = /^(\d{1,4})\s*([hdw])$/i;
const SIMPLE: Record<string, CommandName> = {
  exempt: "exempt",
  include: "include",
  waiting: "waiting",
  lead: "lead",
  "not-lead": "not-lead",
  help: "help",
};

/**
 * The Steward commands in a comment body. A command is a line that starts with `/steward`
 * (any case) outside fenced code blocks and block quotes: code shows a command, a quote repeats
 * someone else's, and neither gives one. Pure.
 */
export function parseCommentCommands(body: string): CommentCommands {
  let command: ParsedCommand | null = null;
  let onlyCommands = true;
  let sawCommand = false;
  let fence: { char: string; length: number } | null = null;
  for (const line of body.split(/\r?\n/)) {
    const opener = FENCE.exec(line)?.[1];
    if (fence !== null) {
      onlyCommands = false;
      if (opener && opener[0] === fence.char && opener.length >= fence.length && line.trim() === opener) fence = null;
      continue;
    }
    if (opener) {
      fence = { char: opener[0]!, length: opener.length };
      onlyCommands = false;
      continue;
    }
    if (line.trim() === "") continue;
    const match = QUOTE.test(line) ? null : COMMAND_LINE.exec(line);
    if (!match) {
      onlyCommands = false;
      continue;
    }
    sawCommand = true;
    command ??= parseCommand(match[1] ?? "");
  }
  return { command, onlyCommands: sawCommand && onlyCommands };
}

/** One command from the words after `/steward`: extra words make it unknown, so a typo never half-applies. */
function parseCommand(rest: string): ParsedCommand {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const text = `/steward ${words.join(" ")}`.trim().slice(0, 100);
  const [first = "", ...others] = words.map((word) => word.toLowerCase());
  const simple = SIMPLE[first];
  if (simple && others.length === 0) return { name: simple, text };
  if (first === "snooze" && others.length === 1) {
    const durationMs = parseDuration(others[0]!);
    if (durationMs !== null) return { name: "snooze", durationMs, text };
  }
  return { name: "unknown", text };
}

/** `12h`, `3d`, `2w`: a positive whole number of hours, days or weeks, capped at MAX_SNOOZE_MS. */
export function parseDuration(word: string): number | null {
  const match = DURATION.exec(word);
  if (!match) return null;
  const amount = Number(match[1]);
  if (amount <= 0) return null;
  return Math.min(amount * UNIT_MS[match[2]!.toLowerCase()]!, MAX_SNOOZE_MS);
}
