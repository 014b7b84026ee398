import { login } from "../../text/index.js";
import { monthName } from "../../time/zoned-time.js";

/** Small formatting helpers for the digest: numbers, changes, durations, dates and bars. */

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 1234 -> "1,234". */
export function count(value: number): string {
  return numberFormat.format(value);
}

/** The change from `before` to `now`: "+12", "−3" or "±0". */
export function change(now: number, before: number): string {
  const delta = Math.round((now - before) * 10) / 10;
  if (delta === 0) return "±0";
  return delta > 0 ? `+${count(delta)}` : `−${count(-delta)}`;
}

/** 0.8123 -> "81%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A duration the way people say it: "45m", "3h 12m", "2d 4h". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

/** A date as "Nov 23, 2026" (UTC). */
export function day(at: Date): string {
  return `${monthName(at.getUTCMonth() + 1)} ${at.getUTCDate()}, ${at.getUTCFullYear()}`;
}

/** A progress bar of `width` blocks, in a code span so it keeps its width: "`███████░░░`". */
export function progressBar(share: number, width = 10): string {
  const filled = Math.min(width, Math.max(0, Math.floor(share * width)));
  return `\`${"█".repeat(filled)}${"░".repeat(width - filled)}\``;
}

/** A login for a table cell: shown without a ping, and unable to end the cell. */
export function cellLogin(name: string): string {
  return login(name).replace(/\|/g, "\\|");
}
