import { sql, type SQL } from "drizzle-orm";
import type { Tables } from "./engine.js";

/** Who is left out of the counts, by login (compared case-insensitively), besides GitHub's own marks. */
export interface PeopleFilter {
  /** Config `ignoreUsers`: bots by name, left out of every count. */
  ignoreUsers: readonly string[];
  /** Config `maintainers`: left out of the stages, still active members. */
  maintainers: readonly string[];
}

/** `community_members` of the engine at hand (tablesOf(db)): its flags are 0/1 on SQLite, booleans on PostgreSQL. */
export type Members = Tables["communityMembers"];

/*
 * The conditions below use the flag columns as conditions, never `= 1`: SQLite reads its 0/1 as
 * a truth value, PostgreSQL's are booleans. As numbers (a row's count, a sum), wrap them in
 * `oneIf` or `countIf`.
 */

/**
 * A community member by GitHub's marks (the fold's `community` flag) who starred or forked before
 * `until`: a star counts unless their latest unstar, before `until`, came at or after their latest
 * star (a fork always counts). Evaluated per row, so used only where few rows are read.
 */
export function stargazerAt(m: Members, until: number): SQL {
  return sql`(${m.community} and ((${m.firstStarredAt} < ${until} and not coalesce(${m.lastUnstarredAt} < ${until} and ${m.lastUnstarredAt} >= ${m.lastStarredAt}, false))
    or ${m.firstForkedAt} < ${until}))`;
}

/** A community member whose first participation came before `until`. */
export function participantAt(m: Members, until: number): SQL {
  return sql`(${m.community} and ${m.firstParticipatedAt} < ${until})`;
}

/** A row's contribution to the counters as they stand (the triggers' own terms: SQLite's migration 0005, PostgreSQL's 0001). */
export const stargazerNow = (m: Members): SQL => sql`(${m.community} and ${m.starred})`;
export const participantNow = (m: Members): SQL => sql`(${m.community} and ${m.firstParticipatedAt} is not null)`;

/** 1 where `condition` holds, else 0 (also where it is null), as a number on both engines. */
export const oneIf = (condition: SQL) => sql<number>`(case when ${condition} then 1 else 0 end)`;

/** How many rows `condition` holds for, 0 without rows: a bigint, which both engines hand back as a number. */
export const countIf = (condition: SQL) => sql<number>`cast(coalesce(sum(case when ${condition} then 1 else 0 end), 0) as bigint)`;

/** The rows of logins named in a config list, any case: point lookups on the lower(login) index. */
export function namedIn(m: Members, logins: ReadonlySet<string>): SQL {
  return sql`lower(${m.login}) in (${sql.join(
    [...logins].map((l) => sql`${l}`),
    sql`, `,
  )})`;
}

/** The logins of the config's lists, lower-cased. */
export const lowered = (logins: readonly string[]): Set<string> => new Set(logins.map((l) => l.toLowerCase()));
