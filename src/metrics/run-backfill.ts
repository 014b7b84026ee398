import { setTimeout as sleep } from "node:timers/promises";
import type { LeadRules } from "../conversion/lead-terms.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../runtime/repo-config-loader.js";
import {
  findBackfillProgress,
  listBackfillProgress,
  listBackfillsWithoutKind,
  listUnfinishedBackfillRepositories,
  pendingProgress,
  saveBackfillProgress,
  type BackfillKind,
} from "../store/backfill-state.js";
import { listContributors, numberAllContributors, numberNewContributors } from "../store/contributors.js";
import { listActiveRepositories } from "../store/installations.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { decodeCursor, firstCursor, runKind, startKind, type KindRun } from "./backfill-kind.js";
import { discussionsPass } from "./backfill-discussions.js";
import { issuesPass, pullsPass, starsPass, type PassContext } from "./backfill-passes.js";

/** What a backfill run did, per kind. */
export interface BackfillReport {
  repository: string;
  /** True when every kind is done. */
  complete: boolean;
  /** GraphQL requests made for this repository's backfill so far (all runs). */
  requests: number;
  kinds: Array<{ kind: BackfillKind; status: string; done: number; total: number | null; requests: number; lastError: string | null }>;
}

const PAGED_KINDS = ["stars", "issues", "pulls", "discussions"] as const;

/**
 * Backfills a repository's history: stargazers (with `starredAt` and company), issues and pull
 * requests (with authors, associations, times, first comments and reviews, closes and merges),
 * discussions (with category, accepted answer and comments) and contributors (the authors of
 * merged pull requests, numbered once all are known). What community members wrote in the issue
 * and pull request pages records lead signals (src/conversion/history-leads.ts).
 *
 * Resumes an unfinished backfill from its stored cursors; when the previous one finished (or
 * none ran), starts a new pass, which only adds what is missing (natural keys). With `since`,
 * only stars, issues, PRs and discussions from (or updated) since then are read, and contributors
 * are not numbered, as the history before `since` stays unknown.
 */
export async function runBackfill(
  deps: JobDeps,
  options: { repository: RepositoryRecord; since: Date | null },
  wait: (ms: number) => Promise<void> = (ms) => sleep(ms),
): Promise<BackfillReport> {
  const { repository, since } = options;
  const existing = await listBackfillProgress(deps.db, repository.id);
  const unfinished = existing.some((p) => p.status !== "done");
  const run: KindRun = { deps, repository, wait };
  if (!unfinished) {
    for (const kind of PAGED_KINDS) await startKind(run, kind, since);
    if (since === null) await ensureContributorsPending(deps, repository.id);
  }
  const octokit = await deps.github(repository.installationId);
  let rules: Promise<LeadRules> | undefined;
  // The leads in history follow the repository's own roles and terms (a REST read or two, cached).
  const leadRules = () => (rules ??= deps.configs.load(octokit, repository, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS }).then((o) => o.config));
  const ctx: PassContext = { deps, octokit, repository, leadRules };
  // Stop at the first kind that could not finish: the API is failing or the points are spent.
  if ((await runKind(run, starsPass(ctx))).status !== "done") return report(deps, repository);
  if ((await runKind(run, issuesPass(ctx))).status !== "done") return report(deps, repository);
  if ((await runKind(run, pullsPass(ctx))).status !== "done") return report(deps, repository);
  await finishContributors(deps, repository.id);
  // Last, and after contributors: an installation that has not yet accepted the Discussions
  // permission pauses here (and resumes once it has) without holding back the contributors.
  await runKind(run, discussionsPass(ctx));
  return report(deps, repository);
}

/**
 * Continues every backfill that is not done: paused by an API error or the rate limit, or
 * interrupted by a restart. For the scheduler and for start-up.
 */
export async function resumeBackfills(deps: JobDeps): Promise<void> {
  await startMissingDiscussions(deps);
  const ids = new Set(await listUnfinishedBackfillRepositories(deps.db));
  if (ids.size === 0) return;
  for (const repository of await listActiveRepositories(deps.db)) {
    if (!ids.has(repository.id)) continue;
    try {
      const result = await runBackfill(deps, { repository, since: null });
      if (!result.complete) deps.log.warn(`backfill ${repository.fullName}: still not complete, resumes on the next run`);
    } catch (error) {
      deps.log.error({ err: error }, `backfill ${repository.fullName}: could not resume`);
    }
  }
}

/**
 * A repository backfilled before Steward read discussions has no record of that kind: its
 * discussions are read now, once, as a kind of their own (the other kinds stay done, and resuming
 * reads nothing of them again).
 */
async function startMissingDiscussions(deps: JobDeps): Promise<void> {
  for (const repositoryId of await listBackfillsWithoutKind(deps.db, "discussions")) {
    await saveBackfillProgress(deps.db, pendingProgress(repositoryId, "discussions", firstCursor(null), deps.now()));
  }
}

/** Once the merged PRs are all read, contributors are known: number them and say so. */
async function finishContributors(deps: JobDeps, repositoryId: number): Promise<void> {
  const state = await findBackfillProgress(deps.db, repositoryId, "contributors");
  const pulls = await findBackfillProgress(deps.db, repositoryId, "pulls");
  // A --since pass does not read the older merged PRs: it cannot number anyone.
  if (!state || (pulls !== undefined && decodeCursor(pulls.cursor).since !== null)) return;
  if (state.status === "done") await numberNewContributors(deps.db, repositoryId);
  else await numberAllContributors(deps.db, repositoryId);
  const count = (await listContributors(deps.db, repositoryId)).length;
  const now = deps.now();
  await saveBackfillProgress(deps.db, { ...state, status: "done", done: count, total: count, updatedAt: now, finishedAt: state.finishedAt ?? now });
}

/** A full pass will know every contributor; a repository whose history is already known stays so. */
async function ensureContributorsPending(deps: JobDeps, repositoryId: number): Promise<void> {
  const state = await findBackfillProgress(deps.db, repositoryId, "contributors");
  if (state?.status === "done") return;
  await saveBackfillProgress(deps.db, pendingProgress(repositoryId, "contributors", null, deps.now()));
}

async function report(deps: JobDeps, repository: RepositoryRecord): Promise<BackfillReport> {
  const progress = await listBackfillProgress(deps.db, repository.id);
  return {
    repository: repository.fullName,
    complete: progress.length > 0 && progress.every((p) => p.status === "done"),
    requests: progress.reduce((sum, p) => sum + p.requests, 0),
    kinds: progress.map((p) => ({ kind: p.kind, status: p.status, done: p.done, total: p.total, requests: p.requests, lastError: p.lastError })),
  };
}
