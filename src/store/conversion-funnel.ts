import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DB } from "./db.js";
import { communityMembers, contributors, leadSignals, userProfiles } from "./schema.js";

/** Who is left out of the counts, by login (compared case-insensitively), besides GitHub's own marks. */
export interface PeopleFilter {
  /** Config `ignoreUsers`: bots by name, left out of every count. */
  ignoreUsers: readonly string[];
  /** Config `maintainers`: left out of the stages, still active members. */
  maintainers: readonly string[];
}

/** The sizes of the people stages at `until`, and the active members of the 30 days before it. */
export interface StageCounts {
  stargazers: number;
  participants: number;
  activeMembers: number;
}

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

const m = communityMembers;

/**
 * The SQL twin of `isBot` (src/people/roles.ts) over `community_members`: GitHub's account type,
 * the `[bot]` suffix, or config `ignoreUsers`. In SQL so the counts never load the members.
 */
function notBot(filter: PeopleFilter): SQL {
  return sql`(${m.actorType} <> 'Bot' and lower(${m.login}) not like '%[bot]' and ${notListed(filter.ignoreUsers)})`;
}

/** A community member: no bot, and no maintainer by GitHub's association or by config. */
function community(filter: PeopleFilter): SQL {
  return sql`(${notBot(filter)} and not ${m.maintainerSeen} and ${notListed(filter.maintainers)})`;
}

function notListed(logins: readonly string[]): SQL {
  if (logins.length === 0) return sql`1`;
  return sql`lower(${m.login}) not in (${sql.join(logins.map((l) => sql`${l.toLowerCase()}`), sql`, `)})`;
}

/**
 * Starred or forked before `until`: a star counts unless their latest unstar, before `until`,
 * came at or after their latest star (a fork always counts).
 */
function stargazerAt(until: number): SQL {
  return sql`((${m.firstStarredAt} < ${until} and not coalesce(${m.lastUnstarredAt} < ${until} and ${m.lastUnstarredAt} >= ${m.lastStarredAt}, 0))
    or ${m.firstForkedAt} < ${until})`;
}

function participantAt(until: number): SQL {
  return sql`${m.firstParticipatedAt} < ${until}`;
}

/**
 * Stargazers and forkers, participants (opened, commented, reviewed) and active members (any
 * activity, bots aside, in `[activeFrom, until)`), in one pass over the repository's members.
 * Reads the projection as it stands: refresh it first (refreshMemberProjection). A member whose
 * last activity came after `until` counts as active when they had arrived before it.
 */
export async function countStages(db: DB, repositoryId: number, until: Date, activeFrom: Date, filter: PeopleFilter): Promise<StageCounts> {
  const end = until.getTime();
  const from = activeFrom.getTime();
  const row = db
    .select({
      stargazers: sql<number>`coalesce(sum(${community(filter)} and ${stargazerAt(end)}), 0)`,
      participants: sql<number>`coalesce(sum(${community(filter)} and ${participantAt(end)}), 0)`,
      activeMembers: sql<number>`coalesce(sum(${notBot(filter)} and ${m.firstActiveAt} < ${end} and ${m.lastActiveAt} >= ${from}), 0)`,
    })
    .from(m)
    .where(eq(m.repositoryId, repositoryId))
    .get();
  return { stargazers: row?.stargazers ?? 0, participants: row?.participants ?? 0, activeMembers: row?.activeMembers ?? 0 };
}

/**
 * The company spellings of the community's stargazers and participants at `until` and of
 * `leadLogins`, grouped in SQL per (company key, spelling). Leads are counted as given: Steward
 * records no lead for a bot or a maintainer.
 */
export async function tallyCompanies(
  db: DB,
  repositoryId: number,
  until: Date,
  leadLogins: readonly string[],
  filter: PeopleFilter,
): Promise<CompanyTally[]> {
  const end = until.getTime();
  const star = sql`(${community(filter)} and ${stargazerAt(end)})`;
  const talk = sql`(${community(filter)} and ${participantAt(end)})`;
  const lead = leadLogins.length === 0 ? sql`0` : sql`(${m.login} in (${sql.join(leadLogins.map((l) => sql`${l}`), sql`, `)}))`;
  const rows = db
    .select({
      companyKey: userProfiles.companyKey,
      spelling: userProfiles.company,
      stargazers: sql<number>`sum(${star})`,
      participants: sql<number>`sum(${talk})`,
      leads: sql<number>`sum(${lead})`,
      people: sql<number>`count(*)`,
    })
    .from(m)
    .innerJoin(userProfiles, eq(userProfiles.login, m.login))
    .where(and(eq(m.repositoryId, repositoryId), sql`coalesce(${userProfiles.companyKey}, '') <> ''`, sql`coalesce(${userProfiles.company}, '') <> ''`, sql`(${star} or ${talk} or ${lead})`))
    .groupBy(userProfiles.companyKey, userProfiles.company)
    .all();
  const tallies = rows.map((r) => ({ ...r, companyKey: r.companyKey!, spelling: r.spelling! }));
  return [...tallies, ...(await leadsWithoutMemberRow(db, repositoryId, leadLogins))];
}

/** Leads the projection has no row for (e.g. their facts were never in the ledger), tallied alone. */
async function leadsWithoutMemberRow(db: DB, repositoryId: number, leadLogins: readonly string[]): Promise<CompanyTally[]> {
  if (leadLogins.length === 0) return [];
  const known = new Set(
    db
      .select({ login: m.login })
      .from(m)
      .where(and(eq(m.repositoryId, repositoryId), inArray(m.login, [...leadLogins])))
      .all()
      .map((r) => r.login),
  );
  const missing = leadLogins.filter((login) => !known.has(login));
  if (missing.length === 0) return [];
  return db
    .select({ companyKey: userProfiles.companyKey, spelling: userProfiles.company })
    .from(userProfiles)
    .where(inArray(userProfiles.login, missing))
    .all()
    .filter((p) => p.companyKey && p.spelling)
    .map((p) => ({ companyKey: p.companyKey!, spelling: p.spelling!, stargazers: 0, participants: 0, leads: 1, people: 1 }));
}

/** Logins of the contributors whose first contribution came before `until`. */
export async function contributorLogins(db: DB, repositoryId: number, until: Date): Promise<string[]> {
  return db
    .select({ login: contributors.login })
    .from(contributors)
    .where(and(eq(contributors.repositoryId, repositoryId), lt(contributors.firstContributedAt, until)))
    .all()
    .map((r) => r.login);
}

/** Logins with a lead signal before `until`. */
export async function leadLogins(db: DB, repositoryId: number, until: Date): Promise<string[]> {
  return db
    .selectDistinct({ login: leadSignals.login })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), lt(leadSignals.occurredAt, until)))
    .all()
    .map((r) => r.login);
}
