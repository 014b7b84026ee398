import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { contributors, events, leadSignals } from "./schema.js";

/** Someone counted in a stage of the funnel, with the account type the ledger saw. */
export interface FunnelPerson {
  login: string;
  actorType: string;
}

/** Ledger kinds that make someone a participant: they opened, commented or reviewed. */
export const PARTICIPATION_KINDS = [
  "issues.opened",
  "pull_request.opened",
  "issue_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
] as const;

/**
 * Users who starred or forked the repository before `until`, one grouped pass over the
 * (repository, time) index. A user whose latest star event is an unstar, and who never forked,
 * no longer counts.
 */
export async function stargazersAndForkers(db: DB, repositoryId: number, until: Date): Promise<FunnelPerson[]> {
  const rows = db
    .select({
      login: events.actorLogin,
      actorType: sql<string>`max(${events.actorType})`,
      forked: sql<number>`max(${events.kind} = 'fork.created')`,
      starred: sql<number | null>`max(case when ${events.kind} = 'star.created' then ${events.occurredAt} end)`,
      unstarred: sql<number | null>`max(case when ${events.kind} = 'star.deleted' then ${events.occurredAt} end)`,
    })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), lt(events.occurredAt, until), inArray(events.kind, ["star.created", "star.deleted", "fork.created"])))
    .groupBy(events.actorLogin)
    .all();
  return rows
    .filter((r) => r.forked === 1 || (r.starred !== null && (r.unstarred === null || r.starred > r.unstarred)))
    .map(({ login, actorType }) => ({ login, actorType }));
}

/**
 * Users who opened an issue or PR, commented or reviewed before `until`; `maintainer` when GitHub
 * called them OWNER, MEMBER or COLLABORATOR in any of those facts (the ones that carry an
 * association), so one pass finds both.
 */
export async function participants(db: DB, repositoryId: number, until: Date): Promise<Array<FunnelPerson & { maintainer: boolean }>> {
  return db
    .select({
      login: events.actorLogin,
      actorType: sql<string>`max(${events.actorType})`,
      maintainer: sql<number>`max(${events.association} in ('OWNER', 'MEMBER', 'COLLABORATOR'))`.mapWith(Boolean),
    })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), lt(events.occurredAt, until), inArray(events.kind, [...PARTICIPATION_KINDS])))
    .groupBy(events.actorLogin)
    .all();
}

/** Users with any recorded activity in `[from, until)`: the active members' raw material. */
export async function activeActors(db: DB, repositoryId: number, from: Date, until: Date): Promise<FunnelPerson[]> {
  return distinctActors(db, and(eq(events.repositoryId, repositoryId), gte(events.occurredAt, from), lt(events.occurredAt, until)));
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

function distinctActors(db: DB, where: ReturnType<typeof and>): FunnelPerson[] {
  return db
    .select({ login: events.actorLogin, actorType: sql<string>`max(${events.actorType})` })
    .from(events)
    .where(where)
    .groupBy(events.actorLogin)
    .all();
}
