import { fitBody, hiddenMarker, inlineText, login, tableCell, type BodySection } from "../../text/index.js";
import { change, count, percent, progressBar } from "../render/format.js";
import { problemsSection } from "../render/problems.js";
import type { RollupData, RollupRow } from "./rollup-data.js";

/** The hidden marker of a roll-up issue for one week: distinct from the digest's, which may share its repository. */
export function rollupMarker(week: string): string {
  return hiddenMarker("digest-rollup", week);
}

/** `Organization digest: 2026-W48 (Nov 23 - Nov 29)`, from the digest week's title. */
export function rollupTitle(week: RollupData["week"]): string {
  return week.title.replace(/^Community digest: /, "Organization digest: ");
}

const DASH = "–";

function share(response: RollupRow["response"]): string {
  if (!response || response.decided === 0) return DASH;
  return `${percent(response.withinGoal / response.decided)} (${count(response.withinGoal)} of ${count(response.decided)})`;
}

const figure = (value: number | null) => (value === null ? DASH : count(value));

function sum(rows: RollupRow[], pick: (row: RollupRow) => number | null): number {
  return rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
}

function repositoriesTable(data: RollupData): BodySection {
  const { rows } = data;
  const pooled = rows.some((r) => r.response)
    ? { decided: sum(rows, (r) => r.response?.decided ?? null), withinGoal: sum(rows, (r) => r.response?.withinGoal ?? null) }
    : null;
  const starsNow = sum(rows, (r) => r.stars?.now ?? null);
  const starsBefore = sum(rows, (r) => r.stars?.before ?? null);
  // New contributors total as distinct people: the column above it may count one person twice.
  const total = `| **All ${count(rows.length)}** | ${share(pooled)} | ${count(sum(rows, (r) => r.waiting))} | ${count(data.contributors.newcomers.length)} ${data.contributors.newcomers.length === 1 ? "person" : "people"} | ${count(starsNow)} | ${change(starsNow, starsBefore)} |`;
  return {
    head: [
      "## Repositories",
      "",
      "| Repository | Answered within goal | Waiting now | New contributors | Stars | This week |",
      "|---|---:|---:|---:|---:|---:|",
      total,
    ].join("\n"),
    items: rows.map(
      (r) =>
        `| ${tableCell(r.fullName, 140)} | ${share(r.response)} | ${figure(r.waiting)} | ${figure(r.newContributors)} | ${figure(r.stars?.now ?? null)} | ${r.stars ? change(r.stars.now, r.stars.before) : DASH} |`,
    ),
    max: 200,
    more: (hidden) => `…and ${hidden} more repositories (counted in the first row).`,
  };
}

function newcomersSection(data: RollupData): BodySection {
  const heading = "## New contributors across the organization";
  const { newcomers } = data.contributors;
  if (newcomers.length === 0) return { head: `${heading}\n\nNo first contributions were merged this week.`, items: [] };
  const fresh = newcomers.filter((n) => n.newToOrganization).length;
  const intro = `${count(newcomers.length)} ${newcomers.length === 1 ? "person" : "people"} had a first contribution merged in one of the repositories this week, ${count(fresh)} of them new to the whole organization. Each person counts once, however many repositories they were new in.`;
  return {
    head: `${heading}\n\n${intro}\n`,
    items: newcomers.map(
      (n) =>
        `- ${login(n.login)} in ${n.repositories.map((r) => inlineText(r, 140)).join(", ")}${n.newToOrganization ? "" : " (contributed elsewhere before)"}`,
    ),
    max: 50,
    more: (hidden) => `…and ${hidden} more new contributors.`,
  };
}

function milestonesSection(data: RollupData): BodySection {
  const { total, crossed, next } = data.contributors;
  const progress =
    next === null
      ? `${count(total.now)} ${progressBar(1)} every milestone reached`
      : `${count(total.now)} / ${count(next)} ${progressBar(total.now / next)} ${Math.floor(Math.min(1, total.now / next) * 100)}%`;
  const lines = [
    `- **Contributors (distinct people across the repositories):** ${progress}, ${change(total.now, total.before)} this week`,
    ...crossed.map((t) => `- 🎉 The organization reached **${count(t)} contributors** this week.`),
    "- **Stars:** each repository's stars are in the table. Steward keeps star totals per repository, not every stargazer, so a person starring two repositories cannot be counted once; no organization star milestone is shown.",
  ];
  return { head: "## Milestones across the organization\n", items: lines };
}

function leadsSection(data: RollupData): BodySection {
  const heading = "## Leads";
  const { leads } = data;
  const where = new Set(leads.flatMap((l) => l.repositories)).size;
  const summary =
    leads.length === 0
      ? "No lead showed interest this week."
      : `${count(leads.length)} ${leads.length === 1 ? "person" : "people"} showed interest this week in ${count(where)} ${where === 1 ? "repository" : "repositories"}, each counted once.`;
  if (!data.repository.private || leads.length === 0) {
    const note = data.repository.private ? "" : " Names are shown only when the roll-up repository is private.";
    return { head: `${heading}\n\n${summary}${leads.length === 0 ? "" : note}`, items: [] };
  }
  return {
    head: `${heading}\n\n${summary}\n`,
    items: leads.map((l) => `- ${login(l.login)} in ${l.repositories.map((r) => inlineText(r, 140)).join(", ")}`),
    max: 50,
    more: (hidden) => `…and ${hidden} more leads.`,
  };
}

/** The roll-up issue's markdown, pure: every user-written value neutralized, the body within GitHub's limit. */
export function renderRollup(data: RollupData): string {
  const head = `Steward's weekly look across the ${count(data.rows.length)} ${data.rows.length === 1 ? "repository" : "repositories"} of **${inlineText(data.organization, 100)}** it serves, ${data.week.title.replace(/^Community digest: /, "")}.`;
  const sections = [repositoriesTable(data), newcomersSection(data), milestonesSection(data), leadsSection(data)];
  if (data.problems.length > 0) sections.push(problemsSection(data.problems));
  const previous = data.previous ? `Previous roll-up: #${data.previous.issueNumber} (${data.previous.week}).\n\n` : "";
  const tail = `---\n${previous}_Configure the roll-up in this repository's \`.github/steward.yml\` under \`digest.rollup\`._\n${rollupMarker(data.week.key)}`;
  return fitBody({ head, sections, tail });
}
