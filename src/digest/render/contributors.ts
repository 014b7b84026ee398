import type { ContributorFigures } from "../../domain/figures.js";
import { login, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { count, day } from "./format.js";
import { sectionOf } from "./section.js";

const HEADING = "## New contributors";

/**
 * Section 3: the people whose first contribution was merged this week, thanked by name (a ping
 * only when `mention` is configured), and the contributor milestones reached.
 */
export function contributorsSection(contributors: SectionFigures<ContributorFigures>, mention: boolean): BodySection {
  return sectionOf(HEADING, contributors, (c) => {
    const milestones = c.milestonesReached.map(
      (m) =>
        `🎉 The project reached **${count(m.threshold)} contributors** on ${day(m.crossedAt)}${m.login ? `, with ${login(m.login, { mention })}` : ""}.`,
    );
    const returning =
      c.returningContributors > 0
        ? ` ${count(c.returningContributors)} earlier contributor${c.returningContributors === 1 ? "" : "s"} came back with another merged PR.`
        : "";
    const intro =
      c.newContributors.length === 0
        ? `No first contributions were merged this week.${returning}`
        : `Thank you to the ${c.newContributors.length === 1 ? "person" : `${c.newContributors.length} people`} whose first contribution was merged this week!${returning}`;
    const total = `The project has ${count(c.total)} contributor${c.total === 1 ? "" : "s"}${c.historyKnown ? "" : " known to Steward (its history is still being read)"}.`;
    return {
      head: [HEADING, "", `${total} ${intro}`, ...milestones.flatMap((m) => ["", m]), ...(c.newContributors.length > 0 ? [""] : [])].join("\n"),
      items: c.newContributors.map(
        (n) =>
          `- ${login(n.login, { mention })}${n.number !== null ? `, contributor #${n.number}` : ""}${n.pullNumber !== null ? ` (#${n.pullNumber})` : ""}`,
      ),
      max: 50,
      more: (hidden) => `…and ${hidden} more new contributors.`,
    };
  });
}
