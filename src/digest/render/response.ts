import type { ResponseFigures } from "../../domain/figures.js";
import { login, tableCell, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { cellLogin, duration, percent } from "./format.js";
import { sectionOf } from "./section.js";

const HEADING = "## First responses";
/** One person giving more than this share of the first responses carries the project alone. */
const CARRIER_SHARE = 0.6;

function goalWords(r: ResponseFigures): string {
  return `${r.goalHours}h${r.businessHours ? " (business hours)" : ""}`;
}

function summary(r: ResponseFigures, previous: ResponseFigures | null): string[] {
  const was = (value: number | null, show: (v: number) => string) => (value === null ? "" : ` (last week ${show(value)})`);
  const lines: string[] = [];
  const decided = r.withinGoal + r.missed;
  lines.push(
    r.shareWithinGoal === null
      ? `- **Within the ${goalWords(r)} goal:** no community item decided yet this week`
      : `- **Within the ${goalWords(r)} goal:** ${percent(r.shareWithinGoal)} (${r.withinGoal} of ${decided}; items still waiting past the goal count as misses)${was(previous?.shareWithinGoal ?? null, percent)}`,
  );
  lines.push(
    `- **Median time to first response:** ${r.medianMs === null ? "no responses this week" : duration(r.medianMs)}${was(previous?.medianMs ?? null, duration)}`,
  );
  if (r.p90Ms !== null) lines.push(`- **90th percentile:** ${duration(r.p90Ms)}${was(previous?.p90Ms ?? null, duration)}`);
  lines.push(`- **Community items opened:** ${r.itemsOpened}${r.pending > 0 ? `, ${r.pending} still within the goal` : ""}`);
  const total = r.responders.reduce((sum, x) => sum + x.count, 0);
  if (total > 0) {
    const names = r.responders.map((x) => `${login(x.login)} ${x.count}`).join(", ");
    lines.push(`- **Who answered first:** ${names}`);
    const top = r.responders[0];
    if (top && total >= 3 && top.count / total > CARRIER_SHARE) {
      lines.push(`- ⚠️ ${login(top.login)} gave ${top.count} of ${total} first responses: worth sharing the load.`);
    }
  }
  return lines;
}

/** Section 2: how fast the community was answered, and who is waiting now. */
export function responseSection(response: SectionFigures<ResponseFigures>): BodySection {
  return sectionOf(HEADING, response, (r, previous) => {
    const head = [HEADING, "", ...summary(r, previous)];
    if (r.waiting.length === 0) return { head: [...head, "", "Nobody is waiting for a first response. 🎉"].join("\n"), items: [] };
    return {
      head: [...head, "", `**Waiting now** (oldest first):`, "", "| Item | Title | Author | Waiting |", "|---|---|---|---:|"].join("\n"),
      items: r.waiting.map(
        (w) => `| #${w.number} | ${tableCell(w.title, 80)} | ${cellLogin(w.author)} | ${duration(w.waitedMs)}${w.overGoal ? " ⏰" : ""} |`,
      ),
      max: 25,
      more: (hidden) => `…and ${hidden} more waiting.`,
    };
  });
}
