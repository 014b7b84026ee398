import type { StewardIdentity } from "../domain/steward-identity.js";
import { isWrittenBySteward } from "../people/steward-author.js";
import type { GitHubClient, RepoCoordinates } from "./octokit.js";
import { authorOf } from "./written-by.js";

export interface CreatedIssue extends Record<string, unknown> {
  issueNumber: number;
  url: string;
}

/**
 * Opens an issue. Not retried by Octokit: a 5xx after the POST may mean the issue exists, and only
 * a marker check can tell (docs/architecture.md, "Exactly once"). GitHub creates a missing label on the way.
 */
export async function createIssue(
  octokit: GitHubClient,
  where: RepoCoordinates,
  issue: { title: string; body: string; labels: string[] },
): Promise<CreatedIssue> {
  const { data } = await octokit.rest.issues.create({ ...where, ...issue, request: { retries: 0 } });
  return { issueNumber: data.number, url: data.html_url };
}

/**
 * Finds a recent issue carrying `label` whose body holds `marker` and that Steward's own app
 * opened: another bot's issue with the same label and marker is not Steward's, and adopting it
 * would have Steward comment on it and close it later. Reads the newest 100 such issues: enough to
 * find one that an interrupted attempt opened minutes ago.
 */
export async function findIssueWithMarker(
  octokit: GitHubClient,
  where: RepoCoordinates,
  label: string,
  marker: string,
  steward: StewardIdentity,
): Promise<CreatedIssue | null> {
  const { data } = await octokit.rest.issues.listForRepo({
    ...where,
    labels: label,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
  });
  const match = data.find((issue) => issue.body?.includes(marker) && isWrittenBySteward(authorOf(issue), steward));
  return match ? { issueNumber: match.number, url: match.html_url } : null;
}

/** Closes an issue as completed; closing a closed issue changes nothing. */
export async function closeIssue(octokit: GitHubClient, where: RepoCoordinates, issueNumber: number): Promise<void> {
  await octokit.rest.issues.update({ ...where, issue_number: issueNumber, state: "closed", state_reason: "completed" });
}
