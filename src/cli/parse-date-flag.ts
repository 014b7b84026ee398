import { ISO_INSTANT_FORMS, parseIsoInstant } from "../time/parse-iso-instant.js";
import { UsageError } from "./usage-error.js";

/**
 * Reads a date/time flag strictly (see parse-iso-instant.ts): a value that is not an ISO 8601
 * date or time, or names no real one (2026-02-31), is a UsageError naming the flag, so a typo
 * never silently moves a command to another day. Values without a zone are UTC.
 */
export function parseDateFlag(command: string, flag: string, value: string | boolean | undefined): Date | null {
  if (value === undefined) return null;
  if (typeof value !== "string") throw new UsageError(`${command}: --${flag} needs a value, e.g. --${flag} 2026-11-30`);
  const result = parseIsoInstant(value);
  if (result.ok) return result.at;
  // JSON quoting keeps the message on one line whatever the value holds.
  const shown = JSON.stringify(value);
  switch (result.problem) {
    case "empty":
      throw new UsageError(`${command}: --${flag} is empty; give a date or time such as 2026-11-30 or 2026-11-30T09:00Z`);
    case "form":
      throw new UsageError(`${command}: --${flag} must be a date or time in ISO 8601 form (${ISO_INSTANT_FORMS}), got ${shown}`);
    case "range":
      throw new UsageError(`${command}: --${flag} ${shown} is not a real date or time: ${result.reason}`);
  }
}

/** `--now <TIME>`; without one, the real clock's time. */
export function parseNow(command: string, value: string | boolean | undefined, clock: () => Date = () => new Date()): Date {
  return parseDateFlag(command, "now", value) ?? clock();
}

/** `--since <DATE>`, or null when not given. */
export function parseSince(command: string, value: string | boolean | undefined): Date | null {
  return parseDateFlag(command, "since", value);
}
