import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/**
 * The history backfill's GraphQL reads: one page of 100 stargazers, issues or pull requests per
 * request, each item with its first comments, reviews and close, so most items need no further
 * request. Every query asks for `rateLimit`, so the caller can stop before the points run out.
 * Requests are not retried by Octokit: the backfill records where it stopped and resumes later.
 */

export const PAGE_SIZE = 100;
/**
 * Comments (and reviews) read with each item; items with more get follow-up pages. A page of 100
 * items costs GitHub the same one point whether it asks for 20 or 100 comments each, and 100 leaves
 * almost every thread complete in one read.
 */
export const FIRST_COMMENTS = 100;
/** Follow-up pages fetched in one request (aliased fields). */
export const FOLLOW_UPS_PER_REQUEST = 10;

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  resetAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** An actor as GraphQL gives it: bots without the `[bot]` suffix, `__typename: "Bot"`. */
export interface GqlActor {
  __typename: string;
  login: string;
  databaseId?: number | null;
}

export interface GqlStarEdge {
  starredAt: string;
  node: GqlActor & { company?: string | null };
}

export interface GqlComment {
  databaseId: number;
  author: GqlActor | null;
  authorAssociation: string;
  createdAt: string;
}

export interface GqlReview {
  databaseId: number;
  author: GqlActor | null;
  authorAssociation: string;
  state: string;
  submittedAt: string | null;
}

export interface GqlConnection<T> {
  pageInfo: PageInfo;
  nodes: T[];
}

export interface GqlThread {
  databaseId: number;
  number: number;
  title: string;
  author: GqlActor | null;
  authorAssociation: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  state: string;
  stateReason?: string | null;
  locked: boolean;
  labels: { nodes: Array<{ name: string }> };
  assignees: { nodes: Array<{ login: string }> };
  comments: GqlConnection<GqlComment>;
  timelineItems: { nodes: Array<{ __typename?: string; createdAt?: string; actor?: GqlActor | null }> };
  isDraft?: boolean;
  mergedAt?: string | null;
  mergedBy?: GqlActor | null;
  reviews?: GqlConnection<GqlReview>;
}

export interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  items: T[];
  rateLimit: RateLimitInfo;
}

const ACTOR = `__typename login ... on User { databaseId } ... on Bot { databaseId } ... on Organization { databaseId }`;
const COMMENT = `databaseId author { ${ACTOR} } authorAssociation createdAt`;
const REVIEW = `databaseId author { ${ACTOR} } authorAssociation state submittedAt`;
const THREAD = `
  databaseId number title author { ${ACTOR} } authorAssociation createdAt updatedAt closedAt state locked
  labels(first: 20) { nodes { name } }
  assignees(first: 10) { nodes { login } }
  comments(first: ${FIRST_COMMENTS}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } }
  timelineItems(itemTypes: [CLOSED_EVENT], last: 1) { nodes { __typename ... on ClosedEvent { createdAt actor { ${ACTOR} } } } }`;
const RATE = `rateLimit { cost remaining resetAt }`;

const STARS = `query ($owner: String!, $name: String!, $after: String, $direction: OrderDirection!) {
  repository(owner: $owner, name: $name) {
    stargazers(first: ${PAGE_SIZE}, after: $after, orderBy: { field: STARRED_AT, direction: $direction }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { starredAt node { __typename login databaseId company } }
    }
  }
  ${RATE}
}`;

const ISSUES = `query ($owner: String!, $name: String!, $after: String, $since: DateTime) {
  repository(owner: $owner, name: $name) {
    issues(first: ${PAGE_SIZE}, after: $after, orderBy: { field: CREATED_AT, direction: ASC }, filterBy: { since: $since }) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${THREAD} stateReason }
    }
  }
  ${RATE}
}`;

const PULLS = `query ($owner: String!, $name: String!, $after: String, $field: IssueOrderField!, $direction: OrderDirection!) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: ${PAGE_SIZE}, after: $after, orderBy: { field: $field, direction: $direction }) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes {
        ${THREAD} isDraft mergedAt mergedBy { ${ACTOR} }
        reviews(first: ${FIRST_COMMENTS}) { pageInfo { hasNextPage endCursor } nodes { ${REVIEW} } }
      }
    }
  }
  ${RATE}
}`;

type Vars = Record<string, unknown>;

async function query<T>(octokit: GitHubClient, text: string, variables: Vars): Promise<T> {
  // No blind retries: a failed page is recorded and resumed from its cursor later.
  return octokit.graphql<T>(text, { ...variables, request: { retries: 0 } });
}

interface ConnectionData<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes?: T[];
  edges?: T[];
}

function toPage<T>(connection: ConnectionData<T>, items: T[], rateLimit: RateLimitInfo): Page<T> {
  return { totalCount: connection.totalCount, pageInfo: connection.pageInfo, items, rateLimit };
}

/** One page of stargazers with `starredAt` and company; newest first when `newestFirst`. */
export async function fetchStargazersPage(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  after: string | null,
  newestFirst: boolean,
): Promise<Page<GqlStarEdge>> {
  const data = await query<{ repository: { stargazers: ConnectionData<GqlStarEdge> }; rateLimit: RateLimitInfo }>(octokit, STARS, {
    owner: repo.owner,
    name: repo.repo,
    after,
    direction: newestFirst ? "DESC" : "ASC",
  });
  const c = data.repository.stargazers;
  return toPage(c, c.edges ?? [], data.rateLimit);
}

/** One page of issues in creation order; only those updated since `since` when given. */
export async function fetchIssuesPage(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  after: string | null,
  since: Date | null,
): Promise<Page<GqlThread>> {
  const data = await query<{ repository: { issues: ConnectionData<GqlThread> }; rateLimit: RateLimitInfo }>(octokit, ISSUES, {
    owner: repo.owner,
    name: repo.repo,
    after,
    since: since?.toISOString() ?? null,
  });
  const c = data.repository.issues;
  return toPage(c, c.nodes ?? [], data.rateLimit);
}

/** One page of pull requests: creation order, or most recently updated first when `newestFirst`. */
export async function fetchPullsPage(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  after: string | null,
  newestFirst: boolean,
): Promise<Page<GqlThread>> {
  const data = await query<{ repository: { pullRequests: ConnectionData<GqlThread> }; rateLimit: RateLimitInfo }>(octokit, PULLS, {
    owner: repo.owner,
    name: repo.repo,
    after,
    field: newestFirst ? "UPDATED_AT" : "CREATED_AT",
    direction: newestFirst ? "DESC" : "ASC",
  });
  const c = data.repository.pullRequests;
  return toPage(c, c.nodes ?? [], data.rateLimit);
}

/** A further page of an item's comments or reviews, after `after`. */
export interface FollowUp {
  number: number;
  what: "comments" | "reviews";
  after: string;
}

export interface FollowUpResult extends FollowUp {
  pageInfo: PageInfo;
  comments: GqlComment[];
  reviews: GqlReview[];
}

/**
 * The next page of comments or reviews for up to FOLLOW_UPS_PER_REQUEST items in one request,
 * each as an aliased `issueOrPullRequest` field.
 */
export async function fetchFollowUps(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  followUps: FollowUp[],
): Promise<{ results: FollowUpResult[]; rateLimit: RateLimitInfo }> {
  const variables: Vars = { owner: repo.owner, name: repo.repo };
  const params: string[] = [];
  const fields = followUps.map((f, i) => {
    variables[`a${i}`] = f.after;
    params.push(`$a${i}: String`);
    const connection = (type: string) =>
      f.what === "comments"
        ? `... on ${type} { comments(first: ${PAGE_SIZE}, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } } }`
        : `... on ${type} { reviews(first: ${PAGE_SIZE}, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { ${REVIEW} } } }`;
    const body = f.what === "comments" ? `${connection("Issue")} ${connection("PullRequest")}` : connection("PullRequest");
    return `f${i}: issueOrPullRequest(number: ${f.number}) { ${body} }`;
  });
  const text = `query ($owner: String!, $name: String!, ${params.join(", ")}) {
    repository(owner: $owner, name: $name) { ${fields.join("\n")} }
    ${RATE}
  }`;
  type Answer = Record<string, { comments?: GqlConnection<GqlComment>; reviews?: GqlConnection<GqlReview> } | null>;
  const data = await query<{ repository: Answer; rateLimit: RateLimitInfo }>(octokit, text, variables);
  const results = followUps.map((f, i): FollowUpResult => {
    const answer = data.repository[`f${i}`];
    const connection = f.what === "comments" ? answer?.comments : answer?.reviews;
    return {
      ...f,
      pageInfo: connection?.pageInfo ?? { hasNextPage: false, endCursor: null },
      comments: f.what === "comments" ? ((connection?.nodes as GqlComment[] | undefined) ?? []) : [],
      reviews: f.what === "reviews" ? ((connection?.nodes as GqlReview[] | undefined) ?? []) : [],
    };
  });
  return { results, rateLimit: data.rateLimit };
}
