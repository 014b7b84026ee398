import type { ResponseFigures } from "../../domain/figures.js";
import { login, tableCell, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { durationsTable } from "./durations.js";
import { cellLogin, duration, percent } from "./format.js";
import { sectionOf } from "./section.js";

const HEADING = "## First responses";
/** One person giving more than this share of the first responses carries the project alone. */
const CARRIER_SHARE = 0.6;

/** "the 24h goal", or each kind's goal when `response.issues` / `response.pullRequests` make them differ. */
function goalWords(r: ResponseFigures): string {
  const hours = r.businessHours ? " (business hours)" : "";
  const { issues, pullRequests } = r.goalHoursByKind;
  return issues === pullRequests ? `the ${issues}h${hours} goal` : `the goal (issues ${issues}h, pull requests ${pullRequests}h${hours})`;
}

/**
 * What is still waiting for a first response, said beside the percentiles: they are of answered
 * items only, while the share above counts the waits past the goal as misses, so without it a
 * short median and a poor share would look contradictory.
 */
function stillWaiting(r: ResponseFigures): string {
  if (r.waiting.length === 0) return "";
  const longest = Math.max(...r.waiting.map((w) => w.waitedMs));
  const late = r.waiting.filter((w) => w.overGoal).length;
  return `; ${r.waiting.length} still waiting${late > 0 ? ` (${late} past the goal)` : ""}, longest ${duration(longest)}`;
}

function summary(r: ResponseFigures, previous: ResponseFigures | null): string[] {
  const was = (value: number | null, show: (v: number) => string) => (value === null ? "" : ` (last week ${show(value)})`);
  const lines: string[] = [];
  const decided = r.withinGoal + r.missed;
  lines.push(
    r.shareWithinGoal === null
      ? `- **Within ${goalWords(r)}:** no community item decided yet this week`
      : `- **Within ${goalWords(r)}:** ${percent(r.shareWithinGoal)} (${r.withinGoal} of ${decided}; items still waiting past the goal count as misses)${was(previous?.shareWithinGoal ?? null, percent)}`,
  );
  const median = `- **Median time to first response, of answered items:** ${r.medianMs === null ? "no responses this week" : duration(r.medianMs)}`;
  lines.push(`${median}${was(previous?.medianMs ?? null, duration)}${r.p90Ms === null ? stillWaiting(r) : ""}`);
  if (r.p90Ms !== null) lines.push(`- **p90 of answered items:** ${duration(r.p90Ms)}${was(previous?.p90Ms ?? null, duration)}${stillWaiting(r)}`);
  lines.push(`- **Community items opened:** ${r.itemsOpened}${r.pending > 0 ? `, ${r.pending} still within the goal` : ""}`);
  // Said only when a discussion was answered, so a repository without discussions reads as before.
  const answers = r.timeToAnswer;
  if (answers.items > 0 && answers.medianMs !== null) {
    lines.push(`- **Time to an accepted answer, discussions:** median ${duration(answers.medianMs)} (${answers.items} answered this week)`);
  }
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
    const head = [HEADING, "", ...summary(r, previous), "", ...durationsTable(r.durations)];
    if (r.waiting.length === 0) return { head: [...head, "", "Nobody is waiting for a first response. 🎉"].join("\n"), items: [] };
    return {
      head: [...head, "", `**Waiting now** (longest wait first):`, "", "| Item | Title | Author | Waiting |", "|---|---|---|---:|"].join("\n"),
      items: r.waiting.map(
        (w) =>
          `| #${w.number}${w.isDiscussion ? " (discussion)" : ""} | ${tableCell(w.title, 80)} | ${cellLogin(w.author)} | ${duration(w.waitedMs)}${w.overGoal ? " ⏰" : ""} |`,
      ),
      max: 25,
      more: (hidden) => `…and ${hidden} more waiting.`,
    };
  });
}
