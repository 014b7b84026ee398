import { renderBarChart } from "../../charts/bar-chart.js";
import { count, plural, timeTag } from "../../format.js";
import { html, type SafeHtml } from "../../html.js";
import type { RepositoryView } from "../../view-models.js";
import { empty, section } from "../fragments.js";

type Contributors = RepositoryView["contributors"];

function chart(c: Contributors): SafeHtml {
  const weeks = c.weeks;
  const newTotal = weeks.reduce((sum, w) => sum + w.newContributors, 0);
  const returningTotal = weeks.reduce((sum, w) => sum + w.returningContributors, 0);
  if (newTotal + returningTotal === 0) return empty("No contributions in the last 26 weeks, so there is no chart yet.");
  return renderBarChart({
    id: "contributors-chart",
    title: "New and returning contributors per week",
    description:
      `Contributors per week, ${weeks[0]!.label} to ${weeks[weeks.length - 1]!.label}, stacked: first-time contributors below, returning ones above. ` +
      `${plural(newTotal, "new contributor", "new contributors")} and ${count(returningTotal)} returning in all; the last week is still in progress.`,
    labelHeading: "Week",
    labels: weeks.map((w) => w.label),
    series: [
      { name: "New", values: weeks.map((w) => w.newContributors) },
      { name: "Returning", values: weeks.map((w) => w.returningContributors) },
    ],
    formatValue: count,
    totalName: "Total",
  });
}

function newcomers(c: Contributors): SafeHtml {
  const heading = html`<h3>First contributions in the last 30 days</h3>`;
  if (c.newcomers.length === 0) return html`${heading}${empty("Nobody contributed for the first time in the last 30 days.")}`;
  const items = c.newcomers.map(
    (n) =>
      html`<li><strong>${n.login}</strong>${n.number !== null ? `, contributor #${count(n.number)}` : null}, ${timeTag(n.firstContributedAt)}</li>`,
  );
  return html`${heading}<ul class="newcomers">${items}</ul>`;
}

/** Section: how many contribute, who came back each week, and who is new. */
export function contributorsSection(view: RepositoryView): SafeHtml {
  const c = view.contributors;
  const total = html`<p>The project has <strong>${plural(c.total, "contributor", "contributors")}</strong>${
    c.historyKnown ? "." : " known to Steward so far."
  }</p>`;
  // Before the backfill, "new" only means new to Steward: say so rather than let the numbers mislead.
  const history =
    !c.historyKnown &&
    html`<p class="notice">The project's history is not yet known: until Steward has read the contributions from before it was installed, the total and who counts as new are incomplete.</p>`;
  return section("contributors", "Contributors", [total, history, html`<h3>Week by week</h3>`, chart(c), newcomers(c)]);
}
