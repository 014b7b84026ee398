import type { LeadRow } from "./view-models.js";

/**
 * The leads as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma,
 * a quote or a line break. Pure.
 *
 * Logins, company names and terms come from strangers on GitHub and the file is meant to be opened
 * in a spreadsheet, which runs a cell that starts with "=", "+", "-" or "@" as a formula (OWASP's
 * CSV injection). Such text cells get a leading apostrophe, which spreadsheets show as text.
 */

const HEADER = ["login", "company", "status", "signals", "terms", "first_seen", "last_seen", "item_number", "item_url"];

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field from outside, defused and quoted as needed. */
export function textField(value: string): string {
  return field(FORMULA_START.test(value) ? `'${value}` : value);
}

/** Quoted when RFC 4180 requires it, quotes doubled inside. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(lead: LeadRow): string[] {
  return [
    textField(lead.login),
    textField(lead.company ?? ""),
    // The fields below are Steward's own: numbers, ISO times, a status word, an https URL.
    field(lead.status),
    String(lead.signals),
    textField(lead.terms.join("; ")),
    lead.firstSeenAt.toISOString(),
    lead.lastSeenAt.toISOString(),
    lead.itemNumber === null ? "" : String(lead.itemNumber),
    textField(lead.itemUrl ?? ""),
  ];
}

export function leadsCsv(leads: readonly LeadRow[]): string {
  return [HEADER, ...leads.map(row)].map((cells) => `${cells.join(",")}\r\n`).join("");
}
