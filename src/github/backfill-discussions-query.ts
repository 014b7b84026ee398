import { PAGE_SIZE, type GqlActor, type GqlConnection, type Page, type PageInfo, type RateLimitInfo } from "./backfill-queries.js";
import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/**
 * The backfill's read of a repository's discussions: a page of 100 per request, each with what
 * the response clock needs (category, answer, the first comments). Only top-level comments are
 * read: a first response is a comment on the discussion, and replies cost a connection each.
 */

/**
 * Comments read with each discussion. GitHub counts one request per connection per discussion
 * whatever its size, so 100 costs the same points as 10 and leaves almost every discussion whole.
 */
export const FIRST_DISCUSSION_COMMENTS = 100;

export interface GqlDiscussionComment {
  databaseId: number;
  author: GqlActor | null;
  authorAssociation: string;
  createdAt: string;
}

export interface GqlDiscussion {
  id: string;
  databaseId: number;
  number: number;
  title: string;
  createdAt: string;
  updatedAt: string;
  author: GqlActor | null;
  authorAssociation: string;
  category: { name: string; slug: string; isAnswerable: boolean };
  /** Whether it is closed now, and since when: a close earlier undone by a reopen is not in history. */
  closed: boolean;
  closedAt: string | null;
  answerChosenAt: string | null;
  answerChosenBy: GqlActor | null;
  answer: { databaseId: number; author: GqlActor | null } | null;
  comments: GqlConnection<GqlDiscussionComment>;
}

const ACTOR = `__typename login ... on User { databaseId } ... on Bot { databaseId } ... on Organization { databaseId } ... on Mannequin { databaseId }`;
const COMMENT = `databaseId author { ${ACTOR} } authorAssociation createdAt`;
const RATE = `rateLimit { cost remaining resetAt }`;

const DISCUSSIONS = `query ($owner: String!, $name: String!, $after: String, $field: DiscussionOrderField!, $direction: OrderDirection!) {
  repository(owner: $owner, name: $name) {
    discussions(first: ${PAGE_SIZE}, after: $after, orderBy: { field: $field, direction: $direction }) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes {
        id databaseId number title createdAt updatedAt author { ${ACTOR} } authorAssociation
        category { name slug isAnswerable } closed closedAt
        answerChosenAt answerChosenBy { ${ACTOR} } answer { databaseId author { ${ACTOR} } }
        comments(first: ${FIRST_DISCUSSION_COMMENTS}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } }
      }
    }
  }
  ${RATE}
}`;

type Connection<T> = GqlConnection<T> & { totalCount: number };

/** One page of discussions: creation order, or most recently updated first when `newestFirst`. */
export async function fetchDiscussionsPage(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  after: string | null,
  newestFirst = false,
): Promise<Page<GqlDiscussion>> {
  const data = await octokit.graphql<{ repository: { discussions: Connection<GqlDiscussion> }; rateLimit: RateLimitInfo }>(DISCUSSIONS, {
    owner: repo.owner,
    name: repo.repo,
    after,
    field: newestFirst ? "UPDATED_AT" : "CREATED_AT",
    direction: newestFirst ? "DESC" : "ASC",
    // No blind retries: a failed page is recorded and resumed from its cursor later.
    request: { retries: 0 },
  });
  const c = data.repository.discussions;
  return { totalCount: c.totalCount, pageInfo: c.pageInfo, items: c.nodes, rateLimit: data.rateLimit };
}

/** A further page of a discussion's comments. */
export interface DiscussionFollowUp {
  number: number;
  after: string;
}

export interface DiscussionFollowUpResult extends DiscussionFollowUp {
  pageInfo: PageInfo;
  comments: GqlDiscussionComment[];
}

/** The next comment page of up to FOLLOW_UPS_PER_REQUEST discussions in one request (aliased fields). */
export async function fetchDiscussionFollowUps(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  followUps: DiscussionFollowUp[],
): Promise<{ results: DiscussionFollowUpResult[]; rateLimit: RateLimitInfo }> {
  const variables: Record<string, unknown> = { owner: repo.owner, name: repo.repo };
  const params = followUps.map((_, i) => `$a${i}: String`);
  const fields = followUps.map((f, i) => {
    variables[`a${i}`] = f.after;
    return `f${i}: discussion(number: ${f.number}) { comments(first: ${PAGE_SIZE}, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } } }`;
  });
  const text = `query ($owner: String!, $name: String!, ${params.join(", ")}) {
    repository(owner: $owner, name: $name) { ${fields.join("\n")} }
    ${RATE}
  }`;
  type Answer = Record<string, { comments: GqlConnection<GqlDiscussionComment> } | null>;
  const data = await octokit.graphql<{ repository: Answer; rateLimit: RateLimitInfo }>(text, { ...variables, request: { retries: 0 } });
  const results = followUps.map((f, i) => {
    const comments = data.repository[`f${i}`]?.comments;
    return { ...f, pageInfo: comments?.pageInfo ?? { hasNextPage: false, endCursor: null }, comments: comments?.nodes ?? [] };
  });
  return { results, rateLimit: data.rateLimit };
}
