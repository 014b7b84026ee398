import type { StewardConfig } from "../config/schema.js";
import type { GitHubClient } from "../github/octokit.js";
import { readCommunityProfile, readRepositoryTotals, readTraffic } from "../github/repository-reads.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { findBackfillProgress } from "../store/backfill-state.js";
import { isContributorHistoryKnown, listContributors } from "../store/contributors.js";
import { saveDailyMetrics } from "../store/daily-metrics.js";
import { listActiveRepositories } from "../store/installations.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { listCrossings, recordCrossing } from "../store/milestone-crossings.js";
import { nthStarAt } from "../store/community-activity.js";
import { saveRepositoryFacts } from "../store/repository-facts.js";
import { activeMembersAt } from "./community-values.js";
import { dueCrossings } from "./milestones.js";
import { utcDay } from "./utc-day.js";

/**
 * The daily metrics job: for each repository (or the one given) reads the current totals, the
 * 14-day traffic where the installation grants it and the community profile (not for forks),
 * stores them as the repository's facts and as the day's values, and records the milestones
 * crossed (stars, contributors, active members; MRR is the conversion feature's). One
 * repository's failure is logged and does not stop the others.
 */
export async function runDailyMetrics(deps: JobDeps, options: { repository?: RepositoryRecord }): Promise<void> {
  const repositories = options.repository ? [options.repository] : await listActiveRepositories(deps.db);
  for (const repository of repositories) {
    try {
      await dailyMetricsFor(deps, repository);
    } catch (error) {
      deps.log.error({ err: error }, `daily metrics ${repository.fullName}: failed, tried again tomorrow`);
    }
  }
}

async function dailyMetricsFor(deps: JobDeps, repository: RepositoryRecord): Promise<void> {
  const now = deps.now();
  const octokit = await deps.github(repository.installationId);
  const { config } = await deps.configs.load(octokit, repository);
  const facts = await readFacts(octokit, repository);
  await saveRepositoryFacts(deps.db, repository.id, facts.data, now);
  const contributors = (await listContributors(deps.db, repository.id)).length;
  const activeMembers = await activeMembersAt(deps.db, repository.id, now, config);
  const values: Record<string, number> = {
    stars: facts.totals.stars,
    forks: facts.totals.forks,
    openIssues: facts.totals.openIssues,
    contributors,
    activeMembers,
    ...facts.trafficValues,
  };
  await saveDailyMetrics(deps.db, repository.id, utcDay(now), values);
  await recordMilestones(deps, repository, config, values);
  deps.log.info(
    { repository: repository.fullName, ...values },
    `daily metrics ${repository.fullName}: ${values.stars} stars, ${activeMembers} active members`,
  );
}

async function readFacts(octokit: GitHubClient, repository: RepositoryRecord) {
  const where = { owner: repository.owner, repo: repository.name };
  const totals = await readRepositoryTotals(octokit, where);
  const traffic = await readTraffic(octokit, where);
  const profile = totals.fork ? null : await readCommunityProfile(octokit, where);
  const trafficValues: Record<string, number> = traffic.available
    ? { views: traffic.views, uniqueVisitors: traffic.uniqueVisitors, clones: traffic.clones, uniqueCloners: traffic.uniqueCloners }
    : {};
  const communityNote = totals.fork ? "a fork has no community profile" : profile === null ? "GitHub has no community profile for it" : null;
  const data: Record<string, unknown> = { ...totals, traffic, community: profile, communityNote };
  return { totals, trafficValues, data };
}

/** Records each threshold newly reached, dated when it happened where the history tells. */
async function recordMilestones(deps: JobDeps, repository: RepositoryRecord, config: StewardConfig, values: Record<string, number>): Promise<void> {
  const now = deps.now();
  const crossed = await listCrossings(deps.db, repository.id);
  const already = (metric: string) => crossed.filter((c) => c.metric === metric).map((c) => c.threshold);
  const starsKnown = (await findBackfillProgress(deps.db, repository.id, "stars"))?.status === "done";
  for (const threshold of dueCrossings(config.milestones.stars, values.stars ?? 0, already("stars"))) {
    const at = (starsKnown ? await nthStarAt(deps.db, repository.id, threshold) : null) ?? now;
    await celebrate(deps, repository, { metric: "stars", threshold, crossedAt: at, value: values.stars ?? 0, login: null, itemNumber: null });
  }
  const historyKnown = await isContributorHistoryKnown(deps.db, repository.id);
  const list = await listContributors(deps.db, repository.id);
  for (const threshold of dueCrossings(config.milestones.contributors, list.length, already("contributors"))) {
    const who = historyKnown ? list[threshold - 1] : undefined;
    await celebrate(deps, repository, {
      metric: "contributors",
      threshold,
      crossedAt: who?.firstContributedAt ?? now,
      value: list.length,
      login: who?.login ?? null,
      itemNumber: who?.firstPullNumber ?? null,
    });
  }
  for (const threshold of dueCrossings(config.milestones.activeMembers, values.activeMembers ?? 0, already("activeMembers"))) {
    await celebrate(deps, repository, {
      metric: "activeMembers",
      threshold,
      crossedAt: now,
      value: values.activeMembers ?? 0,
      login: null,
      itemNumber: null,
    });
  }
}

async function celebrate(
  deps: JobDeps,
  repository: RepositoryRecord,
  crossing: { metric: string; threshold: number; crossedAt: Date; value: number; login: string | null; itemNumber: number | null },
): Promise<void> {
  if (await recordCrossing(deps.db, { repositoryId: repository.id, ...crossing })) {
    deps.log.info(
      `milestone ${repository.fullName}: ${crossing.metric} reached ${crossing.threshold} on ${crossing.crossedAt.toISOString().slice(0, 10)}`,
    );
  }
}
