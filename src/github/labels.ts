import type { IssueRef } from "./comments.js";
import type { GitHubClient } from "./octokit.js";

/**
 * Puts a label on an issue or pull request (GitHub creates a missing repository label). Adding a
 * label it already has changes nothing, so a retry is harmless.
 */
export async function addLabel(octokit: GitHubClient, where: IssueRef, label: string): Promise<{ label: string }> {
  await octokit.rest.issues.addLabels({ owner: where.owner, repo: where.repo, issue_number: where.issueNumber, labels: [label] });
  return { label };
}

/**
 * Takes a label off an issue or pull request. A label that is already gone (GitHub answers 404)
 * is what was wanted: the result says whether this call removed it.
 */
export async function removeLabel(octokit: GitHubClient, where: IssueRef, label: string): Promise<{ label: string; removed: boolean }> {
  try {
    await octokit.rest.issues.removeLabel({ owner: where.owner, repo: where.repo, issue_number: where.issueNumber, name: label });
    return { label, removed: true };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return { label, removed: false };
    throw error;
  }
}
