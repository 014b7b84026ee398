import type { CommunityFigures, MilestoneMetric, MilestoneProgress } from "../../domain/figures.js";
import type { BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { count, day, progressBar } from "./format.js";
import { sectionOf } from "./section.js";

const HEADING = "## Milestones";
const NAMES: Record<MilestoneMetric, string> = {
  stars: "Stars",
  contributors: "Contributors",
  activeMembers: "Active members",
  mrr: "MRR (USD)",
};

/**
 * One metric's line: what it measures and its value against the threshold in words, then the bar
 * of the same share and the share in figures, so it reads the same without the bar (a screen
 * reader, a plain-text mail): "- **Stars:** 426 / 1,000 `████░░░░░░` 42%, forecast Apr 9, 2027".
 */
export function milestoneLine(m: MilestoneProgress): string {
  const name = `**${NAMES[m.metric]}:**`;
  if (m.next === null) {
    const last = m.previous > 0 ? ` (the last: ${count(m.previous)})` : "";
    return `- ${name} ${count(m.current)} ${progressBar(1)} every milestone reached${last}`;
  }
  // Whole percents rounded down, as the bar's blocks: 99.6% is not there yet.
  const share = Math.min(1, Math.max(0, m.current / m.next));
  const forecast = m.forecast ? `forecast ${day(m.forecast)}` : "not growing yet";
  return `- ${name} ${count(m.current)} / ${count(m.next)} ${progressBar(share)} ${Math.floor(share * 100)}%, ${forecast}`;
}

/**
 * Section 4: each metric toward its next milestone, with the forecast date. The MRR line only where
 * revenue may be shown (`showRevenue`, see revenue-visibility.ts).
 */
export function milestonesSection(community: SectionFigures<CommunityFigures>, showRevenue: boolean): BodySection {
  return sectionOf(HEADING, community, (c) => ({
    head: `${HEADING}\n`,
    items: c.milestones.filter((m) => showRevenue || m.metric !== "mrr").map(milestoneLine),
  }));
}
