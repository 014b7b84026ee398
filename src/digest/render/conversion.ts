import type { ConversionFigures } from "../../report/figures.js";
import { tableCell, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { cellLogin, count, percent } from "./format.js";
import { sectionOf } from "./section.js";

const HEADING = "## Conversion";
const STAGES: Record<ConversionFigures["funnel"][number]["stage"], string> = {
  stargazers: "Stargazers and forkers",
  participants: "Participants",
  contributors: "Contributors",
  leads: "Enterprise leads",
  customers: "Customers",
};

/**
 * Section 7: the funnel in aggregate numbers. Names of leads appear only where `showNames` (a
 * private repository that opted in): a public digest never exposes who talks to sales.
 */
export function conversionSection(conversion: SectionFigures<ConversionFigures>, showNames: boolean): BodySection {
  return sectionOf(HEADING, conversion, (c) => {
    const lines = [
      HEADING,
      "",
      "| Stage | People | From previous stage |",
      "|---|---:|---:|",
      ...c.funnel.map((f) => `| ${STAGES[f.stage]} | ${count(f.count)} | ${f.rateFromPrevious === null ? "" : percent(f.rateFromPrevious)} |`),
      "",
      `- **New enterprise leads this week:** ${count(c.leadsNew)} (${count(c.leadsTotal)} in all)`,
      `- **Customers:** ${count(c.customers)}, MRR ${count(c.mrrUsd)} USD`,
      c.customersPerActiveMember === null
        ? "- **Customers per active member:** no active members yet"
        : `- **Customers per active member:** ${(c.customersPerActiveMember * 100).toFixed(2)}% (open-core benchmark: 0.1-1%)`,
    ];
    if (!showNames || c.leads.length === 0) return { head: lines.join("\n"), items: [] };
    return {
      head: [...lines, "", "| Lead | Company | Item | Interest |", "|---|---|---|---|"].join("\n"),
      items: c.leads.map(
        (l) =>
          `| ${cellLogin(l.login)} | ${tableCell(l.company ?? "")} | ${l.itemNumber === null ? "" : `#${l.itemNumber}`} | ${tableCell(l.terms.join(", "))} |`,
      ),
      max: 30,
      more: (hidden) => `…and ${hidden} more leads.`,
    };
  });
}
