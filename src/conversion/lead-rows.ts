import type { Lead } from "../store/leads.js";

/** A lead as a CRM import wants it: one flat row of text. */
export interface LeadRow {
  login: string;
  company: string;
  first_seen: string;
  last_seen: string;
  item_url: string;
  terms: string;
  status: string;
}

export const LEAD_COLUMNS: ReadonlyArray<keyof LeadRow> = ["login", "company", "first_seen", "last_seen", "item_url", "terms", "status"];

/**
 * Flattens leads for export. `webUrl` is GitHub's web address (https://github.com, or the GitHub
 * Enterprise host); the item URL points at the latest matching issue, PR, comment or review.
 */
export function leadRows(leads: readonly Lead[], repositoryFullName: string, webUrl: string): LeadRow[] {
  return leads.map((lead) => ({
    login: lead.login,
    company: lead.company ?? "",
    first_seen: lead.firstSeenAt.toISOString(),
    last_seen: lead.lastSeenAt.toISOString(),
    item_url: itemUrl(webUrl, repositoryFullName, lead),
    terms: lead.terms.join("; "),
    status: lead.status,
  }));
}

function itemUrl(webUrl: string, fullName: string, lead: Pick<Lead, "itemNumber" | "isPull" | "naturalKey">): string {
  if (lead.itemNumber === null) return "";
  const base = `${webUrl.replace(/\/+$/, "")}/${fullName}/${lead.isPull ? "pull" : "issues"}/${lead.itemNumber}`;
  const [kind, id] = lead.naturalKey.split(":");
  if (kind === "comment") return `${base}#issuecomment-${id}`;
  if (kind === "review") return `${base}#pullrequestreview-${id}`;
  if (kind === "review_comment") return `${base}#discussion_r${id}`;
  return base;
}

/**
 * RFC 4180 CSV with a header line and CRLF line ends. A cell that a spreadsheet would run as a
 * formula (starting with =, +, -, a tab or a carriage return, or @ other than an @handle) gets a
 * leading apostrophe: company names are whatever users typed into their profiles.
 */
export function toCsv<T extends object>(columns: ReadonlyArray<keyof T & string>, rows: readonly T[]): string {
  const line = (cells: string[]) => cells.map(csvCell).join(",") + "\r\n";
  return line([...columns]) + rows.map((row) => line(columns.map((c) => defuse(String(row[c] ?? ""))))).join("");
}

function defuse(cell: string): string {
  if (/^[=+\-\t\r]/.test(cell) || (cell.startsWith("@") && !/^@[A-Za-z0-9-]+$/.test(cell))) return `'${cell}`;
  return cell;
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
