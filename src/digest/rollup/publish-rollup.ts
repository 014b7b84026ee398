import type { RepositoryRecord } from "../../domain/repository.js";
import { type EffectOutcome, performOnce } from "../../effects/perform-once.js";
import { createComment, findCommentWithMarker } from "../../github/comments.js";
import { closeIssue, type CreatedIssue, createIssue, findIssueWithMarker } from "../../github/issues.js";
import type { GitHubClient } from "../../github/octokit.js";
import type { JobDeps } from "../../runtime/job-deps.js";
import { type EffectKey, latestDoneEffectBefore } from "../../store/side-effects.js";
import { hiddenMarker } from "../../text/index.js";
import type { PublishedDigest } from "../publish-digest.js";
import { rollupMarker } from "./render-rollup.js";

/**
 * The roll-up's claim. The `digests` table is keyed by (repository, week) and the roll-up
 * repository may have its own digest that week, so the claim itself, which keeps the issue it
 * made, is the roll-up's record.
 */
export function rollupKey(repositoryId: number, week: string): EffectKey {
  return { repositoryId, kind: "digest.rollup", subject: "organization", period: week };
}

/** The roll-up published before `week`, from its claim's result. */
export async function previousRollup(
  deps: Pick<JobDeps, "db">,
  repositoryId: number,
  week: string,
): Promise<{ week: string; issueNumber: number } | null> {
  const previous = await latestDoneEffectBefore(deps.db, rollupKey(repositoryId, week));
  const issueNumber = previous?.result?.issueNumber;
  return previous && typeof issueNumber === "number" ? { week: previous.period, issueNumber } : null;
}

/**
 * Opens the week's roll-up issue at most once, ever (claimed, marked, looked for on GitHub before
 * a retry creates anything), then points the previous roll-up at it and closes it, as the digest
 * does with its predecessor.
 */
export async function publishRollup(
  deps: JobDeps,
  octokit: GitHubClient,
  repository: RepositoryRecord,
  issue: { week: string; title: string; body: string; label: string; previous: { week: string; issueNumber: number } | null },
): Promise<PublishedDigest> {
  const where = { owner: repository.owner, repo: repository.name };
  const outcome: EffectOutcome<CreatedIssue> = await performOnce(deps, rollupKey(repository.id, issue.week), {
    find: async () => findIssueWithMarker(octokit, where, issue.label, rollupMarker(issue.week), await deps.steward()),
    create: () => createIssue(octokit, where, { title: issue.title, body: issue.body, labels: [issue.label] }),
  });
  if (outcome.status === "busy") return { status: "busy", issueNumber: null, url: null };
  if (outcome.status === "failed") return { status: "failed", issueNumber: null, url: null, error: outcome.error };
  const created = outcome.result;
  if (!created) return { status: outcome.status, issueNumber: null, url: null };
  // Only the run that opened it closes the predecessor: later runs stop at the done claim.
  if (outcome.status !== "already-done" && issue.previous) await closePredecessor(deps, octokit, repository, issue.previous, created);
  return { status: outcome.status, issueNumber: created.issueNumber, url: created.url };
}

async function closePredecessor(
  deps: JobDeps,
  octokit: GitHubClient,
  repository: RepositoryRecord,
  previous: { week: string; issueNumber: number },
  created: CreatedIssue,
): Promise<void> {
  const where = { owner: repository.owner, repo: repository.name, issueNumber: previous.issueNumber };
  const marker = hiddenMarker("digest-rollup-successor", previous.week);
  const comment = await performOnce(
    deps,
    { repositoryId: repository.id, kind: "digest.rollup.successor", subject: "organization", period: previous.week },
    {
      find: async () => findCommentWithMarker(octokit, where, marker, await deps.steward()),
      create: () => createComment(octokit, where, `This week's organization roll-up is #${created.issueNumber}; closing this one.\n${marker}`),
    },
  );
  if (comment.status === "failed" || comment.status === "busy") return;
  // Closing an issue already closed is harmless, so a retry after a lost answer needs no claim.
  await closeIssue(octokit, { owner: repository.owner, repo: repository.name }, previous.issueNumber);
}
