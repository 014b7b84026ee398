import type { ElephantFactor } from "../../domain/figures.js";
import type { PersonActivity } from "./people-activity.js";
import { smallestMajority } from "./smallest-majority.js";

/** A person's company as their stored profile gives it: the normalized key and its spelling. */
export interface CompanyOf {
  companyKey: string;
  company: string;
}

/**
 * CHAOSS's "Elephant Factor": the fewest companies whose people made at least half of all the
 * activity. People without a known company count in the whole but belong to no company (they are
 * not one company "unknown", which would often be the elephant), so when the companies known cover
 * less than half, no set of them reaches half and the factor is null. A company is named by the
 * spelling most of its activity came under (ties: the first by name). Pure.
 */
export function elephantFactor(people: readonly PersonActivity[], companies: ReadonlyMap<number, CompanyOf>): ElephantFactor {
  const total = people.reduce((sum, p) => sum + p.activity, 0);
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  let known = 0;
  for (const person of people) {
    const company = person.id === null ? undefined : companies.get(person.id);
    if (!company || person.activity <= 0) continue;
    known += person.activity;
    const entry = byKey.get(company.companyKey) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count += person.activity;
    entry.spellings.set(company.company, (entry.spellings.get(company.company) ?? 0) + person.activity);
    byKey.set(company.companyKey, entry);
  }
  const tallies = [...byKey.values()].map((entry) => ({ login: spellingOf(entry.spellings), count: entry.count }));
  const majority = smallestMajority(tallies, total);
  return {
    factor: majority ? majority.factor : null,
    total,
    knownShare: total === 0 ? null : known / total,
    companies: (majority?.people ?? []).map((p) => ({ company: p.login, count: p.count })),
  };
}

function spellingOf(spellings: ReadonlyMap<string, number>): string {
  return [...spellings].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
}
