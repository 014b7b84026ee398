import type { StewardConfig } from "../config/schema.js";
import type { CommunityFigures, MilestoneMetric, MilestoneProgress, Period } from "../domain/figures.js";
import { collectResponseFigures } from "../sla/collect-response-figures.js";
import { listBackfillProgress } from "../store/backfill-state.js";
import { countForksBetween } from "../store/community-activity.js";
import { isContributorHistoryKnown } from "../store/contributors.js";
import { sumCustomers } from "../store/customers.js";
import { readDailySeries } from "../store/daily-metrics.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { listCrossings } from "../store/milestone-crossings.js";
import { findRepositoryFacts, type StoredRepositoryFacts } from "../store/repository-facts.js";
import { activeMembersSeries, ACTIVE_WINDOW_DAYS, dayIndex } from "./active-members.js";
import { backfillStatusAt } from "./backfill-status.js";
import { contributorsAt, humanActivity, openCommunityItems, starAnchor, starsAtTime } from "./community-values.js";
import { forecastReach } from "./forecast.js";
import { crossingsKnownAt, milestoneProgress } from "./milestones.js";
import { readinessChecklist, type ReadinessInput } from "./readiness.js";
import { DAY_MS, dayStart, daysEndingWith } from "./utc-day.js";

const SERIES_DAYS = 12 * 7;
const RESPONSE_WINDOW_MS = 28 * DAY_MS;

/**
 * The community figures of a repository for a period: headline values at the period's end and
 * start, a 12-week daily series (stored daily values where the daily job ran, derived from the
 * ledger before that), milestone progress with forecasts, the monetization readiness checklist
 * and where the history backfill stands. Reads the store only, bounded by time ranges (the 12
 * weeks and the 30 days before them), so its cost follows recent activity, not the history.
 * Only what was known at `now` counts (docs/architecture.md, "One digest, one truth").
 */
export async function collectCommunityFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  config: StewardConfig,
): Promise<CommunityFigures> {
  const end = new Date(Math.min(period.end.getTime(), now.getTime()));
  const start = new Date(Math.min(period.start.getTime(), end.getTime()));
  const lastDay = dayIndex(new Date(end.getTime() - 1));
  const days = daysEndingWith(new Date(lastDay * DAY_MS).toISOString().slice(0, 10), SERIES_DAYS);
  const seriesStart = dayStart(days[0] ?? "1970-01-01");
  const from = new Date(Math.min(seriesStart.getTime(), start.getTime()));

  const stars = await starAnchor(db, repository.id, from, end);
  const activity = await humanActivity(db, repository.id, new Date(from.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS), end, config);
  const startDay = dayIndex(new Date(start.getTime() - 1));
  const [activeBefore] = activeMembersSeries(activity, [startDay]);
  const storedStars = await readDailySeries(db, repository.id, "stars", days[0] ?? "", days.at(-1) ?? "");
  const storedActive = await readDailySeries(db, repository.id, "activeMembers", days[0] ?? "", days.at(-1) ?? "");
  const derivedActive = activeMembersSeries(
    activity,
    days.map((d) => dayIndex(dayStart(d))),
  );
  const daily = days.map((day, i) => ({
    day,
    stars: storedStars.get(day) ?? starsAtTime(new Date(dayStart(day).getTime() + DAY_MS), stars),
    activeMembers: storedActive.get(day) ?? derivedActive[i] ?? 0,
  }));

  const facts = await findRepositoryFacts(db, repository.id);
  const forksNow = await forksAt(db, repository.id, end, facts);
  const forksBefore = Math.max(0, forksNow - (await countForksBetween(db, repository.id, start, end)));

  const current = {
    stars: starsAtTime(end, stars),
    contributors: await contributorsAt(db, repository.id, end),
    activeMembers: derivedActive.at(-1) ?? 0,
    mrr: await mrrUsd(db, repository.id, { startedBefore: end, recordedBy: now }),
  };
  // The last day ends at `end`: its point is the figure the tables show, not the daily job's
  // snapshot taken at 03:30 that day, so a chart never ends below the number beside it.
  const series = daily.map((point, i) => (i === daily.length - 1 ? { ...point, stars: current.stars, activeMembers: current.activeMembers } : point));
  const contributorsMonthAgo = await contributorsAt(db, repository.id, new Date(end.getTime() - 28 * DAY_MS));
  const points = {
    stars: series.map((p) => ({ at: dayStart(p.day), value: p.stars })),
    activeMembers: series.map((p) => ({ at: dayStart(p.day), value: p.activeMembers })),
    contributors: [
      { at: new Date(end.getTime() - 28 * DAY_MS), value: contributorsMonthAgo },
      { at: end, value: current.contributors },
    ],
    mrr: [] as Array<{ at: Date; value: number }>,
  };
  // Only the crossings recorded by `now`: a past digest made again shows the milestones it showed.
  const crossings = crossingsKnownAt(await listCrossings(db, repository.id), {
    at: now,
    contributorHistoryKnown: await isContributorHistoryKnown(db, repository.id, now),
    recordedMrrUsd: await mrrUsd(db, repository.id, { recordedBy: now }),
  });
  const milestones: MilestoneProgress[] = (["stars", "contributors", "activeMembers", "mrr"] as MilestoneMetric[]).map((metric) =>
    milestoneProgress(
      metric,
      config.milestones[metric],
      current[metric],
      crossings.filter((c) => c.metric === metric).map((c) => ({ threshold: c.threshold, crossedAt: c.crossedAt })),
      (target) => forecastReach(points[metric], target, now),
    ),
  );

  return {
    stars: { now: current.stars, before: starsAtTime(start, stars) },
    forks: { now: forksNow, before: forksBefore },
    contributors: { now: current.contributors, before: await contributorsAt(db, repository.id, start) },
    activeMembers: { now: current.activeMembers, before: activeBefore ?? 0 },
    openCommunityItems: await openCommunityItems(db, repository.id, start, end, config),
    series,
    milestones,
    readiness: readinessChecklist({
      ...readinessFacts(facts?.data),
      stars: current.stars,
      contributors: current.contributors,
      ...(await responseShare(db, repository, now, config)),
    }),
    backfill: backfillStatusAt(await listBackfillProgress(db, repository.id), now),
  };
}

/**
 * Forks at `at`: the daily read's total moved to `at` through the fork events between the two
 * (forward when the read came first, back when it came after), else the ledger's count. The read
 * keeps only its latest total, so a past digest made again walks back from a later one.
 */
async function forksAt(db: DB, repositoryId: number, at: Date, facts: StoredRepositoryFacts | undefined): Promise<number> {
  const read = typeof facts?.data.forks === "number" ? facts.data.forks : null;
  if (!facts || read === null) return countForksBetween(db, repositoryId, new Date(0), at);
  if (facts.checkedAt <= at) return read + (await countForksBetween(db, repositoryId, facts.checkedAt, at));
  return Math.max(0, read - (await countForksBetween(db, repositoryId, at, facts.checkedAt)));
}

function readinessFacts(data: Record<string, unknown> | undefined): Pick<ReadinessInput, "license" | "profile" | "profileNote"> {
  if (!data) return { license: undefined, profile: null, profileNote: "not read yet (the daily metrics job reads the community profile)" };
  const profile = (data.community ?? null) as ReadinessInput["profile"];
  const note = typeof data.communityNote === "string" ? data.communityNote : "GitHub has no community profile for it";
  return { license: typeof data.license === "string" ? data.license : null, profile, profileNote: note };
}

/** The response goal's share over the last 4 weeks, from the response clock's own figures. */
async function responseShare(
  db: DB,
  repository: RepositoryRecord,
  now: Date,
  config: StewardConfig,
): Promise<Pick<ReadinessInput, "responseShare" | "responseNote">> {
  let figures;
  try {
    const window = { start: new Date(now.getTime() - RESPONSE_WINDOW_MS), end: now };
    figures = await collectResponseFigures(db, repository, window, now, config, { waiting: false });
  } catch (error) {
    return { responseShare: null, responseNote: `the response figures could not be read: ${(error as Error).message}` };
  }
  return {
    responseShare: figures.shareWithinGoal,
    responseNote: figures.shareWithinGoal === null ? "no community item was decided against the goal in the last 4 weeks" : "",
  };
}

/** Monthly recurring revenue (USD) of the customers paying before `startedBefore` and entered by `recordedBy`. */
async function mrrUsd(db: DB, repositoryId: number, range: { startedBefore?: Date; recordedBy: Date }): Promise<number> {
  // Through the store's own sum (the same query): features reach tables only through store/.
  const { mrrCents } = await sumCustomers(db, repositoryId, range);
  return Math.round(mrrCents) / 100;
}
