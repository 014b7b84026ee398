import { sql, type SQL } from "drizzle-orm";
import { communityMembers as m } from "./schema.js";

/** Who is left out of the counts, by login (compared case-insensitively), besides GitHub's own marks. */
export interface PeopleFilter {
  /** Config `ignoreUsers`: bots by name, left out of every count. */
  ignoreUsers: readonly string[];
  /** Config `maintainers`: left out of the stages, still active members. */
  maintainers: readonly string[];
}

/**
 * A community member by GitHub's marks (the fold's `community` flag) who starred or forked before
 * `until`: a star counts unless their latest unstar, before `until`, came at or after their latest
 * star (a fork always counts). Evaluated per row, so used only where few rows are read.
 */
export function stargazerAt(until: number): SQL {
  return sql`(${m.community} = 1 and ((${m.firstStarredAt} < ${until} and not coalesce(${m.lastUnstarredAt} < ${until} and ${m.lastUnstarredAt} >= ${m.lastStarredAt}, 0))
    or ${m.firstForkedAt} < ${until}))`;
}

/** A community member whose first participation came before `until`. */
export function participantAt(until: number): SQL {
  return sql`(${m.community} = 1 and ${m.firstParticipatedAt} < ${until})`;
}

/** A row's contribution to the counters as they stand (the triggers' own terms, migration 0005). */
export const STARGAZER_NOW = sql`(${m.community} = 1 and ${m.starred} = 1)`;
export const PARTICIPANT_NOW = sql`(${m.community} = 1 and ${m.firstParticipatedAt} is not null)`;

/** The rows of logins named in a config list, any case: point lookups on the lower(login) index. */
export function namedIn(logins: ReadonlySet<string>): SQL {
  return sql`lower(${m.login}) in (${sql.join(
    [...logins].map((l) => sql`${l}`),
    sql`, `,
  )})`;
}

/** The logins of the config's lists, lower-cased. */
export const lowered = (logins: readonly string[]): Set<string> => new Set(logins.map((l) => l.toLowerCase()));
