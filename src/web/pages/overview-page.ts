import { html, safeHref, type HtmlValue } from "../html.js";
import { count, day, metricAmount, NONE, percent, timeTag } from "../format.js";
import type { NextMilestone, OverviewRow, OverviewView, PageChrome } from "../view-models.js";
import { type Cell, type Column, dataTable, empty, tag } from "./fragments.js";
import { renderPage } from "./layout.js";

const COLUMNS: Column[] = [
  { label: "Repository" },
  { label: "Answered within goal (30 days)", numeric: true },
  { label: "Waiting now", numeric: true },
  { label: "Stars", numeric: true },
  { label: "Active members", numeric: true },
  { label: "Next milestone" },
];

/** "1,000 stars: 412 now, forecast Mar 12, 2027", in the digest's date format. */
export function nextMilestoneText(m: NextMilestone): string {
  const when = m.forecast === null ? "not growing" : `forecast ${day(m.forecast)}`;
  return `${metricAmount(m.metric, m.next)}: ${count(m.current)} now, ${when}`;
}

function waiting(row: OverviewRow): string {
  if (row.waitingNow === 0) return "0";
  return row.overGoalNow > 0 ? `${count(row.waitingNow)} (${count(row.overGoalNow)} over goal)` : count(row.waitingNow);
}

function cells(row: OverviewRow): [HtmlValue, ...Cell[]] {
  const name = html`<a href="${safeHref(row.href)}">${row.fullName}</a>${row.private ? tag("private") : null}`;
  // The figures of an unreadable repository are zeros, which would read as real: say why instead.
  if (row.unavailable !== null) return [name, { span: COLUMNS.length - 1, content: `Figures unavailable: ${row.unavailable}` }];
  return [
    name,
    row.shareWithinGoal === null ? NONE : percent(row.shareWithinGoal),
    waiting(row),
    count(row.stars),
    count(row.activeMembers),
    row.nextMilestone === null ? NONE : nextMilestoneText(row.nextMilestone),
  ];
}

/** One installation's repositories side by side, each linking to its own page. */
export function renderOverviewPage(chrome: PageChrome, view: OverviewView): string {
  const asOf = html`<p class="muted">Figures as of ${timeTag(view.generatedAt, true)}. “${NONE}” means no figure yet.</p>`;
  if (view.rows.length === 0) {
    return renderPage(chrome, html`${asOf}${empty(`Steward is installed on no repository of ${view.installation.account} that you can see.`)}`);
  }
  const caption = `Repositories of ${view.installation.account}`;
  return renderPage(chrome, html`${asOf}${dataTable("repositories", caption, COLUMNS, view.rows.map(cells))}`);
}
