import type { StewardConfig } from "../config/schema.js";
import { fitToLimit, hiddenMarker, inlineText, login } from "../text/index.js";
import type { ClockItem } from "../domain/clock.js";
import type { DueReminder } from "./due-reminder.js";
import { kindRules } from "./kind-rules.js";

const HOUR = 3_600_000;

/** "45 minutes", "19 hours", "3 days": whole units, rounded down, as a reminder reads best. */
export function formatWait(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (ms < HOUR) return plural(Math.max(0, Math.floor(ms / 60_000)), "minute");
  if (ms < 48 * HOUR) return plural(Math.floor(ms / HOUR), "hour");
  return plural(Math.floor(ms / (24 * HOUR)), "day");
}

/** The hidden marker of a reminder: by it an interrupted sweep finds what it already posted. */
export function reminderMarker(reminder: DueReminder): string {
  return hiddenMarker(reminder.effectKind, reminder.period ? `${reminder.number}@${reminder.period}` : String(reminder.number));
}

/**
 * The body of a reminder: its configured template with the variables filled in and the marker
 * appended. Mentions come only from `notify` (deliberate pings); the author, the title and every
 * other user-written value are neutralized, so they cannot ping, link or inject markup.
 */
export function reminderBody(reminder: DueReminder, item: ClockItem, notify: readonly string[], config: StewardConfig): string {
  const response = config.response;
  const working = response.businessHours.enabled && reminder.kind !== "follow-up" ? " of working time" : "";
  const values: Record<string, string> = {
    notify: notify.length > 0 ? notify.join(" ") : "Maintainers:",
    author: login(reminder.waiting),
    title: inlineText(item.title, 120),
    number: `#${item.number}`,
    kind: item.isDiscussion ? "discussion" : item.isPull ? "pull request" : "issue",
    waited: `${formatWait(reminder.waitedMs)}${working}`,
    // The item's own goal: a pull request's may differ from an issue's (`response.pullRequests`).
    goal: `${formatWait(kindRules(response, item.isPull).goalHours * HOUR)}${response.businessHours.enabled ? " of working time" : ""}`,
    label: inlineText(response.breachedLabel, 50),
    followUpDays: String(response.followUpDays),
  };
  const template = response.templates[reminder.kind === "at-risk" ? "atRisk" : reminder.kind === "breached" ? "breached" : "followUp"];
  const text = template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
  const marker = reminderMarker(reminder);
  return `${fitToLimit(text, 60_000)}\n\n${marker}`;
}
