import {
  COMMENT,
  PAGE_SIZE,
  query,
  RATE,
  REVIEW,
  timelineEvents,
  type ExtraSelection,
  type GqlComment,
  type GqlConnection,
  type GqlReview,
  type GqlTimelineEvent,
  type PageInfo,
  type RateLimitInfo,
  type Vars,
} from "./backfill-queries.js";
import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/** A further page of an item's comments, reviews or timeline events, after `after`. */
export interface FollowUp {
  number: number;
  what: "comments" | "reviews" | "timeline";
  after: string;
}

export interface FollowUpResult extends FollowUp {
  pageInfo: PageInfo;
  comments: GqlComment[];
  reviews: GqlReview[];
  timeline: GqlTimelineEvent[];
}

/**
 * Follow-ups read inside the next page's request. GitHub's cost is the connections a query opens,
 * divided by 100 and rounded: an issues page opens 401 (4 points), a pulls page 501 (5 points);
 * 20 follow-ups open 40 more (a comments or timeline follow-up names both Issue and PullRequest),
 * which leaves both at the same points, so they ride along free instead of costing requests.
 */
export const FOLLOW_UPS_PER_PAGE = 20;

/** The follow-ups as aliased `issueOrPullRequest` fields (`f0`, `f1`, ...) of `repository`. */
export function followUpSelection(followUps: readonly FollowUp[]): ExtraSelection {
  const variables: Vars = {};
  const params: string[] = [];
  const fields = followUps.map((f, i) => {
    variables[`a${i}`] = f.after;
    params.push(`, $a${i}: String`);
    const connection = (type: string) =>
      f.what === "comments"
        ? `... on ${type} { comments(first: ${PAGE_SIZE}, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT} } } }`
        : f.what === "reviews"
          ? `... on ${type} { reviews(first: ${PAGE_SIZE}, after: $a${i}) { pageInfo { hasNextPage endCursor } nodes { ${REVIEW} } } }`
          : `... on ${type} { ${timelineEvents(type === "PullRequest", `$a${i}`)} }`;
    const body = f.what === "reviews" ? connection("PullRequest") : `${connection("Issue")} ${connection("PullRequest")}`;
    return `f${i}: issueOrPullRequest(number: ${f.number}) { ${body} }`;
  });
  return { params: params.join(""), fields: fields.join("\n"), variables };
}

type Answer = Record<
  string,
  { comments?: GqlConnection<GqlComment>; reviews?: GqlConnection<GqlReview>; timelineItems?: GqlConnection<GqlTimelineEvent> } | null | undefined
>;

/** The answers to `followUpSelection(followUps)`, read from the repository's fields. */
export function readFollowUps(repository: Record<string, unknown>, followUps: readonly FollowUp[]): FollowUpResult[] {
  const answers = repository as Answer;
  return followUps.map((f, i): FollowUpResult => {
    const answer = answers[`f${i}`];
    const connection = f.what === "comments" ? answer?.comments : f.what === "reviews" ? answer?.reviews : answer?.timelineItems;
    return {
      ...f,
      pageInfo: connection?.pageInfo ?? { hasNextPage: false, endCursor: null },
      comments: f.what === "comments" ? ((connection?.nodes as GqlComment[] | undefined) ?? []) : [],
      reviews: f.what === "reviews" ? ((connection?.nodes as GqlReview[] | undefined) ?? []) : [],
      timeline: f.what === "timeline" ? ((connection?.nodes as GqlTimelineEvent[] | undefined) ?? []) : [],
    };
  });
}

/**
 * The next page of comments, reviews or timeline events for up to FOLLOW_UPS_PER_REQUEST items in
 * a request of their own.
 */
export async function fetchFollowUps(
  octokit: GitHubClient,
  repo: RepoCoordinates,
  followUps: FollowUp[],
): Promise<{ results: FollowUpResult[]; rateLimit: RateLimitInfo }> {
  const selection = followUpSelection(followUps);
  const text = `query ($owner: String!, $name: String!${selection.params}) {
    repository(owner: $owner, name: $name) { ${selection.fields} }
    ${RATE}
  }`;
  const data = await query<{ repository: Record<string, unknown>; rateLimit: RateLimitInfo }>(octokit, text, {
    ...selection.variables,
    owner: repo.owner,
    name: repo.repo,
  });
  return { results: readFollowUps(data.repository, followUps), rateLimit: data.rateLimit };
}
