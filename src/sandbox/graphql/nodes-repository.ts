import { isoSeconds } from "../model/ids.js";
import type { DiscussionRecord, IssueRecord, RepoState } from "../model/types.js";
import { connection, orderBy, type ConnectionArgs } from "./connection.js";
import type { FieldFn, GraphQLContext, GraphQLObject } from "./context.js";
import { notFoundError, rejectedError } from "./errors.js";
import { actorNode, userNode } from "./nodes-actor.js";
import { categoryNode, discussionNode } from "./nodes-discussion.js";
import { issueNode, labelNode, pullRequestNode } from "./nodes-thread.js";

type Order = { field?: string; direction?: string } | null | undefined;
type IssueFilters = {
  states?: string[] | null;
  labels?: string[] | null;
  since?: string | null;
  createdBy?: string | null;
  assignee?: string | null;
};
type IssuesArgs = ConnectionArgs & { orderBy?: Order; states?: string[] | null; labels?: string[] | null; filterBy?: IssueFilters | null };
type PullsArgs = ConnectionArgs & {
  orderBy?: Order;
  states?: string[] | null;
  labels?: string[] | null;
  headRefName?: string | null;
  baseRefName?: string | null;
};

/** A `Repository` object over the model's repository state. */
export function repositoryNode(ctx: GraphQLContext, state: RepoState): GraphQLObject {
  const repo = state.repo;
  const nameWithOwner = `${repo.owner}/${repo.name}`;
  const self = (): GraphQLObject => node;
  const threads = (pulls: boolean) => [...state.issues.values()].filter((i) => (i.pull !== null) === pulls).sort((a, b) => a.number - b.number);
  const thread = (issue: IssueRecord) => (issue.pull ? pullRequestNode(ctx, state, issue, self) : issueNode(ctx, state, issue, self));

  const issues: FieldFn<IssuesArgs> = (args) => {
    const filter = args.filterBy ?? {};
    const states = args.states ?? filter.states;
    const labels = [...(args.labels ?? []), ...(filter.labels ?? [])].map((l) => l.toLowerCase());
    const since = filter.since ? dateTime(filter.since) : null;
    const list = threads(false).filter(
      (i) =>
        (!states || states.includes(i.state.toUpperCase())) &&
        // GitHub's `labels` argument matches issues carrying any of the labels.
        (labels.length === 0 || i.labels.some((n) => labels.includes(n.toLowerCase()))) &&
        (!since || i.updated_at >= since) &&
        (!filter.createdBy || i.user.toLowerCase() === filter.createdBy.toLowerCase()) &&
        (!filter.assignee || i.assignees.some((a) => a.toLowerCase() === filter.assignee?.toLowerCase())),
    );
    return connection(orderThreads(state, list, args.orderBy), args, thread);
  };

  const pullRequests: FieldFn<PullsArgs> = (args) => {
    const labels = (args.labels ?? []).map((l) => l.toLowerCase());
    const list = threads(true).filter(
      (i) =>
        (!args.states || args.states.includes(i.pull?.merged ? "MERGED" : i.state.toUpperCase())) &&
        (labels.length === 0 || i.labels.some((n) => labels.includes(n.toLowerCase()))) &&
        (!args.headRefName || i.pull?.head.ref === args.headRefName) &&
        (!args.baseRefName || i.pull?.base.ref === args.baseRefName),
    );
    return connection(orderThreads(state, list, args.orderBy), args, thread);
  };

  const stargazers: FieldFn<ConnectionArgs & { orderBy?: Order }> = (args) => {
    const stars = args.orderBy?.direction === "DESC" ? [...state.stars].reverse() : state.stars;
    // StargazerEdge.node is a User, whatever kind of account starred.
    return connection(
      stars,
      args,
      (s) => userNode(ctx, ctx.model.ensureUser(s.user)),
      (s) => ({ starredAt: s.starred_at }),
    );
  };

  const byNumber = (pulls: boolean | null) => (args: { number: number }) => {
    const issue = state.issues.get(args.number);
    const kind = pulls === true ? "a PullRequest" : pulls === false ? "an Issue" : "an issue or pull request";
    if (!issue || (pulls !== null && (issue.pull !== null) !== pulls)) {
      throw notFoundError(`Could not resolve to ${kind} with the number of ${args.number}.`);
    }
    return thread(issue);
  };

  const node: GraphQLObject = {
    __typename: "Repository",
    id: repo.node_id,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner,
    owner: () => actorNode(ctx, repo.owner),
    description: repo.description,
    homepageUrl: repo.homepage,
    url: `${ctx.urls.web}/${nameWithOwner}`,
    resourcePath: `/${nameWithOwner}`,
    isFork: repo.fork,
    isArchived: repo.archived,
    isPrivate: repo.private,
    isDisabled: false,
    isTemplate: false,
    isEmpty: false,
    isLocked: false,
    isMirror: false,
    hasIssuesEnabled: true,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    stargazerCount: state.stars.length,
    forkCount: state.forks.length,
    createdAt: repo.created_at,
    updatedAt: repo.updated_at,
    pushedAt: repo.pushed_at,
    defaultBranchRef: {
      __typename: "Ref",
      id: Buffer.from(`03:Ref${repo.id}:${repo.default_branch}`).toString("base64"),
      name: repo.default_branch,
      prefix: "refs/heads/",
    },
    licenseInfo: repo.license
      ? {
          __typename: "License",
          id: Buffer.from(`07:License${repo.license}`).toString("base64"),
          spdxId: repo.license,
          key: repo.license.toLowerCase(),
          name: repo.license,
          nickname: null,
          url: null,
        }
      : null,
    parent: () => {
      const parent = repo.parent ? ctx.model.getRepository(repo.parent) : undefined;
      return parent && ctx.canSee(parent.id) ? repositoryNode(ctx, ctx.model.repoState(repo.parent ?? "")) : null;
    },
    forks: (args: ConnectionArgs) => {
      const forks = state.forks.flatMap((name) => (ctx.model.getRepository(name) ? [ctx.model.repoState(name)] : []));
      return connection(forks, args, (fork) => repositoryNode(ctx, fork));
    },
    labels: (args: ConnectionArgs) => connection([...state.labels.values()], args, (l) => labelNode(ctx, state, l)),
    stargazers,
    issues,
    pullRequests,
    issue: byNumber(false),
    pullRequest: byNumber(true),
    issueOrPullRequest: byNumber(null),
    hasDiscussionsEnabled: true,
    discussion: (args: { number: number }) => {
      const discussion = state.discussions.get(args.number);
      if (!discussion) throw notFoundError(`Could not resolve to a Discussion with the number of ${args.number}.`);
      return discussionNode(ctx, state, discussion, self);
    },
    discussions: (args: ConnectionArgs & { orderBy?: Order; answered?: boolean | null; categoryId?: string | null; states?: string[] | null }) => {
      // GitHub's default order is the latest updated first; CREATED_AT and UPDATED_AT are its fields.
      const order = { field: args.orderBy?.field ?? "UPDATED_AT", direction: args.orderBy?.direction ?? "DESC" };
      const key = (d: DiscussionRecord) => (order.field === "CREATED_AT" ? d.created_at : d.updated_at);
      const list = [...state.discussions.values()]
        .filter((d) => args.answered == null || (d.answer_comment_id !== null) === args.answered)
        // GitHub lists open and closed discussions alike unless `states` (OPEN, CLOSED) narrows them.
        .filter((d) => !args.states?.length || args.states.includes(d.state.toUpperCase()))
        .filter((d) => !args.categoryId || state.discussionCategories.find((c) => c.id === d.category_id)?.node_id === args.categoryId)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number));
      return connection(order.direction === "DESC" ? list.reverse() : list, args, (d) => discussionNode(ctx, state, d, self));
    },
    discussionCategories: (args: ConnectionArgs) => connection(state.discussionCategories, args, (c) => categoryNode(ctx, state, c, self)),
  };
  return node;
}

/** A DateTime argument in GitHub's second precision; GitHub refuses unparsable ones. */
function dateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw rejectedError(`Argument 'since' has an invalid value (${JSON.stringify(value)}).`, "argumentLiteralsIncompatible");
  return isoSeconds(date);
}

/** `IssueOrder` (CREATED_AT, UPDATED_AT, COMMENTS); creation order when absent, as on GitHub. */
function orderThreads(state: RepoState, list: IssueRecord[], order: Order): IssueRecord[] {
  if (!order) return list;
  if (order.field === "COMMENTS") {
    return orderBy(list, order.direction, (i) => state.comments.filter((c) => c.issue_number === i.number).length);
  }
  return orderBy(list, order.direction, (i) => (order.field === "UPDATED_AT" ? i.updated_at : i.created_at));
}
