import { categoryOf } from "../model/discussions.js";
import type { DiscussionCategoryRecord, DiscussionCommentRecord, DiscussionRecord, RepoState } from "../model/types.js";
import { connection, type ConnectionArgs } from "./connection.js";
import type { FieldFn, GraphQLContext, GraphQLObject } from "./context.js";
import { actorNode } from "./nodes-actor.js";
import { commentFields } from "./nodes-thread.js";

/** A `Discussion` object. `repository` is passed as a thunk to avoid a module cycle. */
export function discussionNode(ctx: GraphQLContext, state: RepoState, discussion: DiscussionRecord, repository: () => GraphQLObject): GraphQLObject {
  const url = `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/discussions/${discussion.number}`;
  const answer = state.discussionComments.find((c) => c.id === discussion.answer_comment_id);
  const comments: FieldFn<ConnectionArgs> = (args) => {
    // The connection holds top-level comments; replies hang under each one, as on GitHub.
    const list = state.discussionComments.filter((c) => c.discussion_number === discussion.number && c.parent_id === null);
    return connection(list, args, (c) => discussionCommentNode(ctx, state, discussion, c, repository));
  };
  return {
    __typename: "Discussion",
    id: discussion.node_id,
    databaseId: discussion.id,
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    bodyText: discussion.body,
    url,
    resourcePath: new URL(url).pathname,
    author: () => actorNode(ctx, discussion.user),
    authorAssociation: discussion.author_association,
    createdAt: discussion.created_at,
    updatedAt: discussion.updated_at,
    publishedAt: discussion.created_at,
    lastEditedAt: null,
    locked: discussion.locked,
    closed: discussion.state === "closed",
    closedAt: discussion.closed_at,
    // GraphQL's DiscussionStateReason enum is the webhooks' value upper-cased.
    stateReason: discussion.state_reason === null ? null : discussion.state_reason.toUpperCase(),
    isAnswered: discussion.answer_comment_id !== null,
    answerChosenAt: discussion.answer_chosen_at,
    answerChosenBy: () => (discussion.answer_chosen_by === null ? null : actorNode(ctx, discussion.answer_chosen_by)),
    answer: () => (answer ? discussionCommentNode(ctx, state, discussion, answer, repository) : null),
    category: () => categoryNode(ctx, state, categoryOf(state, discussion), repository),
    comments,
    repository,
  };
}

/** A `DiscussionComment` object. */
export function discussionCommentNode(
  ctx: GraphQLContext,
  state: RepoState,
  discussion: DiscussionRecord,
  comment: DiscussionCommentRecord,
  repository: () => GraphQLObject,
): GraphQLObject {
  const discussionUrl = `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/discussions/${discussion.number}`;
  const replies: FieldFn<ConnectionArgs> = (args) => {
    const list = state.discussionComments.filter((c) => c.parent_id === comment.id);
    return connection(list, args, (c) => discussionCommentNode(ctx, state, discussion, c, repository));
  };
  const parent = state.discussionComments.find((c) => c.id === comment.parent_id);
  return {
    __typename: "DiscussionComment",
    ...commentFields(ctx, comment),
    deletedAt: null,
    isAnswer: discussion.answer_comment_id === comment.id,
    // An installation token's viewer is the app's bot account.
    viewerDidAuthor: comment.user.toLowerCase() === ctx.app.botLogin.toLowerCase(),
    url: `${discussionUrl}#discussioncomment-${comment.id}`,
    replyTo: () => (parent ? discussionCommentNode(ctx, state, discussion, parent, repository) : null),
    replies,
    discussion: () => discussionNode(ctx, state, discussion, repository),
  };
}

/** A `DiscussionCategory` object. */
export function categoryNode(
  _ctx: GraphQLContext,
  _state: RepoState,
  category: DiscussionCategoryRecord,
  repository: () => GraphQLObject,
): GraphQLObject {
  return {
    __typename: "DiscussionCategory",
    id: category.node_id,
    name: category.name,
    slug: category.slug,
    emoji: category.emoji,
    description: category.description,
    isAnswerable: category.is_answerable,
    createdAt: category.created_at,
    updatedAt: category.created_at,
    repository,
  };
}
