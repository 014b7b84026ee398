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
 * A community member by GitHub's marks (the fold's `community` flag) who starred or forked before
 * `until`: a star counts unless their latest unstar, before `until`, came at or after their latest
 * star (a fork always counts). Evaluated per row, so used only where few rows are read.
 */
function stargazerAt(until: number): SQL {
  return sql`(${m.community} = 1 and ((${m.firstStarredAt} < ${until} and not coalesce(${m.lastUnstarredAt} < ${until} and ${m.lastUnstarredAt} >= ${m.lastStarredAt}, 0))
    or ${m.firstForkedAt} < ${until}))`;
}

function participantAt(until: number): SQL {
  return sql`(${m.community} = 1 and ${m.firstParticipatedAt} < ${until})`;
}

function activeIn(from: number, until: number): SQL {
  return sql`(${m.isBot} = 0 and ${m.firstActiveAt} < ${until} and ${m.lastActiveAt} >= ${from})`;
}

/** The rows of logins named in a config list, any case: point lookups on the lower(login) index. */
function namedIn(logins: ReadonlySet<string>): SQL {
  return sql`lower(${m.login}) in (${sql.join([...logins].map((l) => sql`${l}`), sql`, `)})`;
}

const lowered = (logins: readonly string[]) => new Set(logins.map((l) => l.toLowerCase()));

/**
 * Stargazers and forkers, participants (opened, commented, reviewed) and active members (any
 * activity, bots aside, in `[activeFrom, until)`). Reads the projection as it stands: refresh it
 * first (refreshMemberProjection). A member whose last activity came after `until` counts as
 * active when they had arrived before it.
 *
 * Each count is one range of an index over the fold's flags, so no per-row condition is
 * evaluated over the community: stargazers are the members whose facts all precede `until` and
 * whose folded state is "starred" (an index range), plus those active since `until`, judged
 * fact by fact (a few, for a recent `until`). The config's lists are small: their people's
 * contributions, found by point lookups, are subtracted.
 */
export async function countStages(db: DB, repositoryId: number, until: Date, activeFrom: Date, filter: PeopleFilter): Promise<StageCounts> {
  const end = until.getTime();
  const from = activeFrom.getTime();
  const count = (where: SQL) => db.select({ n: sql<number>`count(*)` }).from(m).where(where).get()?.n ?? 0;
  const repo = eq(m.repositoryId, repositoryId);
  const settledStargazers = count(sql`${repo} and ${m.community} = 1 and ${m.starred} = 1 and ${m.lastActiveAt} < ${end}`);
  const lateStargazers = count(sql`${repo} and ${m.lastActiveAt} >= ${end} and ${stargazerAt(end)}`);
  const participants = count(sql`${repo} and ${m.community} = 1 and ${m.firstParticipatedAt} < ${end}`);
  const activeMembers = count(sql`${repo} and ${m.isBot} = 0 and ${m.lastActiveAt} >= ${from} and ${m.firstActiveAt} < ${end}`);

  const ignored = lowered(filter.ignoreUsers);
  const named = new Set([...ignored, ...lowered(filter.maintainers)]);
  let namedStargazers = 0;
  let namedParticipants = 0;
  let namedActive = 0;
  if (named.size > 0) {
    // Only the conditions in the select: in the WHERE, SQLite could prefer a stage's index and walk its range.
    const row = db
      .select({
        stargazers: sql<number>`coalesce(sum(${stargazerAt(end)}), 0)`,
        participants: sql<number>`coalesce(sum(${participantAt(end)}), 0)`,
        active: ignored.size === 0 ? sql<number>`0` : sql<number>`coalesce(sum(${activeIn(from, end)} and ${namedIn(ignored)}), 0)`,
      })
      .from(m)
      .where(sql`${repo} and ${namedIn(named)}`)
      .get();
    namedStargazers = row?.stargazers ?? 0;
    namedParticipants = row?.participants ?? 0;
    namedActive = row?.active ?? 0;
  }
  return {
    stargazers: settledStargazers + lateStargazers - namedStargazers,
    participants: participants - namedParticipants,
    activeMembers: activeMembers - namedActive,
  };
}

/**
 * The company spellings of the community's stargazers and participants at `until` and of
 * `leadLogins`, grouped in SQL per (company key, spelling). Reads only the members with a company,
 * from one partial index. Leads are counted as given: Steward records no lead for a bot or a
 * maintainer.
 */
export async function tallyCompanies(
  db: DB,
  repositoryId: number,
  until: Date,
  leadLogins: readonly string[],
  filter: PeopleFilter,
): Promise<CompanyTally[]> {
  const end = until.getTime();
  const named = new Set([...lowered(filter.ignoreUsers), ...lowered(filter.maintainers)]);
  const counted = named.size === 0 ? sql`1` : sql`not ${namedIn(named)}`;
  const star = sql`(${stargazerAt(end)} and ${counted})`;
  const talk = sql`(${participantAt(end)} and ${counted})`;
  const lead = leadLogins.length === 0 ? sql`0` : sql`(${m.login} in (${sql.join(leadLogins.map((l) => sql`${l}`), sql`, `)}))`;
  const rows = db
    .select({
      companyKey: m.companyKey,
      spelling: m.company,
      stargazers: sql<number>`sum(${star})`,
      participants: sql<number>`sum(${talk})`,
      leads: sql<number>`sum(${lead})`,
      people: sql<number>`count(*)`,
    })
    .from(m)
    // `company_key is not null` is the partial index's own condition, which lets SQLite use it.
    .where(sql`${m.repositoryId} = ${repositoryId} and ${m.companyKey} is not null and (${star} or ${talk} or ${lead})`)
    .groupBy(m.companyKey, m.company)
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
