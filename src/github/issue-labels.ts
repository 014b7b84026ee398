import type { IssueRef } from "./comments.js";
import type { GitHubClient } from "./octokit.js";

/**
 * Adds a label to an issue or pull request (GitHub creates the label in the repository when it
 * is new). Adding a label twice changes nothing, but the request still goes out unretried, like
 * every write (docs/architecture.md, "Exactly once").
 */
export async function addIssueLabel(octokit: GitHubClient, where: IssueRef, label: string): Promise<{ label: string }> {
  await octokit.rest.issues.addLabels({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    labels: [label],
    request: { retries: 0 },
  });
  return { label };
}

/** Whether the issue or pull request carries `label` now (names compare without case, as on GitHub). */
export async function hasIssueLabel(octokit: GitHubClient, where: IssueRef, label: string): Promise<boolean> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  return labels.some((l) => l.name.toLowerCase() === label.toLowerCase());
}
