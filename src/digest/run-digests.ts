import type { StewardConfig } from "../config/schema.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../runtime/repo-config-loader.js";
import type { GitHubClient } from "../github/octokit.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { findDigest } from "../store/digests.js";
import { listActiveRepositories } from "../store/installations.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { collectDigestData } from "./collect-digest.js";
import { dueDigestWeek, latestDigestWeek, previousDigestWeek, type DigestWeek } from "./digest-week.js";
import { publishDigest, type PublishedDigest } from "./publish-digest.js";
import { renderDigest } from "./render-digest.js";
import { heldPublication, seeRepository } from "./seen-repository.js";

export interface DigestRun {
  repository: string;
  week: string;
  title: string;
  body: string;
  /** Null on a dry run, which writes nothing. */
  published: PublishedDigest | null;
}

async function configFor(deps: JobDeps, octokit: GitHubClient, repository: RepositoryRecord): Promise<StewardConfig> {
  const { config } = await deps.configs.load(octokit, repository, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS });
  return config;
}

/**
 * Makes one repository's digest for the latest week whose publication time has passed at
 * `deps.now()` (or for `week`): reads the repository's visibility from GitHub, collects, renders
 * and, unless `dryRun`, publishes it once. The visibility GitHub gives is the one rendered: a
 * public repository's digest names no lead and no company, whatever the store or the config says,
 * and one whose visibility could not be read is rendered as public and not published.
 */
export async function makeDigest(
  deps: JobDeps,
  stored: RepositoryRecord,
  options: { dryRun: boolean; week?: DigestWeek; config?: StewardConfig },
): Promise<DigestRun> {
  const octokit = await deps.github(stored.installationId);
  // A dry run's loader stores no config problems, so the ones it read are handed to the collection.
  const { config, problems } = options.config ? { config: options.config, problems: undefined } : await deps.configs.load(octokit, stored);
  const now = deps.now();
  const week = options.week ?? latestDigestWeek(now, config.digest);
  const seen = await seeRepository(deps, octokit, stored, { record: !options.dryRun });
  const repository = seen.status === "seen" ? seen.repository : { ...stored, private: false };
  const collection = { readOnly: options.dryRun, configProblems: problems };
  const data = await collectDigestData(deps.db, repository, week, previousDigestWeek(week, config.digest), now, config, collection);
  const body = renderDigest(data);
  const run = { repository: repository.fullName, week: week.key, title: week.title, body };
  if (options.dryRun) return { ...run, published: null };
  return { ...run, published: heldPublication(seen) ?? (await publishDigest(deps, octokit, repository, data, body)) };
}

/**
 * The scheduler's hourly check: every repository whose digest is due (its configured day and
 * time have passed, within a day) gets it. Running this twice, or on two replicas, publishes once.
 */
export async function runDueDigests(deps: JobDeps): Promise<DigestRun[]> {
  const runs: DigestRun[] = [];
  for (const repository of await listActiveRepositories(deps.db)) {
    try {
      const octokit = await deps.github(repository.installationId);
      const config = await configFor(deps, octokit, repository);
      if (!config.digest.enabled) continue;
      const week = dueDigestWeek(deps.now(), config.digest);
      // Already published: skip before collecting anything (the claim would stop it anyway).
      if (!week || (await findDigest(deps.db, repository.id, week.key))) continue;
      const run = await makeDigest(deps, repository, { dryRun: false, week, config });
      if (run.published?.status === "created") deps.log.info(`${repository.fullName}: digest ${week.key} opened as #${run.published.issueNumber}`);
      if (run.published?.status === "failed")
        deps.log.warn(`${repository.fullName}: digest ${week.key} not opened yet (${run.published.error}); retried next hour`);
      if (run.published?.status === "skipped") deps.log.debug(`${repository.fullName}: digest ${week.key} not opened: ${run.published.error}`);
      runs.push(run);
    } catch (error) {
      deps.log.error({ err: error }, `${repository.fullName}: digest failed; retried next hour`);
    }
  }
  return runs;
}
