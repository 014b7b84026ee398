import type { StewardConfig } from "../config/schema.js";
import { isBot, isCommunity } from "../people/roles.js";
import { countContributorsBefore } from "../store/contributors.js";
import type { DB } from "../store/db.js";
import { listActiveDays, listItemsClosedBetween, listOpenItems, listStarChanges, countStarsInLedger } from "../store/community-activity.js";
import { findRepositoryFacts } from "../store/repository-facts.js";
import { ACTIVE_WINDOW_DAYS, activeMembersSeries, dayIndex, type Activity } from "./active-members.js";
import { starsAt, type StarAnchor, type StarDelta } from "./star-series.js";
import { DAY_MS } from "./utc-day.js";

/**
 * The community values at given times, read from the ledger with time-bounded queries. Shared by
 * the daily job and the report's collector.
 */

/** Non-bot activity (by day) in `[from, to)`. */
export async function humanActivity(db: DB, repositoryId: number, from: Date, to: Date, config: StewardConfig): Promise<Activity[]> {
  const rows = await listActiveDays(db, repositoryId, from, to);
  return rows.filter((r) => !isBot({ login: r.login, type: r.type }, config)).map((r) => ({ login: r.login, day: r.day }));
}

/** Active members in the 30 days up to `at` (by whole UTC days, `at`'s day included). */
export async function activeMembersAt(db: DB, repositoryId: number, at: Date, config: StewardConfig): Promise<number> {
  const last = dayIndex(new Date(at.getTime() - 1));
  const from = new Date((last - ACTIVE_WINDOW_DAYS + 1) * DAY_MS);
  const activity = await humanActivity(db, repositoryId, from, at, config);
  return activeMembersSeries(activity, [last])[0] ?? 0;
}

/** Contributors whose first contribution came before `at`. */
export async function contributorsAt(db: DB, repositoryId: number, at: Date): Promise<number> {
  return countContributorsBefore(db, repositoryId, at);
}

/**
 * The best known star total and the star changes around it for `[from, to)`: the latest star
 * webhook's `stargazers_count` or the daily read's, whichever is later; else the ledger's count.
 */
export async function starAnchor(db: DB, repositoryId: number, from: Date, to: Date): Promise<{ anchor: StarAnchor; changes: StarDelta[] }> {
  const facts = await findRepositoryFacts(db, repositoryId);
  const factsStars = typeof facts?.data.stars === "number" ? facts.data.stars : null;
  const windowEnd = new Date(Math.max(to.getTime(), facts?.checkedAt.getTime() ?? 0) + 1);
  // The changes between the anchor and the period are needed too, when the daily read is old.
  const windowStart = new Date(Math.min(from.getTime(), facts?.checkedAt.getTime() ?? from.getTime()));
  const changes = await listStarChanges(db, repositoryId, windowStart, windowEnd);
  const lastStated = [...changes].reverse().find((c) => c.total !== null && c.at < to);
  let anchor: StarAnchor;
  if (facts && factsStars !== null && (!lastStated || facts.checkedAt >= lastStated.at)) anchor = { at: facts.checkedAt, total: factsStars };
  else if (lastStated) anchor = { at: lastStated.at, total: lastStated.total ?? 0 };
  else anchor = { at: windowEnd, total: await countStarsInLedger(db, repositoryId) };
  return { anchor, changes };
}

/** Stars at `at`, from the anchor found for `[from, to)`. */
export function starsAtTime(at: Date, found: { anchor: StarAnchor; changes: StarDelta[] }): number {
  return starsAt(at, found.anchor, found.changes);
}

/**
 * Open community items now and at `start`: those open now, and those closed since `start`
 * (found through their close events) that were opened before it.
 */
export async function openCommunityItems(
  db: DB,
  repositoryId: number,
  start: Date,
  end: Date,
  config: StewardConfig,
): Promise<{ now: number; before: number }> {
  const community = (i: { authorLogin: string; authorType: string; authorAssociation: string }) =>
    isCommunity({ login: i.authorLogin, type: i.authorType, association: i.authorAssociation }, config);
  const open = (await listOpenItems(db, repositoryId)).filter(community);
  const closedSince = (await listItemsClosedBetween(db, repositoryId, start, end)).filter(community);
  const openAtStart =
    open.filter((i) => i.createdAt < start).length +
    closedSince.filter((i) => i.createdAt < start && (i.closedAt === null || i.closedAt >= start)).length;
  return { now: open.length, before: openAtStart };
}
