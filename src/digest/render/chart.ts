import type { CommunityFigures } from "../../domain/figures.js";
import type { BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { sectionOf } from "./section.js";

const HEADING = "## The last 12 weeks";

/** The value at the end of each 7-day step, newest last: the daily series read weekly. */
function weekly(series: CommunityFigures["series"], pick: (p: CommunityFigures["series"][number]) => number) {
  const points: Array<{ label: string; value: number }> = [];
  for (let i = series.length - 1; i >= 0 && points.length < 12; i -= 7) {
    const point = series[i];
    if (point) points.unshift({ label: point.day.slice(5), value: pick(point) });
  }
  return points;
}

/** A Mermaid `xychart-beta` block, which GitHub renders as a chart in issues. */
export function xyChart(title: string, points: Array<{ label: string; value: number }>): string {
  const top = Math.max(1, ...points.map((p) => p.value));
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis [${points.map((p) => `"${p.label}"`).join(", ")}]`,
    `  y-axis 0 --> ${Math.ceil(top * 1.1)}`,
    `  line [${points.map((p) => p.value).join(", ")}]`,
    "```",
  ].join("\n");
}

/** Section 5: stars and active members over the last 12 weeks. */
export function chartSection(community: SectionFigures<CommunityFigures>): BodySection {
  return sectionOf(HEADING, community, (c) => {
    const stars = weekly(c.series, (p) => p.stars);
    if (stars.length < 2) return { head: `${HEADING}\n\n_Not enough history for a chart yet._`, items: [] };
    const active = weekly(c.series, (p) => p.activeMembers);
    return {
      head: [HEADING, "", xyChart("Stars", stars), "", xyChart("Active members (30 days)", active)].join("\n"),
      items: [],
    };
  });
}
