import { performOnce, type EffectOutcome } from "../effects/perform-once.js";
import { createComment, findCommentWithMarker } from "../github/comments.js";
import { closeIssue, createIssue, findIssueWithMarker, type CreatedIssue } from "../github/issues.js";
import type { GitHubClient } from "../github/octokit.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { findDigest, latestDigestBefore, markDigestClosed, saveDigest } from "../store/digests.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { hiddenMarker } from "../text/index.js";
import type { DigestData } from "./digest-data.js";
import { digestMarker } from "./render-digest.js";

export interface PublishedDigest {
  /** `skipped`: not tried, as GitHub would refuse it (an archived repository); tried again on the next run. */
  status: "created" | "found" | "already-done" | "busy" | "failed" | "skipped";
  issueNumber: number | null;
  url: string | null;
  /** Why it was not opened (`failed`, `skipped`). */
  error?: string;
}

/**
 * Opens the week's digest issue at most once, ever: claimed in the store under (repository,
 * "digest", week), marked in its body, and looked for on GitHub before a retry creates anything.
 * Then records it and closes the previous digest with a link to this one.
 */
export async function publishDigest(
  deps: JobDeps,
  octokit: GitHubClient,
  repository: RepositoryRecord,
  data: DigestData,
  body: string,
): Promise<PublishedDigest> {
  const where = { owner: repository.owner, repo: repository.name };
  const label = data.config.digest.label;
  const week = data.week.key;
  const outcome: EffectOutcome<CreatedIssue> = await performOnce(
    deps,
    { repositoryId: repository.id, kind: "digest", subject: "weekly", period: week },
    {
      find: async () => findIssueWithMarker(octokit, where, label, digestMarker(week), await deps.steward()),
      create: () => createIssue(octokit, where, { title: data.week.title, body, labels: [label] }),
    },
  );
  if (outcome.status === "busy") return { status: "busy", issueNumber: null, url: null };
  if (outcome.status === "failed") return { status: "failed", issueNumber: null, url: null, error: outcome.error };
  const issue = outcome.result;
  if (!issue) return { status: outcome.status, issueNumber: null, url: null };
  const now = deps.now();
  if (!(await findDigest(deps.db, repository.id, week))) {
    await saveDigest(deps.db, {
      repositoryId: repository.id,
      week,
      issueNumber: issue.issueNumber,
      issueUrl: issue.url,
      figures: JSON.parse(JSON.stringify({ response: data.response, contributors: data.contributors, community: data.community })),
      publishedAt: now,
    });
  }
  await closePredecessor(deps, octokit, repository, week, issue);
  return { status: outcome.status, issueNumber: issue.issueNumber, url: issue.url };
}

/** Points the previous digest at this one (one comment, ever) and closes it. */
async function closePredecessor(
  deps: JobDeps,
  octokit: GitHubClient,
  repository: RepositoryRecord,
  week: string,
  issue: CreatedIssue,
): Promise<void> {
  const previous = await latestDigestBefore(deps.db, repository.id, week);
  if (!previous || previous.closedAt) return;
  const where = { owner: repository.owner, repo: repository.name, issueNumber: previous.issueNumber };
  const marker = hiddenMarker("digest-successor", previous.week);
  const comment = await performOnce(
    deps,
    { repositoryId: repository.id, kind: "digest.successor", subject: "weekly", period: previous.week },
    {
      find: async () => findCommentWithMarker(octokit, where, marker, await deps.steward()),
      create: () => createComment(octokit, where, `This week's digest is #${issue.issueNumber}; closing this one.\n${marker}`),
    },
  );
  if (comment.status === "failed" || comment.status === "busy") return;
  await closeIssue(octokit, { owner: repository.owner, repo: repository.name }, previous.issueNumber);
  await markDigestClosed(deps.db, repository.id, previous.week, deps.now());
}
