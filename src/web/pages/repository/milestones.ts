import type { MilestoneProgress } from "../../../domain/figures.js";
import { count, METRIC_NAMES, timeTag } from "../../format.js";
import { html, join, type SafeHtml } from "../../html.js";
import { empty, section } from "../fragments.js";

/**
 * One metric: where it stands in figures, the same as a bar (`<progress>`, whose value a screen
 * reader announces), when the next threshold comes at the recent pace, and the thresholds behind.
 */
function milestone(m: MilestoneProgress): SafeHtml {
  const name = METRIC_NAMES[m.metric];
  const id = `milestone-${m.metric}`;
  let standing: SafeHtml;
  if (m.next === null) {
    const last = m.previous > 0 ? ` (the last: ${count(m.previous)})` : "";
    standing = html`<p>${count(m.current)}: every milestone reached${last}.</p>
<progress max="1" value="1" aria-label="${name}: every milestone reached">100%</progress>`;
  } else {
    // Whole percents rounded down, as in the digest: 99.6% is not there yet.
    const share = Math.min(1, Math.max(0, m.current / m.next));
    const words = `${count(m.current)} of ${count(m.next)} (${Math.floor(share * 100)}%)`;
    const when = m.forecast === null ? html`Not growing at the moment, so no forecast.` : html`Forecast: ${timeTag(m.forecast)}, at the recent pace.`;
    standing = html`<p>${words}</p>
<progress max="${m.next}" value="${Math.min(m.current, m.next)}" aria-label="${name}: ${words}">${Math.floor(share * 100)}%</progress>
<p>${when}</p>`;
  }
  const crossed =
    m.crossed.length === 0
      ? html`<p class="muted">No threshold crossed yet.</p>`
      : html`<p class="muted">Crossed: ${join(
          m.crossed.map((c) => html`${count(c.threshold)} on ${timeTag(c.crossedAt)}`),
          ", ",
        )}.</p>`;
  return html`<li><h3 id="${id}">${name}</h3>${standing}${crossed}</li>`;
}

/** Section: each metric toward its next milestone. */
export function milestonesSection(milestones: MilestoneProgress[]): SafeHtml {
  if (milestones.length === 0) return section("milestones", "Milestones", empty("No milestones are configured for this repository."));
  return section("milestones", "Milestones", html`<ul class="milestones">${milestones.map(milestone)}</ul>`);
}
