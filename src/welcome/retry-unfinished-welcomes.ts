import { DEFAULT_LEASE_MS, type EffectOutcome } from "../effects/perform-once.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../runtime/repo-config-loader.js";
import type { JobDeps } from "../runtime/job-deps.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { listActiveRepositories, repositoryById } from "../store/installations.js";
import { unfinishedWelcomes, type UnfinishedWelcome } from "../store/welcome-retry-records.js";
import { loadRetryRecords } from "./load-retry-records.js";
import { planWelcomeRetry } from "./plan-welcome-retry.js";
import { closeWelcome, postWelcome, type WelcomeContext } from "./post-welcome.js";

/** What became of one unfinished welcome. */
export interface WelcomeRetry {
  repository: string;
  kind: string;
  subject: string;
  /** The item it was (or would have been) posted on, where known. */
  issueNumber: number | null;
  /**
   * `posted`: created now; `found`: an earlier attempt had posted it after all (marker found);
   * `closed`: no longer makes sense, recorded as done with `{ skipped: reason }`; `failed`: still
   * claimed, for the next run; `busy`: someone else is on it; `already-done`: finished meanwhile.
   */
  outcome: "posted" | "found" | "closed" | "failed" | "busy" | "already-done";
  /** The close reason or the error. */
  detail?: string;
}

export interface WelcomeRetryReport {
  at: Date;
  retries: WelcomeRetry[];
}

/**
 * Finishes welcomes left claimed but unfinished (a POST that failed, a crash between claim and
 * completion), whose lease has ended: each is rebuilt from Steward's records and the repository's
 * configuration as it is now, and finished through performOnce, whose resumed path looks for the
 * marker on GitHub before creating anything, so nothing is posted twice. The client paces the
 * writes per installation. A welcome that no longer makes sense is closed for good. A failure leaves the
 * claim for the next run, and one repository's failure does not stop the others.
 */
export async function retryUnfinishedWelcomes(deps: JobDeps, options: { repository?: RepositoryRecord } = {}): Promise<WelcomeRetryReport> {
  const at = deps.now();
  const claims = await unfinishedWelcomes(deps.db, new Date(at.getTime() - DEFAULT_LEASE_MS), { repositoryId: options.repository?.id });
  const byRepository = new Map<number, UnfinishedWelcome[]>();
  // A suspended installation's welcomes wait for it to be unsuspended.
  const active = options.repository ? null : new Set((await listActiveRepositories(deps.db)).map((r) => r.id));
  for (const claim of claims)
    if (!active || active.has(claim.repositoryId)) byRepository.set(claim.repositoryId, [...(byRepository.get(claim.repositoryId) ?? []), claim]);

  const retries: WelcomeRetry[] = [];
  for (const [repositoryId, pending] of byRepository) {
    // Forgetting a repository deletes its claims too, so an unknown one is a race with that.
    const repository = options.repository ?? (await repositoryById(deps.db, repositoryId));
    if (!repository) continue;
    let context: WelcomeContext;
    try {
      context = await welcomeContext(deps, repository);
    } catch (error) {
      const message = describe(error);
      deps.log.warn(`${repository.fullName}: welcome retries deferred (${message})`);
      for (const claim of pending) retries.push(report(repository, claim, null, { status: "failed", error: message }));
      continue;
    }
    for (const claim of pending) retries.push(await retryOne(context, repository, claim));
  }
  return { at, retries };
}

async function welcomeContext(deps: JobDeps, repository: RepositoryRecord): Promise<WelcomeContext> {
  const octokit = await deps.github(repository.installationId);
  const { config } = await deps.configs.load(octokit, repository, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS });
  return { db: deps.db, now: deps.now, log: deps.log, octokit, steward: deps.steward, repository, config, metrics: deps.metrics };
}

async function retryOne(ctx: WelcomeContext, repository: RepositoryRecord, claim: UnfinishedWelcome): Promise<WelcomeRetry> {
  try {
    const plan = planWelcomeRetry(claim, await loadRetryRecords(ctx.db, repository.id, claim), ctx.config);
    if (plan.action === "post") {
      return report(repository, claim, plan.post.issueNumber, await postWelcome(ctx, plan.post));
    }
    const outcome = await closeWelcome(ctx, { effect: claim.kind, subject: claim.subject }, plan.reason, plan.issueNumber);
    const closed = outcome.status === "created";
    const retry = report(repository, claim, plan.issueNumber, outcome, closed ? plan.reason : undefined);
    if (closed) ctx.log.info(`${repository.fullName}: ${claim.kind} for ${claim.subject} closed without a post (${plan.reason})`);
    return retry;
  } catch (error) {
    const message = describe(error);
    ctx.log.warn(`${repository.fullName}: retrying ${claim.kind} for ${claim.subject} failed (${message})`);
    return report(repository, claim, null, { status: "failed", error: message });
  }
}

function report(
  repository: RepositoryRecord,
  claim: UnfinishedWelcome,
  issueNumber: number | null,
  outcome: EffectOutcome<Record<string, unknown>>,
  closedReason?: string,
): WelcomeRetry {
  const base = { repository: repository.fullName, kind: claim.kind, subject: claim.subject, issueNumber };
  switch (outcome.status) {
    case "created":
      return closedReason === undefined ? { ...base, outcome: "posted" } : { ...base, outcome: "closed", detail: closedReason };
    case "found":
      return { ...base, outcome: "found" };
    case "already-done":
      return { ...base, outcome: "already-done" };
    case "busy":
      return { ...base, outcome: "busy" };
    case "failed":
      return { ...base, outcome: "failed", detail: outcome.error };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
