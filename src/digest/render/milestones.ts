import type { CommunityFigures, MilestoneMetric } from "../../domain/figures.js";
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
 * Section 4: a progress bar per metric toward its next milestone, with the forecast date. The MRR
 * row only where revenue may be shown (`showRevenue`, see revenue-visibility.ts).
 */
export function milestonesSection(community: SectionFigures<CommunityFigures>, showRevenue: boolean): BodySection {
  return sectionOf(HEADING, community, (c) => ({
    head: `${HEADING}\n\n| Metric | Progress | Next | Forecast |\n|---|---|---:|---|`,
    items: c.milestones
      .filter((m) => showRevenue || m.metric !== "mrr")
      .map((m) => {
        if (m.next === null) return `| ${NAMES[m.metric]} | ${progressBar(1)} ${count(m.current)} | all reached | |`;
        const share = (m.current - m.previous) / Math.max(1, m.next - m.previous);
        const forecast = m.forecast ? day(m.forecast) : "not growing yet";
        return `| ${NAMES[m.metric]} | ${progressBar(share)} ${count(m.current)} | ${count(m.next)} | ${forecast} |`;
      }),
  }));
}
