import { recordsOf } from "../model/records-by-number.js";
import type { CommentRecord, IssueRecord, LabelRecord, RepoState, ReviewRecord } from "../model/types.js";
import { connection, orderBy, type ConnectionArgs } from "./connection.js";
import type { FieldFn, GraphQLContext, GraphQLObject } from "./context.js";
import { actorNode } from "./nodes-actor.js";
import { timelineItemsField } from "./nodes-timeline.js";

type OrderArg = { orderBy?: { field?: string; direction?: string } | null };

/** An `Issue` object. `repository` is passed as a thunk to avoid a module cycle. */
export function issueNode(ctx: GraphQLContext, state: RepoState, issue: IssueRecord, repository: () => GraphQLObject): GraphQLObject {
  const url = `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/issues/${issue.number}`;
  return {
    __typename: "Issue",
    ...threadFields(ctx, state, issue, url, repository),
    id: issue.node_id,
    databaseId: issue.id,
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    stateReason: issue.state_reason === null ? null : issue.state_reason.toUpperCase(),
  };
}

/** A `PullRequest` object. */
export function pullRequestNode(ctx: GraphQLContext, state: RepoState, issue: IssueRecord, repository: () => GraphQLObject): GraphQLObject {
  const pull = issue.pull;
  if (!pull) throw new Error(`sandbox: #${issue.number} is not a pull request`);
  const url = `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/pull/${issue.number}`;
  const reviews: FieldFn<ConnectionArgs & { states?: string[] | null; author?: string | null }> = (args) => {
    const list = recordsOf(state.reviews, issue.number, (r) => r.pull_number).filter(
      (r) => (!args.states || args.states.includes(r.state)) && (!args.author || r.user.toLowerCase() === args.author.toLowerCase()),
    );
    return connection(list, args, (r) => reviewNode(ctx, state, r, url));
  };
  return {
    __typename: "PullRequest",
    ...threadFields(ctx, state, issue, url, repository),
    id: issue.pull_node_id,
    databaseId: issue.pull_id,
    state: pull.merged ? "MERGED" : issue.state === "open" ? "OPEN" : "CLOSED",
    merged: pull.merged,
    mergedAt: pull.merged_at,
    mergedBy: () => (pull.merged_by === null ? null : actorNode(ctx, pull.merged_by)),
    isDraft: pull.draft,
    baseRefName: pull.base.ref,
    headRefName: pull.head.ref,
    baseRefOid: pull.base.sha,
    headRefOid: pull.head.sha,
    additions: 0,
    deletions: 0,
    changedFiles: 0,
    reviews,
  };
}

/** Fields issues and pull requests share (both are `Comment`, `Closable`, `Labelable` ...). */
function threadFields(ctx: GraphQLContext, state: RepoState, issue: IssueRecord, url: string, repository: () => GraphQLObject): GraphQLObject {
  const comments: FieldFn<ConnectionArgs & OrderArg> = (args) => {
    const list = recordsOf(state.comments, issue.number, (c) => c.issue_number);
    const ordered = args.orderBy ? orderBy(list, args.orderBy.direction, (c) => c.updated_at) : list;
    return connection(ordered, args, (c) => commentNode(ctx, c, url));
  };
  const labels: FieldFn<ConnectionArgs & OrderArg> = (args) => {
    const list = issue.labels.flatMap((n) => state.labels.get(n.toLowerCase()) ?? []);
    return connection(list, args, (l) => labelNode(ctx, state, l));
  };
  const assignees: FieldFn<ConnectionArgs> = (args) => connection(issue.assignees, args, (login) => actorNode(ctx, login));
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    bodyText: issue.body ?? "",
    url,
    resourcePath: new URL(url).pathname,
    author: () => actorNode(ctx, issue.user),
    authorAssociation: issue.author_association,
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    publishedAt: issue.created_at,
    lastEditedAt: null,
    closedAt: issue.closed_at,
    closed: issue.state === "closed",
    locked: issue.locked,
    activeLockReason: null,
    comments,
    labels,
    assignees,
    // A label deleted since keeps its name in the timeline; nothing else of it is known.
    timelineItems: timelineItemsField(ctx, state, issue, url, (name) => {
      const label = state.labels.get(name.toLowerCase());
      return label ? labelNode(ctx, state, label) : { __typename: "Label", name };
    }),
    repository,
  };
}

/** The fields of GitHub's `Comment` and `Minimizable` interfaces, which issue and discussion comments share. */
export function commentFields(
  ctx: GraphQLContext,
  comment: Pick<CommentRecord, "id" | "node_id" | "user" | "author_association" | "body" | "created_at" | "updated_at">,
): GraphQLObject {
  return {
    id: comment.node_id,
    databaseId: comment.id,
    author: () => actorNode(ctx, comment.user),
    authorAssociation: comment.author_association,
    body: comment.body,
    bodyText: comment.body,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    publishedAt: comment.created_at,
    lastEditedAt: comment.updated_at === comment.created_at ? null : comment.updated_at,
    isMinimized: false,
    minimizedReason: null,
  };
}

/** An `IssueComment` object. */
export function commentNode(ctx: GraphQLContext, comment: CommentRecord, threadUrl: string): GraphQLObject {
  return { __typename: "IssueComment", ...commentFields(ctx, comment), url: `${threadUrl}#issuecomment-${comment.id}` };
}

/** A `PullRequestReview` object. */
export function reviewNode(ctx: GraphQLContext, state: RepoState, review: ReviewRecord, pullUrl: string): GraphQLObject {
  const created = review.submitted_at ?? state.issues.get(review.pull_number)?.created_at ?? null;
  return {
    __typename: "PullRequestReview",
    id: review.node_id,
    databaseId: review.id,
    author: () => actorNode(ctx, review.user),
    authorAssociation: review.author_association,
    body: review.body,
    bodyText: review.body,
    state: review.state,
    submittedAt: review.submitted_at,
    createdAt: created,
    updatedAt: created,
    publishedAt: review.submitted_at,
    lastEditedAt: null,
    url: `${pullUrl}#pullrequestreview-${review.id}`,
  };
}

/** A `Label` object. */
export function labelNode(ctx: GraphQLContext, state: RepoState, label: LabelRecord): GraphQLObject {
  return {
    __typename: "Label",
    id: label.node_id,
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.default,
    url: `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/labels/${encodeURIComponent(label.name)}`,
  };
}
