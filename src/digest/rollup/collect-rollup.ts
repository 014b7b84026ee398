import type { StewardConfig } from "../../config/schema.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import type { GitHubClient } from "../../github/octokit.js";
import { collectFeatureFigures } from "../../report/collect-figures.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../../runtime/repo-config-loader.js";
import type { JobDeps } from "../../runtime/job-deps.js";
import { listContributors } from "../../store/contributors.js";
import type { DigestWeek } from "../digest-week.js";
import { organizationContributors, organizationLeads, type RepositoryContributor } from "./org-people.js";
import type { RollupData, RollupRow } from "./rollup-data.js";

/**
 * The repositories a roll-up covers: the installation's served ones, less those `exclude` names
 * and any `.github` repository, which holds the organization's settings and community files
 * rather than a project.
 */
export function rollupMembers(rollup: RepositoryRecord, served: readonly RepositoryRecord[], exclude: readonly string[]): RepositoryRecord[] {
  const excluded = new Set([".github", ...exclude.map((name) => name.toLowerCase())]);
  return served.filter(
    (r) => r.installationId === rollup.installationId && !excluded.has(r.name.toLowerCase()) && !excluded.has(r.fullName.toLowerCase()),
  );
}

/**
 * Each member repository's figures for the roll-up's week, through the same collectors as its own
 * digest and under its own steward.yml (its response goal, its ignored users), and the people
 * across them counted once each. Leads are collected as the digest collects them; whether they are
 * named is the renderer's decision, by the roll-up repository's visibility.
 */
export async function collectRollupData(
  deps: JobDeps,
  octokit: GitHubClient,
  rollup: { repository: RepositoryRecord; config: StewardConfig; week: DigestWeek; previous: RollupData["previous"] },
  members: readonly RepositoryRecord[],
): Promise<RollupData> {
  const now = deps.now();
  const { period } = rollup.week;
  const rows: RollupRow[] = [];
  const contributors: RepositoryContributor[] = [];
  const leads: Array<{ repository: string; login: string }> = [];
  const problems: string[] = [];
  for (const member of members) {
    const { config } = await deps.configs.load(octokit, member, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS });
    const figures = await collectFeatureFigures(deps.db, member, { period, previousPeriod: null, now, config, readOnly: false });
    problems.push(...figures.failures.map((f) => `${member.fullName}: ${f}`));
    const response = figures.response.status === "ok" ? figures.response.current : null;
    const community = figures.community.status === "ok" ? figures.community.current : null;
    const newcomers = figures.contributors.status === "ok" ? figures.contributors.current.newContributors.length : null;
    rows.push({
      fullName: member.fullName,
      response: response ? { decided: response.withinGoal + response.missed, withinGoal: response.withinGoal } : null,
      waiting: response ? response.waiting.length : null,
      newContributors: newcomers,
      stars: community ? community.stars : null,
    });
    if (figures.conversion.status === "ok")
      leads.push(...figures.conversion.current.leads.map((l) => ({ repository: member.fullName, login: l.login })));
    // The people behind the per-repository counts, so the organization counts each of them once.
    for (const c of await listContributors(deps.db, member.id))
      contributors.push({ repository: member.fullName, login: c.login, userId: c.userId, firstContributedAt: c.firstContributedAt });
  }
  return {
    repository: { fullName: rollup.repository.fullName, private: rollup.repository.private },
    organization: rollup.repository.owner,
    week: rollup.week,
    rows,
    contributors: organizationContributors(contributors, period, rollup.config.milestones.contributors),
    leads: organizationLeads(leads),
    problems,
    previous: rollup.previous,
  };
}
