import type { CommunityFigures } from "../../domain/figures.js";
import type { BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { change, count } from "./format.js";
import { sectionOf } from "./section.js";

const ROWS: Array<[keyof Pick<CommunityFigures, "stars" | "forks" | "contributors" | "activeMembers" | "openCommunityItems">, string]> = [
  ["stars", "Stars"],
  ["forks", "Forks"],
  ["contributors", "Contributors"],
  ["activeMembers", "Active members (30 days)"],
  ["openCommunityItems", "Open community issues and PRs"],
];

/** Section 1: the headline numbers and how they moved this week. */
export function headlineSection(community: SectionFigures<CommunityFigures>): BodySection {
  return sectionOf("## At a glance", community, (c) => ({
    head: "## At a glance\n\n| | Now | This week |\n|---|---:|---:|",
    items: ROWS.map(([key, label]) => `| ${label} | ${count(c[key].now)} | ${change(c[key].now, c[key].before)} |`),
  }));
}
