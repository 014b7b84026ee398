import type { StewardIdentity } from "../domain/steward-identity.js";
import { isWrittenBySteward } from "../people/steward-author.js";
import type { GitHubClient } from "./octokit.js";
import { authorOf } from "./written-by.js";

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface PostedComment extends Record<string, unknown> {
  commentId: number;
  url: string;
}

/**
 * Posts a comment on an issue or pull request. Not retried by Octokit: a 5xx after the POST may
 * mean the comment exists, and only a marker check can tell (docs/architecture.md, "Exactly once").
 */
export async function createComment(octokit: GitHubClient, where: IssueRef, body: string): Promise<PostedComment> {
  const { data } = await octokit.rest.issues.createComment({
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    body,
    request: { retries: 0 },
  });
  return { commentId: data.id, url: data.html_url };
}

/**
 * Finds the comment on an issue whose body carries `marker` (a hidden `<!-- steward:... -->`) and
 * that Steward's own app wrote: anyone, another app's bot included, can echo a marker into their
 * own comment, and none of them may make Steward believe it already spoke. Reads 100 comments a
 * request; only called to finish an interrupted effect.
 */
export async function findCommentWithMarker(
  octokit: GitHubClient,
  where: IssueRef,
  marker: string,
  steward: StewardIdentity,
): Promise<PostedComment | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  for await (const { data } of pages) {
    const match = data.find((comment) => comment.body?.includes(marker) && isWrittenBySteward(authorOf(comment), steward));
    if (match) return { commentId: match.id, url: match.html_url };
  }
  return null;
}
