import type { UserHistory } from "../domain/user-history.js";
import type { GitHubClient } from "./octokit.js";

/** One page: enough to tell a newcomer (who has a handful) from a regular (who has more). */
export const USER_HISTORY_PAGE = 30;

/**
 * The user's issues and pull requests in the repository, oldest first, in one request: the issues
 * list filtered by creator holds pull requests too, with their merge time. Throws on an API
 * failure; the caller then decides nothing rather than guess.
 */
export async function readUserHistory(octokit: GitHubClient, where: { owner: string; repo: string }, login: string): Promise<UserHistory> {
  const { data } = await octokit.rest.issues.listForRepo({
    owner: where.owner,
    repo: where.repo,
    creator: login,
    state: "all",
    sort: "created",
    direction: "asc",
    per_page: USER_HISTORY_PAGE,
  });
  const items = data.map((issue) => {
    const mergedAt = issue.pull_request?.merged_at;
    return {
      number: issue.number,
      isPull: issue.pull_request !== undefined && issue.pull_request !== null,
      createdAt: new Date(issue.created_at),
      mergedAt: mergedAt ? new Date(mergedAt) : null,
    };
  });
  return { items, complete: data.length < USER_HISTORY_PAGE };
}
