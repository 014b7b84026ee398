import { inlineText, type BodySection } from "../../text/index.js";

/** Section 8: what Steward noticed and a maintainer should fix. */
export function problemsSection(problems: string[]): BodySection {
  if (problems.length === 0) return { head: "## Problems\n\nNone: Steward has everything it needs.", items: [] };
  return {
    head: "## Problems\n",
    items: problems.map((p) => `- ${inlineText(p, 300)}`),
    max: 30,
    more: (hidden) => `…and ${hidden} more problems.`,
  };
}
