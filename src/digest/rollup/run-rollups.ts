import type { RepositoryRecord } from "../../domain/repository.js";
import { readOwnStewardYml } from "../../github/own-steward-yml.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../../runtime/repo-config-loader.js";
import type { JobDeps } from "../../runtime/job-deps.js";
import { listActiveRepositories } from "../../store/installations.js";
import { isEffectDone } from "../../store/side-effects.js";
import { dueDigestWeek } from "../digest-week.js";
import type { DigestRun } from "../run-digests.js";
import { heldPublication, seeRepository } from "../seen-repository.js";
import { collectRollupData, rollupMembers } from "./collect-rollup.js";
import { previousRollup, publishRollup, rollupKey } from "./publish-rollup.js";
import { renderRollup, rollupTitle } from "./render-rollup.js";

/**
 * The hourly check of the `digests` job for organization roll-ups: every served repository whose
 * steward.yml turns `digest.rollup` on gets its roll-up once the digest's day and time have passed
 * (within a day). Running this twice, or on two replicas, publishes once.
 */
export async function runDueRollups(deps: JobDeps): Promise<DigestRun[]> {
  const runs: DigestRun[] = [];
  const served = await listActiveRepositories(deps.db);
  for (const repository of served) {
    try {
      const run = await runRollup(deps, repository, served);
      if (run) runs.push(run);
    } catch (error) {
      deps.log.error({ err: error }, `${repository.fullName}: organization roll-up failed; retried next hour`);
    }
  }
  return runs;
}

/** Whether a repository's own steward.yml (not one it inherits) sets `digest.rollup.enabled: true`. */
function turnsRollupOn(own: unknown): boolean {
  const digest = (own as { digest?: unknown } | null)?.digest;
  const rollup = (digest as { rollup?: unknown } | undefined)?.rollup;
  return (rollup as { enabled?: unknown } | undefined)?.enabled === true;
}

async function runRollup(deps: JobDeps, stored: RepositoryRecord, served: readonly RepositoryRecord[]): Promise<DigestRun | null> {
  const octokit = await deps.github(stored.installationId);
  const { config } = await deps.configs.load(octokit, stored, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS });
  const { rollup } = config.digest;
  if (!rollup.enabled) return null;
  const week = dueDigestWeek(deps.now(), config.digest);
  // Already published: skip before collecting anything (the claim would stop it anyway).
  if (!week || (await isEffectDone(deps.db, rollupKey(stored.id, week.key)))) return null;
  // steward.yml falls back to the owner's `.github` repository, whose roll-up switch every
  // repository without a file of its own would otherwise inherit: one roll-up per repository.
  if (!turnsRollupOn(await readOwnStewardYml(octokit, { owner: stored.owner, repo: stored.name }))) return null;
  // Leads are named only where GitHub says the roll-up repository is private now, as in the digest.
  const seen = await seeRepository(deps, octokit, stored, { record: true });
  const held = heldPublication(seen);
  const repository = seen.status === "seen" ? seen.repository : stored;
  const base = { repository: repository.fullName, week: week.key, title: rollupTitle(week) };
  if (held) {
    deps.log.warn(`${repository.fullName}: organization roll-up ${week.key} not opened yet (${held.error})`);
    return { ...base, body: "", published: held };
  }
  const previous = await previousRollup(deps, repository.id, week.key);
  const members = rollupMembers(repository, served, rollup.exclude);
  const data = await collectRollupData(deps, octokit, { repository, config, week, previous }, members);
  const body = renderRollup(data);
  const published = await publishRollup(deps, octokit, repository, { week: week.key, title: base.title, body, label: rollup.label, previous });
  if (published.status === "created") deps.log.info(`${repository.fullName}: organization roll-up ${week.key} opened as #${published.issueNumber}`);
  if (published.status === "failed")
    deps.log.warn(`${repository.fullName}: organization roll-up ${week.key} not opened yet (${published.error}); retried next hour`);
  return { ...base, body, published };
}
