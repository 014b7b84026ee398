import type { CompanyTally } from "../store/conversion-funnel.js";

export interface CompanyCount {
  company: string;
  stargazers: number;
  participants: number;
  leads: number;
}

/**
 * The companies best represented among stargazers, participants and leads: the tallies (one per
 * company key and spelling) grouped by normalized key, named as customers were recorded or else
 * as most of their people write it, ranked by leads, then participants, then stargazers. Pure.
 */
export function topCompanies(
  tallies: readonly CompanyTally[],
  customers: ReadonlyArray<{ company: string; companyKey: string }>,
  limit = 10,
): CompanyCount[] {
  const rows = new Map<string, CompanyCount & { spellings: Map<string, number> }>();
  for (const tally of tallies) {
    let row = rows.get(tally.companyKey);
    if (!row) {
      row = { company: "", stargazers: 0, participants: 0, leads: 0, spellings: new Map() };
      rows.set(tally.companyKey, row);
    }
    row.stargazers += tally.stargazers;
    row.participants += tally.participants;
    row.leads += tally.leads;
    const spelling = tally.spelling.trim();
    row.spellings.set(spelling, (row.spellings.get(spelling) ?? 0) + tally.people);
  }
  const customerNames = new Map(customers.map((c) => [c.companyKey, c.company]));
  return [...rows.entries()]
    .map(([key, { spellings, ...row }]) => ({ ...row, company: customerNames.get(key) ?? mostCommon(spellings) }))
    .sort((a, b) => b.leads - a.leads || b.participants - a.participants || b.stargazers - a.stargazers || a.company.localeCompare(b.company))
    .slice(0, limit);
}

/** The spelling most people use; on a tie a name ("Acme, Inc.") reads better than a handle ("@acme"). */
function mostCommon(spellings: Map<string, number>): string {
  const handle = (s: string) => (s.startsWith("@") ? 1 : 0);
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || handle(a[0]) - handle(b[0]) || a[0].localeCompare(b[0]))[0]![0];
}
