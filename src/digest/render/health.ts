import type { ClosureRatio, HealthFigures, SmallestMajority } from "../../domain/figures.js";
import { inlineText, login, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { count, day, percent } from "./format.js";
import { sectionOf } from "./section.js";

/** Where the section appears and what it may say. */
export interface HealthSectionOptions {
  heading: string;
  /**
   * Whether companies may be named: a public repository's digest never names one (../shared/DESIGN.md,
   * "Reliability rules"), so there only their number shows.
   */
  nameCompanies: boolean;
}

/** How many people a factor names at most, so one line stays one line. */
const NAMED = 5;

/**
 * The community health figures at a glance, one line per CHAOSS metric: bus factors, elephant
 * factor, new contributor retention, closure ratios, and the stale backlog with its oldest items.
 */
export function healthSection(health: SectionFigures<HealthFigures>, options: HealthSectionOptions): BodySection {
  return sectionOf(options.heading, health, (h) => ({
    head: [
      options.heading,
      "",
      `CHAOSS metrics; the factors cover the 90 days to ${day(h.window.end)}.`,
      "",
      `- **Bus factor** (Contributor Absence Factor): ${majority(h.busFactor.merges, "merged pull request")}; ${majority(h.busFactor.firstResponses, "first response")}.`,
      `- **Elephant factor**: ${elephant(h, options.nameCompanies)}`,
      `- **New contributor retention**: ${retained(h)}`,
      `- **Closed ÷ opened** this week: issues ${ratio(h.closure.issues)}; pull requests ${ratio(h.closure.pullRequests)}.`,
      `- **Stale backlog** (Inactive Issues): ${stale(h)}`,
    ].join("\n"),
    items: h.staleBacklog.oldest.map(
      (item) => `  - #${item.number} ${inlineText(item.title, 80)} (${item.isPull ? "pull request" : "issue"}, idle ${count(item.idleDays)} days)`,
    ),
  }));
}

function majority(m: SmallestMajority, what: string): string {
  if (m.total === 0) return `no ${what}s to count`;
  const named = m.people.slice(0, NAMED).map((p) => login(p.login));
  const more = m.people.length > NAMED ? ` and ${m.people.length - NAMED} more` : "";
  const who = m.factor === 1 ? "person" : "people";
  return `**${count(m.factor)}** ${who} made half of the ${count(m.total)} ${what}${m.total === 1 ? "" : "s"} (${named.join(", ")}${more})`;
}

function elephant(h: HealthFigures, nameCompanies: boolean): string {
  const e = h.elephantFactor;
  if (e.total === 0) return "no activity to count.";
  const known = e.knownShare ?? 0;
  if (e.factor === null) return `not known: only ${percent(known)} of the activity is by people whose profile names a company.`;
  const names = nameCompanies ? ` (${e.companies.map((c) => inlineText(c.company, 60)).join(", ")})` : "";
  return `**${count(e.factor)}** compan${e.factor === 1 ? "y" : "ies"} behind half of the activity${names}; ${percent(known)} of it is by people with a known company.`;
}

function retained(h: HealthFigures): string {
  const r = h.retention;
  const week = `the week of ${day(r.cohortStart)}`;
  if (r.share === null) return `no first-time contributors in ${week}.`;
  return `${count(r.retained)} of the ${count(r.cohort)} first-time contributors of ${week} were active in the last 4 weeks (${percent(r.share)}).`;
}

function ratio(c: ClosureRatio): string {
  if (c.ratio === null) return `${count(c.closed)} closed, none opened`;
  return `${count(c.closed)} ÷ ${count(c.opened)} = ${c.ratio.toFixed(2)}`;
}

function stale(h: HealthFigures): string {
  const s = h.staleBacklog;
  if (s.count === 0) return `no open issue or pull request has gone ${s.idleDays} days without activity.`;
  return `${count(s.count)} open item${s.count === 1 ? "" : "s"} untouched for ${s.idleDays} days or more; the longest idle:`;
}
