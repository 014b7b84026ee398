import type { StewardConfig } from "../config/schema.js";
import type { ContributorFigures, Period } from "../domain/figures.js";
import type { DB } from "../store/db.js";
import { countContributorsBefore, countReturningContributors, isContributorHistoryKnown, listNewContributors } from "../store/contributors.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { listCrossings } from "../store/milestone-crossings.js";
import { crossingsKnownAt } from "../metrics/milestones.js";

/**
 * The contributor figures of a period for the report and the digest, from the store only: the
 * total at the end of the period, who first contributed in it (with their numbers once the history
 * is known), how many earlier contributors came back with another merged PR, and the contributor
 * milestones crossed in it. Whether the history was known, and which milestones were recorded, are
 * as at `now` (docs/architecture.md, "One digest, one truth").
 */
export async function collectContributorFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  _config: StewardConfig,
): Promise<ContributorFigures> {
  const [total, historyKnown, fresh, returning, recorded] = await Promise.all([
    countContributorsBefore(db, repository.id, period.end),
    isContributorHistoryKnown(db, repository.id, now),
    listNewContributors(db, repository.id, period.start, period.end),
    countReturningContributors(db, repository.id, period.start, period.end),
    listCrossings(db, repository.id, "contributors"),
  ]);
  // No MRR crossing is among them, so the customers' MRR does not matter here.
  const crossings = crossingsKnownAt(recorded, { at: now, contributorHistoryKnown: historyKnown, recordedMrrUsd: 0 });
  return {
    total,
    historyKnown,
    newContributors: fresh.map((c) => ({
      login: c.login,
      number: historyKnown ? c.number : null,
      firstContributedAt: c.firstContributedAt,
      pullNumber: c.firstPullNumber,
    })),
    returningContributors: returning,
    milestonesReached: crossings
      .filter((c) => c.crossedAt >= period.start && c.crossedAt < period.end)
      .map((c) => ({ threshold: c.threshold, crossedAt: c.crossedAt, login: c.login })),
  };
}
