import type { ConversionFigures, FunnelEntry, FunnelStage } from "../../domain/figures.js";
import { tableCell, type BodySection } from "../../text/index.js";
import type { SectionFigures } from "../digest-data.js";
import { cellLogin, count } from "./format.js";
import { MIN_PUBLIC_CUSTOMERS, type revenueVisibility } from "./revenue-visibility.js";
import { sectionOf } from "./section.js";

const HEADING = "## Conversion";
const STAGES: Record<FunnelStage, string> = {
  stargazers: "Stargazers and forkers",
  participants: "Participants",
  contributors: "Contributors",
  leads: "Enterprise leads",
  customers: "Customers",
};
/** Said under the table: the rates compare sizes, as the stages are not nested. */
const RATE_NOTE = "_Each stage is counted on its own (a lead need not be a contributor), so a rate compares two stages' sizes._";

/**
 * A rate in words, naming what it is counted against: "13% as many as participants". Below 10%
 * with a decimal, so that 1 lead among 300 participants does not read as 0%.
 */
export function rateWords(entry: FunnelEntry): string {
  if (entry.base === null || entry.rate === null) return "";
  const share = entry.rate * 100;
  return `${share < 10 ? count(share) : Math.round(share)}% as many as ${STAGES[entry.base].toLowerCase()}`;
}

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
    const people = (f: FunnelEntry) =>
      f.stage === "customers" && seen === "fewer-than-minimum" ? `fewer than ${MIN_PUBLIC_CUSTOMERS}` : count(f.count);
    // The customers' rate would give their number away where it may not be shown.
    const rate = (f: FunnelEntry) => (f.stage === "customers" && seen !== "shown" ? "" : rateWords(f));
    const lines = [
      HEADING,
      "",
      "| Stage | People | Rate |",
      "|---|---:|---|",
      ...stages.map((f) => `| ${STAGES[f.stage]} | ${people(f)} | ${rate(f)} |`),
      "",
      RATE_NOTE,
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
