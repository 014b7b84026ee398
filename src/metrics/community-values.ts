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
  return rows.filter((r) => !isBot({ login: r.login, type: r.type }, config)).map((r) => ({ person: r.person, day: r.day }));
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
  // The ledger's count up to the window's end, where the anchor is dated: later stars are not known there.
  else anchor = { at: windowEnd, total: await countStarsInLedger(db, repositoryId, windowEnd) };
  return { anchor, changes };
}

/** Stars at `at`, from the anchor found for `[from, to)`. */
export function starsAtTime(at: Date, found: { anchor: StarAnchor; changes: StarDelta[] }): number {
  return starsAt(at, found.anchor, found.changes);
}

/** The latest time a `Date` holds: "from `t` on", for a range with no end. */
const END_OF_TIME = new Date(8_640_000_000_000_000);

/**
 * Open community items at `end` and at `start`: at a time `t`, those opened before `t` that are
 * open now, or closed now but only at or after `t` (found through their close events since
 * `start`). Neither counts an item opened after `end`, nor misses one closed since: a past
 * digest made again counts what was open then. An item closed before `t` and reopened after it
 * counts as open at `t` (the item keeps only its latest close).
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
  const closedSince = (await listItemsClosedBetween(db, repositoryId, start, END_OF_TIME)).filter(community);
  const openAt = (t: Date) =>
    open.filter((i) => i.createdAt < t).length + closedSince.filter((i) => i.createdAt < t && (i.closedAt === null || i.closedAt >= t)).length;
  return { now: openAt(end), before: openAt(start) };
}
