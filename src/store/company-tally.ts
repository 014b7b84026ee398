import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { personKey, type PersonRef } from "../domain/identity.js";
import { type DB, tablesOf } from "./engine.js";
import { lowered, namedIn, oneIf, participantAt, participantNow, stargazerAt, stargazerNow, type PeopleFilter } from "./member-stages.js";

/** One company spelling among the stargazers, participants and leads, with how many of each. */
export interface CompanyTally {
  companyKey: string;
  /** The `company` of their profiles, as written. */
  spelling: string;
  stargazers: number;
  participants: number;
  leads: number;
  /** Distinct people behind this spelling, in any of the three stages. */
  people: number;
}

/** How many companies to read beyond the `top` asked for, so that corrections rarely force reading them all. */
const DEFAULT_MARGIN = 10;
/** Ids or logins per `IN (...)` list. */
const CHUNK = 500;

type Counts = Omit<CompanyTally, "companyKey" | "spelling">;
const spellingId = (key: string, spelling: string) => JSON.stringify([key, spelling]);

/**
 * The company spellings of the community's stargazers and participants at `until` and of
 * `leads` (people: by account id, by login without one). Leads are counted as given: Steward
 * records no lead for a bot or a maintainer.
 *
 * The counts start from `company_counts` and `company_spellings`, kept by either engine's triggers
 * as the members are folded, and are corrected row by row for the members whose count at `until`
 * may differ from their count now: those active since `until` (one index range), those the
 * config's lists name and the leads (point lookups). With `top`, only the best represented
 * companies by the counters (plus a margin and every corrected one) are read: enough when the
 * `top`th of them still ranks, after correction, above every company left unread, as the unread
 * ones keep their counters' values. Otherwise the companies the counters rank at or above that
 * `top`th are read too (those its ties are decided among, by name), or every company when fewer
 * than `top` remain. The result holds every company `topCompanies` ranks within `top`, with all
 * its spellings.
 */
export async function tallyCompanies(
  db: DB,
  repositoryId: number,
  until: Date,
  leads: readonly PersonRef[],
  filter: PeopleFilter,
  options: { top?: number; margin?: number } = {},
): Promise<CompanyTally[]> {
  const corrections = await correctionsAt(db, repositoryId, until.getTime(), leads, filter);
  const correctedKeys = new Set([...corrections.values()].map((c) => c.companyKey));
  let tallies: CompanyTally[] | null = null;
  if (options.top !== undefined) {
    const limit = options.top + (options.margin ?? DEFAULT_MARGIN);
    const ranked = await rankedKeys(db, repositoryId, limit);
    const keys = new Set([...ranked, ...correctedKeys]);
    tallies = applyCorrections(await readSpellings(db, repositoryId, [...keys]), corrections);
    const last = ranked.length === limit ? await counterOf(db, repositoryId, ranked.at(-1)!) : null;
    const nth = last ? nthBest(tallies, options.top) : null;
    if (last && !nth) tallies = null;
    else if (last && nth && !above(nth, { leads: 0, ...last })) {
      // Companies left unread keep their counters' values, at most `last`'s: those that may still
      // tie with the top-th (its name then decides) are the ones the counters rank at or above it,
      // which include the `limit` best. Read in one range with their spellings rather than by key
      // (a tie can hold hundreds of companies), then the corrected ones outside it.
      const wide = await spellingsRankedFrom(db, repositoryId, nth);
      const read = new Set([...wide.values()].map((t) => t.companyKey));
      const rest = await readSpellings(
        db,
        repositoryId,
        [...correctedKeys].filter((key) => !read.has(key)),
      );
      tallies = applyCorrections(new Map([...wide, ...rest]), corrections);
    }
  }
  tallies ??= applyCorrections(await readSpellings(db, repositoryId, null), corrections);
  return [...tallies, ...(await leadsWithoutMemberRow(db, repositoryId, leads))];
}

type Rank = { leads: number; participants: number; stargazers: number };

/** Whether `a` ranks strictly above `b` by leads, then participants, then stargazers, as topCompanies. */
const above = (a: Rank, b: Rank) =>
  a.leads !== b.leads ? a.leads > b.leads : a.participants !== b.participants ? a.participants > b.participants : a.stargazers > b.stargazers;

/** The first `limit` company keys by their counters (participants, then stargazers), best first: one range of the rank index. */
async function rankedKeys(db: DB, repositoryId: number, limit: number): Promise<string[]> {
  const { companyCounts: c } = tablesOf(db);
  const rows = await db
    .select({ companyKey: c.companyKey })
    .from(c)
    .where(eq(c.repositoryId, repositoryId))
    .orderBy(sql`${c.participants} desc, ${c.stargazers} desc`)
    .limit(limit);
  return rows.map((r) => r.companyKey);
}

/** The counters per spelling of every company the counters rank at or above `from`: one range of the rank index, joined. */
async function spellingsRankedFrom(db: DB, repositoryId: number, from: Rank): Promise<Map<string, CompanyTally>> {
  const { companyCounts: c, companySpellings: s } = tablesOf(db);
  const rows = await db
    .select({ companyKey: s.companyKey, spelling: s.company, stargazers: s.stargazers, participants: s.participants, people: s.people })
    .from(c)
    .innerJoin(s, and(eq(s.repositoryId, c.repositoryId), eq(s.companyKey, c.companyKey)))
    .where(and(eq(c.repositoryId, repositoryId), sql`(${c.participants}, ${c.stargazers}) >= (${from.participants}, ${from.stargazers})`));
  return new Map(rows.map((r) => [spellingId(r.companyKey, r.spelling), { ...r, leads: 0 }]));
}

async function counterOf(db: DB, repositoryId: number, companyKey: string): Promise<{ participants: number; stargazers: number }> {
  const { companyCounts: c } = tablesOf(db);
  const [row] = await db
    .select({ participants: c.participants, stargazers: c.stargazers })
    .from(c)
    .where(and(eq(c.repositoryId, repositoryId), eq(c.companyKey, companyKey)))
    .limit(1);
  return row!;
}

/** The counts of the company ranked `n`th among `tallies` (summed over spellings), if there are `n`. */
function nthBest(tallies: readonly CompanyTally[], n: number): Rank | null {
  const keys = new Map<string, Rank>();
  for (const t of tallies) {
    const k = keys.get(t.companyKey) ?? { stargazers: 0, participants: 0, leads: 0 };
    k.stargazers += t.stargazers;
    k.participants += t.participants;
    k.leads += t.leads;
    keys.set(t.companyKey, k);
  }
  const ranked = [...keys.values()].sort((a, b) => (above(a, b) ? -1 : above(b, a) ? 1 : 0));
  return n > 0 ? (ranked[n - 1] ?? null) : null;
}

/** The counters per spelling of the given company keys (all of the repository's with `null`). */
async function readSpellings(db: DB, repositoryId: number, keys: string[] | null): Promise<Map<string, CompanyTally>> {
  const { companySpellings: s } = tablesOf(db);
  const read = (where: SQL | undefined) =>
    db
      .select({ companyKey: s.companyKey, spelling: s.company, stargazers: s.stargazers, participants: s.participants, people: s.people })
      .from(s)
      .where(and(eq(s.repositoryId, repositoryId), where));
  const rows = keys === null ? await read(undefined) : await inChunks(keys, (part) => read(inArray(s.companyKey, part)));
  return new Map(rows.map((r) => [spellingId(r.companyKey, r.spelling), { ...r, leads: 0 }]));
}

/** Adds each corrected member's change to their spelling's counts; spellings left with nobody are dropped. */
function applyCorrections(base: Map<string, CompanyTally>, corrections: Map<string, Correction>): CompanyTally[] {
  for (const c of corrections.values()) {
    const id = spellingId(c.companyKey, c.spelling);
    let tally = base.get(id);
    if (!tally) {
      tally = { companyKey: c.companyKey, spelling: c.spelling, stargazers: 0, participants: 0, leads: 0, people: 0 };
      base.set(id, tally);
    }
    tally.stargazers += c.stargazers;
    tally.participants += c.participants;
    tally.leads += c.leads;
    tally.people += c.people;
  }
  return [...base.values()].filter((t) => t.people > 0);
}

/** A member's count at `until` less their count in the counters, under their company. */
interface Correction extends Counts {
  companyKey: string;
  spelling: string;
}

/**
 * The members with a company whose contribution at `until` may differ from the counters': active
 * at or after `until`, named by the config (by their login now), or leads. Keyed by person.
 */
async function correctionsAt(
  db: DB,
  repositoryId: number,
  end: number,
  leadPeople: readonly PersonRef[],
  filter: PeopleFilter,
): Promise<Map<string, Correction>> {
  const { communityMembers: m } = tablesOf(db);
  const named = new Set([...lowered(filter.ignoreUsers), ...lowered(filter.maintainers)]);
  const leads = new Set(leadPeople.map(personKey));
  const { ids, logins } = splitPeople(leadPeople);
  const read = (which: SQL) =>
    db
      .select({
        userId: m.userId,
        login: m.login,
        companyKey: sql<string>`${m.companyKey}`,
        spelling: sql<string>`${m.company}`,
        stargazerNow: oneIf(stargazerNow(m)),
        participantNow: oneIf(participantNow(m)),
        stargazerAtEnd: oneIf(stargazerAt(m, end)),
        participantAtEnd: oneIf(participantAt(m, end)),
      })
      .from(m)
      .where(sql`${m.repositoryId} = ${repositoryId} and ${which} and ${m.companyKey} is not null and ${m.company} is not null`);
  const rows = [
    ...(await read(sql`${m.lastActiveAt} >= ${end}`)),
    ...(named.size > 0 ? await read(namedIn(m, named)) : []),
    ...(await inChunks(ids, (part) => read(inArray(m.userId, part)))),
    ...(await inChunks(logins, (part) => read(and(isNull(m.userId), inArray(m.login, part))!))),
  ];
  const corrections = new Map<string, Correction>();
  for (const r of rows) {
    const key = personKey({ login: r.login, id: r.userId });
    if (corrections.has(key)) continue;
    const counted = !named.has(r.login.toLowerCase());
    const star = counted && r.stargazerAtEnd ? 1 : 0;
    const talk = counted && r.participantAtEnd ? 1 : 0;
    const lead = leads.has(key) ? 1 : 0;
    const peopleNow = r.stargazerNow || r.participantNow ? 1 : 0;
    corrections.set(key, {
      companyKey: r.companyKey,
      spelling: r.spelling,
      stargazers: star - r.stargazerNow,
      participants: talk - r.participantNow,
      leads: lead,
      people: (star || talk || lead ? 1 : 0) - peopleNow,
    });
  }
  return corrections;
}

/** The account ids of `people`, and the logins of those without one. */
function splitPeople(people: readonly PersonRef[]): { ids: number[]; logins: string[] } {
  return {
    ids: people.flatMap((p) => (p.id === null ? [] : [p.id])),
    logins: people.flatMap((p) => (p.id === null ? [p.login] : [])),
  };
}

/** The rows `read` gives for each `IN (...)` list of at most CHUNK items, one list after another. */
async function inChunks<T, R>(items: readonly T[], read: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) rows.push(...(await read(items.slice(i, i + CHUNK))));
  return rows;
}

/**
 * Leads the projection has no row for (e.g. their facts were never in the ledger), tallied alone
 * by their profile's company. Profiles are kept per account id, so a lead without one has none.
 */
async function leadsWithoutMemberRow(db: DB, repositoryId: number, leads: readonly PersonRef[]): Promise<CompanyTally[]> {
  const { communityMembers: m, userProfiles } = tablesOf(db);
  const { ids } = splitPeople(leads);
  if (ids.length === 0) return [];
  const members = await inChunks(ids, (part) =>
    db
      .select({ userId: m.userId })
      .from(m)
      .where(and(eq(m.repositoryId, repositoryId), inArray(m.userId, part))),
  );
  const known = new Set(members.map((r) => r.userId));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return [];
  const profiles = await inChunks(missing, (part) =>
    db.select({ companyKey: userProfiles.companyKey, spelling: userProfiles.company }).from(userProfiles).where(inArray(userProfiles.userId, part)),
  );
  return profiles
    .filter((p) => p.companyKey && p.spelling)
    .map((p) => ({ companyKey: p.companyKey!, spelling: p.spelling!, stargazers: 0, participants: 0, leads: 1, people: 1 }));
}
