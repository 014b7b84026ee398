import { rateWords } from "../../../digest/render/conversion.js";
import { count, NONE, STAGE_NAMES, timeTag, usd } from "../../format.js";
import { html, safeHref, type HtmlValue, type SafeHtml } from "../../html.js";
import type { CustomerRow, LeadRow, RepositoryView } from "../../view-models.js";
import { dataTable, empty, section } from "../fragments.js";

/** Section: the funnel from stargazers to customers, each rate naming what it is counted against. */
export function funnelSection(view: RepositoryView): SafeHtml {
  if (view.funnel.length === 0) return section("funnel", "Conversion funnel", empty("No conversion figures yet."));
  const table = dataTable(
    "funnel-table",
    "People at each stage",
    [{ label: "Stage" }, { label: "People", numeric: true }, { label: "Rate" }],
    view.funnel.map((f) => [STAGE_NAMES[f.stage], count(f.count), rateWords(f) || NONE]),
  );
  // As in the digest: the stages are not nested, so a rate compares two sizes, not a passage.
  const note = html`<p class="muted">Each stage is counted on its own (a lead need not be a contributor), so a rate compares two stages' sizes.</p>`;
  return section("funnel", "Conversion funnel", [table, note]);
}

function leadItem(lead: LeadRow): HtmlValue {
  if (lead.itemNumber === null) return lead.itemUrl === null ? NONE : html`<a href="${safeHref(lead.itemUrl)}">latest item</a>`;
  return lead.itemUrl === null ? `#${lead.itemNumber}` : html`<a href="${safeHref(lead.itemUrl)}">#${lead.itemNumber}</a>`;
}

function leadRow(lead: LeadRow): [HtmlValue, ...HtmlValue[]] {
  return [
    lead.login,
    lead.company ?? NONE,
    lead.terms.length === 0 ? NONE : lead.terms.join(", "),
    count(lead.signals),
    timeTag(lead.lastSeenAt),
    lead.status,
    leadItem(lead),
  ];
}

/** Section: the people who said they are interested in an enterprise offer, and the CSV of them. */
export function leadsSection(view: RepositoryView): SafeHtml {
  if (view.leads.length === 0) {
    return section(
      "leads",
      "Leads",
      empty(
        "No leads yet. A lead is a community member who wrote one of the configured enterprise-interest terms in an issue, pull request or comment.",
      ),
    );
  }
  const table = dataTable(
    "leads-table",
    `${count(view.leads.length)} ${view.leads.length === 1 ? "lead" : "leads"}`,
    [
      { label: "Login" },
      { label: "Company" },
      { label: "Interest terms" },
      { label: "Signals", numeric: true },
      { label: "Last seen" },
      { label: "Status" },
      { label: "Latest item" },
    ],
    view.leads.map(leadRow),
  );
  const download = html`<p><a href="${safeHref(view.leadsCsvHref)}" download>Download CSV of all leads</a></p>`;
  return section("leads", "Leads", [download, table]);
}

function customerRow(c: CustomerRow): [HtmlValue, ...HtmlValue[]] {
  return [c.company, c.plan, usd(c.mrrUsd), timeTag(c.since)];
}

/** Section: the paying customers and what they pay each month. */
export function customersSection(view: RepositoryView): SafeHtml {
  if (view.customers.length === 0) {
    return section("customers", "Customers", empty("No customers recorded yet. They are added with “steward customers add”."));
  }
  const total = view.customers.reduce((sum, c) => sum + c.mrrUsd, 0);
  const table = dataTable(
    "customers-table",
    `${count(view.customers.length)} ${view.customers.length === 1 ? "customer" : "customers"}, ${usd(total)} USD MRR in all`,
    [{ label: "Company" }, { label: "Plan" }, { label: "MRR (USD)", numeric: true }, { label: "Customer since" }],
    view.customers.map(customerRow),
  );
  return section("customers", "Customers", table);
}
