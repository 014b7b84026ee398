import type { Period } from "../../domain/figures.js";
import { personKey } from "../../domain/identity.js";

/** One repository's contributor as the store keeps it: a person, and when they first contributed there. */
export interface RepositoryContributor {
  repository: string;
  login: string;
  userId: number | null;
  firstContributedAt: Date;
}

/** Someone whose first contribution to at least one repository falls in the period. */
export interface OrganizationNewcomer {
  login: string;
  /** The repositories they first contributed to in the period, in name order. */
  repositories: string[];
  /** False when they had contributed to another repository of the organization before the period. */
  newToOrganization: boolean;
}

export interface OrganizationContributors {
  /** Distinct people with a contribution to any repository before the period's end, and its start. */
  total: { now: number; before: number };
  newcomers: OrganizationNewcomer[];
  /** Contributor thresholds the distinct count passed in the period, lowest first. */
  crossed: number[];
  /** The next threshold above the distinct count, null when every one is passed. */
  next: number | null;
}

interface Person {
  login: string;
  /** The latest first contribution seen wins the label, as the store moves logins forward. */
  labelAt: Date;
  first: Date;
  repositories: Set<string>;
}

/**
 * Contributors across repositories as distinct people (by account id, else by login: `personKey`),
 * never as a sum of per-repository counts: someone who contributes to three repositories is one
 * contributor of the organization, and one newcomer however many repositories they were new in.
 */
export function organizationContributors(
  contributors: readonly RepositoryContributor[],
  period: Period,
  thresholds: readonly number[],
): OrganizationContributors {
  const people = new Map<string, Person>();
  for (const c of contributors) {
    if (c.firstContributedAt.getTime() >= period.end.getTime()) continue;
    const key = personKey({ login: c.login, id: c.userId });
    const person = people.get(key) ?? { login: c.login, labelAt: c.firstContributedAt, first: c.firstContributedAt, repositories: new Set<string>() };
    if (c.firstContributedAt < person.first) person.first = c.firstContributedAt;
    if (c.firstContributedAt > person.labelAt) Object.assign(person, { login: c.login, labelAt: c.firstContributedAt });
    if (c.firstContributedAt >= period.start) person.repositories.add(c.repository);
    people.set(key, person);
  }
  const all = [...people.values()];
  const now = all.length;
  const before = all.filter((p) => p.first < period.start).length;
  const newcomers = all
    .filter((p) => p.repositories.size > 0)
    .map((p) => ({ login: p.login, repositories: [...p.repositories].sort(), newToOrganization: p.first >= period.start }))
    .sort((a, b) => a.login.localeCompare(b.login));
  const sorted = [...thresholds].sort((a, b) => a - b);
  return {
    total: { now, before },
    newcomers,
    crossed: sorted.filter((t) => before < t && t <= now),
    next: sorted.find((t) => t > now) ?? null,
  };
}

/** Distinct people among the repositories' leads, by login (the figures name leads by login only), with where each was seen. */
export function organizationLeads(leads: ReadonlyArray<{ repository: string; login: string }>): Array<{ login: string; repositories: string[] }> {
  const byLogin = new Map<string, { login: string; repositories: Set<string> }>();
  for (const lead of leads) {
    const entry = byLogin.get(lead.login.toLowerCase()) ?? { login: lead.login, repositories: new Set<string>() };
    entry.repositories.add(lead.repository);
    byLogin.set(lead.login.toLowerCase(), entry);
  }
  return [...byLogin.values()]
    .map((l) => ({ login: l.login, repositories: [...l.repositories].sort() }))
    .sort((a, b) => a.login.localeCompare(b.login));
}
