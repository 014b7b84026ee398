import type { CommunityFigures, ReadinessItem } from "../../domain/figures.js";
import type { BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { sectionOf } from "./section.js";

const HEADING = "## Ready to charge?";
const MARK: Record<ReadinessItem["state"], string> = { met: "✅", missing: "❌", risk: "⚠️", unknown: "❔" };

/** Section 6: the open-core playbook's checklist, each item with its state. */
export function readinessSection(community: SectionFigures<CommunityFigures>): BodySection {
  return sectionOf(HEADING, community, (c) => {
    const met = c.readiness.filter((r) => r.state === "met").length;
    return {
      head: `${HEADING}\n\n${met} of ${c.readiness.length} items of the open-core checklist are in place.\n`,
      // Labels and details are Steward's own words and numbers, not user text.
      items: c.readiness.map((r) => `- ${MARK[r.state]} **${r.label}**: ${r.detail}`),
    };
  });
}
