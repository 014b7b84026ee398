/** Who works where, as far as public profiles tell. */
export interface CompanyProfile {
  company: string | null;
  companyKey: string | null;
}

export interface CompanyCount {
  company: string;
  stargazers: number;
  participants: number;
  leads: number;
}

/**
 * The companies best represented among stargazers, participants and leads: grouped by normalized
 * key, named as customers were recorded or else as most of their people write it, ranked by
 * leads, then participants, then stargazers. Pure.
 */
export function topCompanies(
  people: { stargazers: string[]; participants: string[]; leads: string[] },
  profiles: Map<string, CompanyProfile>,
  customers: Array<{ company: string; companyKey: string }>,
  limit = 10,
): CompanyCount[] {
  const rows = new Map<string, CompanyCount & { spellings: Map<string, Set<string>> }>();
  const stages = ["stargazers", "participants", "leads"] as const;
  for (const stage of stages) {
    for (const login of new Set(people[stage])) {
      const profile = profiles.get(login);
      if (!profile?.companyKey || !profile.company) continue;
      let row = rows.get(profile.companyKey);
      if (!row) {
        row = { company: "", stargazers: 0, participants: 0, leads: 0, spellings: new Map() };
        rows.set(profile.companyKey, row);
      }
      row[stage]++;
      const spelling = profile.company.trim();
      row.spellings.set(spelling, (row.spellings.get(spelling) ?? new Set()).add(login));
    }
  }
  const customerNames = new Map(customers.map((c) => [c.companyKey, c.company]));
  return [...rows.entries()]
    .map(([key, { spellings, ...row }]) => ({ ...row, company: customerNames.get(key) ?? mostCommon(spellings) }))
    .sort((a, b) => b.leads - a.leads || b.participants - a.participants || b.stargazers - a.stargazers || a.company.localeCompare(b.company))
    .slice(0, limit);
}

/** The spelling most people use; on a tie a name ("Acme, Inc.") reads better than a handle ("@acme"). */
function mostCommon(spellings: Map<string, Set<string>>): string {
  const handle = (s: string) => (s.startsWith("@") ? 1 : 0);
  return [...spellings.entries()].sort((a, b) => b[1].size - a[1].size || handle(a[0]) - handle(b[0]) || a[0].localeCompare(b[0]))[0]![0];
}
