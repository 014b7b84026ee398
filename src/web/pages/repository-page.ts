import { count, plural, timeTag } from "../format.js";
import { html, safeHref, type SafeHtml } from "../html.js";
import type { PageChrome, RepositoryView } from "../view-models.js";
import { figures, section, tag } from "./fragments.js";
import { renderPage } from "./layout.js";
import { contributorsSection } from "./repository/contributors.js";
import { customersSection, funnelSection, leadsSection } from "./repository/conversion.js";
import { milestonesSection } from "./repository/milestones.js";
import { responseSection, waitingSection } from "./repository/response.js";

const SECTIONS: Array<{ id: string; label: string }> = [
  { id: "response", label: "Response" },
  { id: "waiting", label: "Waiting now" },
  { id: "contributors", label: "Contributors" },
  { id: "milestones", label: "Milestones" },
  { id: "funnel", label: "Conversion funnel" },
  { id: "leads", label: "Leads" },
  { id: "customers", label: "Customers" },
];

function intro(view: RepositoryView): SafeHtml {
  const over = view.waiting.filter((w) => w.stage === "over goal").length;
  return html`<p><a href="${safeHref(view.githubUrl)}">${view.fullName} on GitHub</a>${view.private ? tag("private") : null}</p>
<p class="muted">Figures as of ${timeTag(view.generatedAt, true)}.</p>
${figures([
  { label: "Stars", value: count(view.stars) },
  { label: "Active members (30 days)", value: count(view.activeMembers) },
  { label: "Contributors", value: count(view.contributors.total) },
  { label: "Waiting now", value: over > 0 ? `${count(view.waiting.length)} (${count(over)} over goal)` : count(view.waiting.length) },
])}`;
}

/**
 * Problems come first when there are any: a section that could not be computed shows an empty state
 * further down, and the reader should know why before reading it as "nothing happened".
 */
function problems(view: RepositoryView): SafeHtml | null {
  if (view.problems.length === 0) return null;
  const known = plural(view.problems.length, "problem", "problems");
  return section("problems", "Problems", html`<p>Steward knows of ${known}:</p><ul>${view.problems.map((p) => html`<li>${p}</li>`)}</ul>`);
}

function contents(view: RepositoryView): SafeHtml {
  const links = [...(view.problems.length > 0 ? [{ id: "problems", label: "Problems" }] : []), ...SECTIONS];
  return html`<nav class="toc" aria-label="Sections of this page"><ul>${links.map((s) => html`<li><a href="#${s.id}">${s.label}</a></li>`)}</ul></nav>`;
}

/** A repository's page: every figure Steward keeps for it, section by section. */
export function renderRepositoryPage(chrome: PageChrome, view: RepositoryView): string {
  const sections = [
    intro(view),
    contents(view),
    problems(view),
    responseSection(view),
    waitingSection(view),
    contributorsSection(view),
    milestonesSection(view.milestones),
    funnelSection(view),
    leadsSection(view),
    customersSection(view),
  ];
  return renderPage(chrome, html`${sections}`);
}
