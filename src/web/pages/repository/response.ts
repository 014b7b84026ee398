import { renderLineChart } from "../../charts/line-chart.js";
import { count, duration, NONE, percent } from "../../format.js";
import { html, safeHref, type SafeHtml } from "../../html.js";
import type { RepositoryView, WaitingRow, WaitingStage, WeeklyResponsePoint } from "../../view-models.js";
import { dataTable, empty, figures, section } from "../fragments.js";

const HOUR = 3_600_000;

const ms = (value: number | null) => (value === null ? NONE : duration(value));

function goalWords(view: RepositoryView): string {
  return `${view.goalHours}h`;
}

/** The chart's description: its span, the goal, and the latest week that had responses, in words. */
function describe(view: RepositoryView, weeks: WeeklyResponsePoint[]): string {
  const span = `${weeks[0]!.label} to ${weeks[weeks.length - 1]!.label}`;
  const latest = [...weeks].reverse().find((w) => w.medianMs !== null);
  const last = latest
    ? ` In ${latest.label}: median ${ms(latest.medianMs)}, p90 ${ms(latest.p90Ms)}, over ${count(latest.responses)} first ${latest.responses === 1 ? "response" : "responses"}.`
    : "";
  return `Median and 90th percentile time to first response per week, ${span}, against the ${goalWords(view)} goal.${last} Weeks without a first response are gaps; the last week is still in progress.`;
}

function chart(view: RepositoryView): SafeHtml {
  const weeks = view.responseWeeks;
  if (!weeks.some((w) => w.medianMs !== null || w.p90Ms !== null)) return empty("No first responses in the last 26 weeks, so there is no chart yet.");
  const goalMs = view.goalHours * HOUR;
  const largest = Math.max(goalMs, ...weeks.map((w) => w.p90Ms ?? 0), ...weeks.map((w) => w.medianMs ?? 0));
  return renderLineChart({
    id: "response-chart",
    title: "Time to first response per week",
    description: describe(view, weeks),
    labelHeading: "Week",
    labels: weeks.map((w) => w.label),
    series: [
      { name: "Median (p50)", points: weeks.map((w) => w.medianMs) },
      { name: "90th percentile (p90)", points: weeks.map((w) => w.p90Ms) },
    ],
    formatValue: duration,
    // Whole days on the axis once waits run to days, whole hours (or round parts of one) below that.
    unit: largest > 72 * HOUR ? 24 * HOUR : HOUR,
    referenceLine: { value: goalMs, label: `Goal: ${goalWords(view)}` },
    extraColumns: [{ name: "First responses", cells: weeks.map((w) => count(w.responses)) }],
  });
}

/** Section: the last 30 days in figures, then 26 weeks of first-response times against the goal. */
export function responseSection(view: RepositoryView): SafeHtml {
  const r = view.recent;
  const summary = figures([
    { label: "Community items opened", value: count(r.itemsOpened) },
    { label: `Answered within the ${goalWords(view)} goal`, value: r.shareWithinGoal === null ? NONE : percent(r.shareWithinGoal) },
    { label: "Median first response", value: ms(r.medianMs) },
    { label: "90th percentile", value: ms(r.p90Ms) },
  ]);
  const note = html`<p class="muted">The last 30 days. The share counts items still waiting past the goal as misses; “${NONE}” means no item was decided or answered yet.</p>`;
  return section("response", "Response", [summary, note, html`<h3>Week by week</h3>`, chart(view)]);
}

const STAGE_CLASS: Readonly<Record<WaitingStage, string>> = {
  "on time": "stage stage-on-time",
  "due soon": "stage stage-due-soon",
  "over goal": "stage stage-over-goal",
};

function waitingRow(w: WaitingRow): [SafeHtml, ...Array<string | SafeHtml>] {
  return [
    html`<a href="${safeHref(w.url)}">#${w.number} ${w.title}</a>`,
    w.isDiscussion ? "Discussion" : w.isPull ? "Pull request" : "Issue",
    w.author,
    duration(w.waitedMs),
    // The stage is said in words; its colour only repeats it.
    html`<span class="${STAGE_CLASS[w.stage]}">${w.stage}</span>`,
  ];
}

/** Section: the community items waiting for a first response now, longest wait first. */
export function waitingSection(view: RepositoryView): SafeHtml {
  if (view.waiting.length === 0) return section("waiting", "Waiting now", empty("Nobody is waiting for a first response."));
  const over = view.waiting.filter((w) => w.stage === "over goal").length;
  const caption = `${count(view.waiting.length)} waiting for a first response${over > 0 ? `, ${count(over)} over the goal` : ""}; longest wait first`;
  const table = dataTable(
    "waiting-table",
    caption,
    [{ label: "Item" }, { label: "Kind" }, { label: "Author" }, { label: "Waited", numeric: true }, { label: "Stage" }],
    view.waiting.map(waitingRow),
  );
  return section("waiting", "Waiting now", table);
}
