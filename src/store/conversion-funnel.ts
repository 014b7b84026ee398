import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { personKey, type PersonRef } from "../domain/identity.js";
import { type DB, type Tables, tablesOf } from "./engine.js";
import { dismissedPeople, isSignal } from "./lead-verdicts.js";
import {
  countIf,
  lowered,
  type Members,
  namedIn,
  participantAt,
  participantNow,
  stargazerAt,
  stargazerNow,
  type PeopleFilter,
} from "./member-stages.js";

export type { PeopleFilter } from "./member-stages.js";
export { tallyCompanies, type CompanyTally } from "./company-tally.js";

/** The sizes of the people stages at `until`, and the active members of the 30 days before it. */
export interface StageCounts {
  stargazers: number;
  participants: number;
  activeMembers: number;
}

/**
 * A member with a fact (bots aside) in `[from, until)`. A row keeps only its first and last
 * activity, so one that began before `from` and acted again at or after `until` may have been
 * silent all through the window: its facts there are looked up among the people acting in it (one
 * range of the events' time index, read once; by account id, by login for facts without one).
 * Without that, a past period made again would count as active whoever came back since.
 */
function activeIn(m: Members, events: Tables["events"], repositoryId: number, from: number, until: number): SQL {
  const actedInWindow = (column: SQL) => sql`select ${column} from ${events}
    where ${events.repositoryId} = ${repositoryId} and ${events.occurredAt} >= ${from} and ${events.occurredAt} < ${until}`;
  const acted = sql`(${m.userId} in (${actedInWindow(sql`${events.actorId}`)})
    or (${m.userId} is null and ${m.login} in (${actedInWindow(sql`case when ${events.actorId} is null then ${events.actorLogin} end`)})))`;
  return sql`(not ${m.isBot} and ${m.firstActiveAt} < ${until} and ${m.lastActiveAt} >= ${from}
    and (${m.lastActiveAt} < ${until} or ${m.firstActiveAt} >= ${from} or ${acted}))`;
}

/**
 * Stargazers and forkers, participants (opened, commented, reviewed) and active members (any
 * activity, bots aside, in `[activeFrom, until)`). Reads the projection as it stands: refresh it
 * first (refreshMemberProjection). A member whose last activity came after `until` counts as
 * active when they had arrived before it.
 *
 * The stages start from `member_counts`, which triggers keep equal to the stages of every
 * row as folded so far: one row, whatever the community's size. A member with no fact at or after
 * `until` is in the same stages at `until` as now, so only the members active since `until` are
 * judged again, fact by fact (one range of the last-activity index: a few for the week just
 * ended, more for an older end). The config's lists are small: their people's contributions at
 * `until`, found by point lookups, are subtracted. Active members are one range of the same index,
 * checked against the window's facts where a row cannot tell (see activeIn).
 */
export async function countStages(db: DB, repositoryId: number, until: Date, activeFrom: Date, filter: PeopleFilter): Promise<StageCounts> {
  const { communityMembers: m, events, memberCounts } = tablesOf(db);
  const end = until.getTime();
  const from = activeFrom.getTime();
  const repo = eq(m.repositoryId, repositoryId);
  const active = activeIn(m, events, repositoryId, from, end);
  const [counters] = await db.select().from(memberCounts).where(eq(memberCounts.repositoryId, repositoryId)).limit(1);
  const [late] = await db
    .select({
      stargazersNow: countIf(stargazerNow(m)),
      stargazersAtEnd: countIf(stargazerAt(m, end)),
      participantsNow: countIf(participantNow(m)),
      participantsAtEnd: countIf(participantAt(m, end)),
    })
    .from(m)
    .where(sql`${repo} and ${m.lastActiveAt} >= ${end}`);
  const [activeRow] = await db.select({ n: sql<number>`count(*)` }).from(m).where(sql`${repo} and ${active}`);
  const activeMembers = activeRow?.n ?? 0;

  const ignored = lowered(filter.ignoreUsers);
  const named = new Set([...ignored, ...lowered(filter.maintainers)]);
  let namedStargazers = 0;
  let namedParticipants = 0;
  let namedActive = 0;
  if (named.size > 0) {
    const [row] = await db
      .select({
        stargazers: countIf(stargazerAt(m, end)),
        participants: countIf(participantAt(m, end)),
        active: ignored.size === 0 ? sql<number>`0` : countIf(sql`${active} and ${namedIn(m, ignored)}`),
      })
      .from(m)
      .where(sql`${repo} and ${namedIn(m, named)}`);
    namedStargazers = row?.stargazers ?? 0;
    namedParticipants = row?.participants ?? 0;
    namedActive = row?.active ?? 0;
  }
  const stargazers = (counters?.stargazers ?? 0) - (late?.stargazersNow ?? 0) + (late?.stargazersAtEnd ?? 0);
  const participants = (counters?.participants ?? 0) - (late?.participantsNow ?? 0) + (late?.participantsAtEnd ?? 0);
  return {
    stargazers: stargazers - namedStargazers,
    participants: participants - namedParticipants,
    activeMembers: activeMembers - namedActive,
  };
}

/**
 * How many contributors made their first contribution before `until`, bots aside (a `[bot]`
 * login, as isBot in src/people/roles.ts, or one of the config's `ignoreUsers`, any case).
 * Counted in SQL over the contributors' time index, rather than their logins read and filtered.
 */
export async function countContributors(db: DB, repositoryId: number, until: Date, ignoreUsers: readonly string[]): Promise<number> {
  const { contributors: c } = tablesOf(db);
  const ignored = lowered(ignoreUsers);
  const listed =
    ignored.size === 0
      ? sql`false`
      : sql`lower(${c.login}) in (${sql.join(
          [...ignored].map((l) => sql`${l}`),
          sql`, `,
        )})`;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(c)
    .where(and(eq(c.repositoryId, repositoryId), lt(c.firstContributedAt, until), sql`not (lower(${c.login}) like '%[bot]' or ${listed})`));
  return row?.n ?? 0;
}

/**
 * The people with a lead signal before `until`: each account once (one login of theirs), and each
 * login without an account id; not those a maintainer dismissed by then.
 */
export async function leadPeople(db: DB, repositoryId: number, until: Date): Promise<PersonRef[]> {
  const { leadSignals } = tablesOf(db);
  const people = await db
    .select({ id: leadSignals.userId, login: sql<string>`max(${leadSignals.login})` })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), isSignal(leadSignals), lt(leadSignals.occurredAt, until)))
    .groupBy(leadSignals.userId, sql`case when ${leadSignals.userId} is null then ${leadSignals.login} end`);
  // A maintainer's `/steward not-lead` before `until` takes the person off (src/store/lead-verdicts.ts).
  const dismissed = await dismissedPeople(db, repositoryId, until);
  return people.filter((person) => !dismissed.has(personKey(person)));
}
