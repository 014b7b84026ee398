import type { GitHubClient } from "./octokit.js";
import type { PostedComment } from "./comments.js";

/** A discussion as the GraphQL API names it: by its node id for writing, by its number for reading. */
export interface DiscussionRef {
  owner: string;
  repo: string;
  number: number;
  nodeId: string;
}

const ADD_COMMENT = `
  mutation ($discussionId: ID!, $body: String!) {
    addDiscussionComment(input: { discussionId: $discussionId, body: $body }) {
      comment { databaseId url }
    }
  }`;

const COMMENTS = `
  query ($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      discussion(number: $number) {
        comments(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { databaseId url body viewerDidAuthor }
        }
      }
    }
  }`;

type CommentPage = {
  repository: {
    discussion: {
      comments: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { databaseId: number; url: string; body: string; viewerDidAuthor: boolean }[];
      };
    } | null;
  } | null;
};

/**
 * Posts a top-level comment on a discussion; GitHub has no REST API for it. Not retried: a 5xx
 * after the mutation may mean the comment exists, and only the marker check can tell.
 */
export async function addDiscussionComment(octokit: GitHubClient, where: DiscussionRef, body: string): Promise<PostedComment> {
  const data = await octokit.graphql<{ addDiscussionComment: { comment: { databaseId: number; url: string } } }>(ADD_COMMENT, {
    discussionId: where.nodeId,
    body,
    request: { retries: 0 },
  });
  return { commentId: data.addDiscussionComment.comment.databaseId, url: data.addDiscussionComment.comment.url };
}

/**
 * The discussion's top-level comment carrying `marker` that Steward wrote. An installation token's
 * viewer is the app's bot, so `viewerDidAuthor` tells Steward's own comments from any echo of a
 * marker by a person or another app. Only called to finish an interrupted effect.
 */
export async function findDiscussionCommentWithMarker(octokit: GitHubClient, where: DiscussionRef, marker: string): Promise<PostedComment | null> {
  let after: string | null = null;
  do {
    const page: CommentPage = await octokit.graphql<CommentPage>(COMMENTS, { owner: where.owner, name: where.repo, number: where.number, after });
    const comments = page.repository?.discussion?.comments;
    if (!comments) return null;
    const match = comments.nodes.find((c) => c.viewerDidAuthor && c.body.includes(marker));
    if (match) return { commentId: match.databaseId, url: match.url };
    after = comments.pageInfo.hasNextPage ? comments.pageInfo.endCursor : null;
  } while (after);
  return null;
}
