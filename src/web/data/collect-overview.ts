import type { StewardConfig } from "../../config/schema.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import { collectCommunityFigures } from "../../metrics/collect-community-figures.js";
import { collectResponseFigures } from "../../sla/collect-response-figures.js";
import type { DB } from "../../store/db.js";
import type { OverviewRow } from "../view-models.js";
import { nearestMilestone } from "./next-milestone.js";
import { daysBefore } from "./weeks.js";

/** One overview line per repository, each read on its own: one failing leaves the others. */
export async function collectOverviewRows(
  db: DB,
  repositories: readonly RepositoryRecord[],
  options: { now: Date; configFor: (repository: RepositoryRecord) => Promise<StewardConfig>; hrefOf: (repository: RepositoryRecord) => string },
): Promise<OverviewRow[]> {
  const period = daysBefore(options.now, 30);
  const rows: OverviewRow[] = [];
  for (const repository of repositories) {
    const base = { fullName: repository.fullName, href: options.hrefOf(repository), private: repository.private };
    try {
      const config = await options.configFor(repository);
      const response = await collectResponseFigures(db, repository, period, options.now, config);
      const community = await collectCommunityFigures(db, repository, period, options.now, config);
      rows.push({
        ...base,
        shareWithinGoal: response.shareWithinGoal,
        waitingNow: response.waiting.length,
        overGoalNow: response.waiting.filter((item) => item.overGoal).length,
        stars: community.stars.now,
        activeMembers: community.activeMembers.now,
        nextMilestone: nearestMilestone(community.milestones),
        unavailable: null,
      });
    } catch (error) {
      rows.push({
        ...base,
        shareWithinGoal: null,
        waitingNow: 0,
        overGoalNow: 0,
        stars: 0,
        activeMembers: 0,
        nextMilestone: null,
        unavailable: `its figures could not be read (${(error as Error).message})`,
      });
    }
  }
  return rows;
}
