import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/**
 * The history backfill's GraphQL reads: one page of 100 stargazers, issues or pull requests per
 * request, each item with its first comments, reviews and timeline events (closes, reopens, labels,
 * draft changes), so most items need no further request. Every query asks for `rateLimit`, so the
 * caller can stop before the points run out.
 * Requests are not retried by Octokit: the backfill records where it stopped and resumes later.
 */

export const PAGE_SIZE = 100;
/**
 * Comments (and reviews) read with each item; items with more get follow-up pages. A page of 100
 * items costs GitHub the same one point whether it asks for 20 or 100 comments each, and 100 leaves
 * almost every thread complete in one read.
 */
export const FIRST_COMMENTS = 100;
/** Follow-up pages fetched in one request of their own (aliased fields). */
export const FOLLOW_UPS_PER_REQUEST = 10;
/**
 * Timeline events read with each item, oldest first: K = 100, the most a connection may ask for.
 * GitHub's limits ("Rate limits and query limits for the GraphQL API"): `first` within 1-100, and at
 * most 500,000 nodes per query, counted as the product of the `first`s down each path. A pulls page
 * asks 100 PRs + 100 × (20 labels + 10 assignees + 100 comments + 100 reviews + K events) = 33,100
 * nodes with K = 100 (an issues page 23,100), far below. The point cost counts one request per
 * connection per item whatever its page size ((1 + 5 × 100) / 100 = 5 points a pulls page, 4 an
 * issues page), so K = 100 costs no more than the former `last: 1`. An item with more events gets
 * follow-up pages, like comments.
 */
export const TIMELINE_PAGE = 100;

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
  /** A user's public company, read with the authors of what the backfill matches for leads. */
  company?: string | null;
}

export interface GqlStarEdge {
  starredAt: string;
  node: GqlActor & { company?: string | null };
}

export interface GqlComment {
  databaseId: number;
  author: GqlActor | null;
  body: string;
  authorAssociation: string;
  createdAt: string;
}

export interface GqlReview {
  databaseId: number;
  author: GqlActor | null;
  body: string;
  authorAssociation: string;
  state: string;
  submittedAt: string | null;
}

/** A timeline event as read: its fields depend on `__typename` (see ISSUE_EVENTS, PULL_EVENTS). */
export interface GqlTimelineEvent {
  __typename: string;
  createdAt?: string;
  actor?: GqlActor | null;
  /** Labeled and unlabeled events: the label's name. */
  label?: { name: string } | null;
  /** Closed events: COMPLETED, NOT_PLANNED, ... (null on pull requests). */
  stateReason?: string | null;
}

export interface GqlConnection<T> {
  pageInfo: PageInfo;
  nodes: T[];
}

export interface GqlThread {
  databaseId: number;
  number: number;
  title: string;
  body: string;
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
  timelineItems: GqlConnection<GqlTimelineEvent>;
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
  /** The repository's other fields the page asked for with `extra` (aliased follow-ups), as answered. */
  extra?: Record<string, unknown>;
}

/**
 * More fields to read inside `repository` with a page, at no extra request: variable declarations
 * (`, $a0: String`), the fields, and the variables' values.
 */
export interface ExtraSelection {
  params: string;
  fields: string;
  variables: Vars;
}

const NO_EXTRA: ExtraSelection = { params: "", fields: "", variables: {} };

// Every kind of actor with an account id asks for it: a person is their id (docs/architecture.md, "Words").
const ACTOR = `__typename login ... on User { databaseId } ... on Bot { databaseId } ... on Organization { databaseId } ... on Mannequin { databaseId }`;
// What people wrote is matched for leads (src/conversion/history-leads.ts) in the same pages: bodies and
// the writer's public company are fields, not connections, so they cost no request and no point.
const AUTHOR = `${ACTOR} ... on User { company }`;
export const COMMENT = `databaseId author { ${AUTHOR} } authorAssociation createdAt body`;
export const REVIEW = `databaseId author { ${AUTHOR} } authorAssociation state submittedAt body`;
const THREAD = `
  databaseId number title body author { ${AUTHOR} } authorAssociation createdAt updatedAt closedAt state locked
  labels(first: 20) { nodes { name } }
  assignees(first: 10) { nodes { login } }
  comments(first: ${FIRST_COMMENTS}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } }`;
// Issue timelines have no draft events: GitHub's schema refuses those types (and fragments) there.
const ISSUE_EVENT_TYPES = "CLOSED_EVENT, REOPENED_EVENT, LABELED_EVENT, UNLABELED_EVENT";
const PULL_EVENT_TYPES = `${ISSUE_EVENT_TYPES}, READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT`;
const WHEN_WHO = `createdAt actor { ${ACTOR} }`;
const ISSUE_EVENTS = `__typename ... on ClosedEvent { ${WHEN_WHO} stateReason } ... on ReopenedEvent { ${WHEN_WHO} }
  ... on LabeledEvent { ${WHEN_WHO} label { name } } ... on UnlabeledEvent { ${WHEN_WHO} label { name } }`;
const PULL_EVENTS = `${ISSUE_EVENTS} ... on ReadyForReviewEvent { ${WHEN_WHO} } ... on ConvertToDraftEvent { ${WHEN_WHO} }`;

/** The clock's timeline events of an issue or a pull request, a page of TIMELINE_PAGE (after `after`, a variable). */
export function timelineEvents(isPull: boolean, after?: string): string {
  const types = isPull ? PULL_EVENT_TYPES : ISSUE_EVENT_TYPES;
  const from = after ? `, after: ${after}` : "";
  return `timelineItems(itemTypes: [${types}], first: ${TIMELINE_PAGE}${from}) {
    pageInfo { hasNextPage endCursor } nodes { ${isPull ? PULL_EVENTS : ISSUE_EVENTS} } }`;
}
export const RATE = `rateLimit { cost remaining resetAt }`;

const STARS = `query ($owner: String!, $name: String!, $after: String, $direction: OrderDirection!) {
  repository(owner: $owner, name: $name) {
    stargazers(first: ${PAGE_SIZE}, after: $after, orderBy: { field: STARRED_AT, direction: $direction }) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { starredAt node { __typename login databaseId company } }
    }
  }
  ${RATE}
}`;

const issuesQuery = (extra: ExtraSelection) => `query ($owner: String!, $name: String!, $after: String, $since: DateTime${extra.params}) {
  repository(owner: $owner, name: $name) {
    issues(first: ${PAGE_SIZE}, after: $after, orderBy: { field: CREATED_AT, direction: ASC }, filterBy: { since: $since }) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${THREAD} stateReason ${timelineEvents(false)} }
    }
    ${extra.fields}
  }
  ${RATE}
}`;

const pullsQuery = (
  extra: ExtraSelection,
) => `query ($owner: String!, $name: String!, $after: String, $field: IssueOrderField!, $direction: OrderDirection!${extra.params}) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: ${PAGE_SIZE}, after: $after, orderBy: { field: $field, direction: $direction }) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes {
        ${THREAD} isDraft mergedAt mergedBy { ${ACTOR} } ${timelineEvents(true)}
        reviews(first: ${FIRST_COMMENTS}) { pageInfo { hasNextPage endCursor } nodes { ${REVIEW} } }
      }
    }
    ${extra.fields}
  }
  ${RATE}
}`;

export type Vars = Record<string, unknown>;

export async function query<T>(octokit: GitHubClient, text: string, variables: Vars): Promise<T> {
  // No blind retries: a failed page is recorded and resumed from its cursor later.
  return octokit.graphql<T>(text, { ...variables, request: { retries: 0 } });
}

interface ConnectionData<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes?: T[];
  edges?: T[];
}

function toPage<T>(connection: ConnectionData<T>, items: T[], rateLimit: RateLimitInfo, extra: Record<string, unknown> = {}): Page<T> {
  return { totalCount: connection.totalCount, pageInfo: connection.pageInfo, items, rateLimit, extra };
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
  extra: ExtraSelection = NO_EXTRA,
): Promise<Page<GqlThread>> {
  const data = await query<{ repository: { issues: ConnectionData<GqlThread> }; rateLimit: RateLimitInfo }>(octokit, issuesQuery(extra), {
    ...extra.variables,
    owner: repo.owner,
    name: repo.repo,
    after,
    since: since?.toISOString() ?? null,
  });
  const { issues: c, ...rest } = data.repository;
  return toPage(c, c.nodes ?? [], data.rateLimit, rest);
}

/** One page of pull requests: creation order, or most recently updated first when `newestFirst`. */
export async function fetchPullsPage(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  after: string | null,
  newestFirst: boolean,
  extra: ExtraSelection = NO_EXTRA,
): Promise<Page<GqlThread>> {
  const data = await query<{ repository: { pullRequests: ConnectionData<GqlThread> }; rateLimit: RateLimitInfo }>(octokit, pullsQuery(extra), {
    ...extra.variables,
    owner: repo.owner,
    name: repo.repo,
    after,
    field: newestFirst ? "UPDATED_AT" : "CREATED_AT",
    direction: newestFirst ? "DESC" : "ASC",
  });
  const { pullRequests: c, ...rest } = data.repository;
  return toPage(c, c.nodes ?? [], data.rateLimit, rest);
}
