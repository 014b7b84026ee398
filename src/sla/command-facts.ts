import type { StewardConfig } from "../config/schema.js";
import type { ClockEvent } from "../domain/clock.js";
import { isCommandKind } from "../domain/commands.js";
import { commandAuthority } from "../people/command-authority.js";

/**
 * A comment made only of Steward commands: it speaks to Steward, not to the people on the item, so
 * it is no first response, starts no follow-up wait and is no author's reply (README, "Maintainer
 * commands"). Otherwise `/steward snooze 2d` would itself answer the item it means to quiet.
 */
export function onlyCommands(event: { data?: ClockEvent["data"] }): boolean {
  return event.data?.onlyCommands === true;
}

/** The facts the clock may read: every fact but the commands of people who may not give them. */
export function withoutUnauthorizedCommands(events: readonly ClockEvent[], config: StewardConfig): ClockEvent[] {
  return events.filter((event) => !isCommandKind(event.kind) || commandAuthority(event, config) === "maintainer");
}

/**
 * Until when reminders about the item are silenced: the `until` of the latest snooze (a later one
 * replaces an earlier one, shorter or longer), if it is still ahead of `now`. `sorted` holds the
 * authorized facts the caller reads at `now` (all of them for the sweep, as it acts at the
 * present), in time order. The clock's figures do not change. Pure.
 */
export function snoozedUntil(sorted: readonly ClockEvent[], now: Date): Date | null {
  let until: Date | null = null;
  for (const event of sorted) {
    if (event.kind !== "command.snooze") continue;
    const end = typeof event.data?.until === "string" ? new Date(event.data.until) : null;
    if (end !== null && !Number.isNaN(end.getTime())) until = end;
  }
  return until !== null && until.getTime() > now.getTime() ? until : null;
}
