import { fitBody, hiddenMarker, inlineText, type BodySection } from "../text/index.js";
import type { DigestData } from "./digest-data.js";
import { chartSection } from "./render/chart.js";
import { contributorsSection } from "./render/contributors.js";
import { conversionSection } from "./render/conversion.js";
import { headlineSection } from "./render/headline.js";
import { healthSection } from "./render/health.js";
import { milestonesSection } from "./render/milestones.js";
import { problemsSection } from "./render/problems.js";
import { readinessSection } from "./render/readiness.js";
import { responseSection } from "./render/response.js";
import { revenueVisibility } from "./render/revenue-visibility.js";

/** The hidden marker of a repository's digest for one week: how a retry finds an issue it made. */
export function digestMarker(week: string): string {
  return hiddenMarker("digest", week);
}

/** The enabled sections of a digest, in order, each cut-able by `fitBody`. */
export function digestSections(data: Omit<DigestData, "week" | "previousDigest">): BodySection[] {
  const { sections: on, mentionContributors, showConversionNames, conversion } = data.config.digest;
  const revenue = (customers: number) => revenueVisibility(data.repository.private, conversion.publicRevenue, customers);
  // Without the conversion figures the customer count is unknown: MRR is shown only where it could not leak anything.
  const customers = data.conversion.status === "ok" ? data.conversion.current.customers : 0;
  const sections: BodySection[] = [];
  if (on.headline) sections.push(headlineSection(data.community));
  if (on.response) sections.push(responseSection(data.response));
  if (on.contributors) sections.push(contributorsSection(data.contributors, mentionContributors));
  if (on.milestones) sections.push(milestonesSection(data.community, revenue(customers) === "shown"));
  if (on.chart) sections.push(chartSection(data.community));
  if (on.readiness) sections.push(readinessSection(data.community));
  if (on.health)
    sections.push(healthSection(data.health, { heading: "## Community health", nameCompanies: data.repository.private && showConversionNames }));
  if (on.conversion) sections.push(conversionSection(data.conversion, data.repository.private && showConversionNames, revenue));
  if (on.problems) sections.push(problemsSection(data.problems));
  return sections;
}

/**
 * The digest issue's markdown, pure: the enabled sections in order, everything user-written
 * neutralized, and the whole body within GitHub's limit (long lists cut with "and N more").
 */
export function renderDigest(data: DigestData): string {
  const head = `Steward's weekly look at the community of **${inlineText(data.repository.fullName, 140)}**, ${data.week.title.replace(/^Community digest: /, "")}.`;
  const previous = data.previousDigest ? `Previous digest: #${data.previousDigest.issueNumber} (${data.previousDigest.week}).\n\n` : "";
  const tail = `---\n${previous}_Configure or switch off sections in \`.github/steward.yml\` under \`digest\`._\n${digestMarker(data.week.key)}`;
  return fitBody({ head, sections: digestSections(data), tail });
}
