import type { ConversionFigures } from "../../domain/figures.js";
import { tableCell, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { cellLogin, count, percent } from "./format.js";
import { MIN_PUBLIC_CUSTOMERS, type revenueVisibility } from "./revenue-visibility.js";
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
 * private repository that opted in): a public digest never exposes who talks to sales. Customers
 * and revenue appear as `revenue` allows (see revenue-visibility.ts).
 */
export function conversionSection(
  conversion: SectionFigures<ConversionFigures>,
  showNames: boolean,
  revenue: (customers: number) => ReturnType<typeof revenueVisibility>,
): BodySection {
  return sectionOf(HEADING, conversion, (c) => {
    const seen = revenue(c.customers);
    const stages = seen === "hidden" ? c.funnel.filter((f) => f.stage !== "customers") : c.funnel;
    const people = (f: ConversionFigures["funnel"][number]) =>
      f.stage === "customers" && seen === "fewer-than-minimum" ? `fewer than ${MIN_PUBLIC_CUSTOMERS}` : count(f.count);
    const rate = (f: ConversionFigures["funnel"][number]) =>
      f.rateFromPrevious === null || (f.stage === "customers" && seen !== "shown") ? "" : percent(f.rateFromPrevious);
    const lines = [
      HEADING,
      "",
      "| Stage | People | From previous stage |",
      "|---|---:|---:|",
      ...stages.map((f) => `| ${STAGES[f.stage]} | ${people(f)} | ${rate(f)} |`),
      "",
      `- **New enterprise leads this week:** ${count(c.leadsNew)} (${count(c.leadsTotal)} in all)`,
      ...customerLines(c, seen),
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

function customerLines(c: ConversionFigures, seen: ReturnType<typeof revenueVisibility>): string[] {
  if (seen === "hidden") return [];
  if (seen === "fewer-than-minimum") return [`- **Customers:** fewer than ${MIN_PUBLIC_CUSTOMERS}`];
  return [
    `- **Customers:** ${count(c.customers)}, MRR ${count(c.mrrUsd)} USD`,
    c.customersPerActiveMember === null
      ? "- **Customers per active member:** no active members yet"
      : `- **Customers per active member:** ${(c.customersPerActiveMember * 100).toFixed(2)}% (open-core benchmark: 0.1-1%)`,
  ];
}
