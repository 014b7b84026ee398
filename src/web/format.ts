import { count, day, duration, percent } from "../digest/render/format.js";
import type { FunnelStage, MilestoneMetric } from "../domain/figures.js";
import { html, type SafeHtml } from "./html.js";

/**
 * Numbers, dates and names on the dashboard, worded as the weekly digest words them (its helpers
 * are reused so a maintainer reads "3h 12m", "81%" and "Nov 23, 2026" in both places).
 */
export { count, day, duration, percent };

/** Shown where a figure does not exist (no item decided, no response that week). */
export const NONE = "—";

/** "Nov 23, 2026, 14:05 UTC". */
export function dateTime(at: Date): string {
  const hh = String(at.getUTCHours()).padStart(2, "0");
  const mm = String(at.getUTCMinutes()).padStart(2, "0");
  return `${day(at)}, ${hh}:${mm} UTC`;
}

/** A date in words inside `<time>`, so the machine-readable instant travels with it. */
export function timeTag(at: Date, withTime = false): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${withTime ? dateTime(at) : day(at)}</time>`;
}

/** The metrics as the digest's Milestones section names them. */
export const METRIC_NAMES: Readonly<Record<MilestoneMetric, string>> = {
  stars: "Stars",
  contributors: "Contributors",
  activeMembers: "Active members",
  mrr: "MRR (USD)",
};

/** An amount of a metric in words: "1,000 stars", "12 active members", "4,000 USD MRR". */
export function metricAmount(metric: MilestoneMetric, value: number): string {
  switch (metric) {
    case "stars":
      return `${count(value)} ${value === 1 ? "star" : "stars"}`;
    case "contributors":
      return `${count(value)} ${value === 1 ? "contributor" : "contributors"}`;
    case "activeMembers":
      return `${count(value)} active ${value === 1 ? "member" : "members"}`;
    case "mrr":
      return `${count(value)} USD MRR`;
  }
}

/** The funnel's stages as the digest's Conversion section names them. */
export const STAGE_NAMES: Readonly<Record<FunnelStage, string>> = {
  stargazers: "Stargazers and forkers",
  participants: "Participants",
  contributors: "Contributors",
  leads: "Enterprise leads",
  customers: "Customers",
};

const cents = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount of dollars: "1,200", or "1,200.50" when it has cents (MRR is kept in cents). */
export function usd(value: number): string {
  return Number.isInteger(value) ? count(value) : cents.format(value);
}

/** "1 repository", "3 repositories". */
export function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
