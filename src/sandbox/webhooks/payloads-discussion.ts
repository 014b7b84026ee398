/**
 * `discussion` and `discussion_comment` webhooks, shaped after GitHub's (the examples in
 * `@octokit/webhooks-examples`). GitHub has no REST API for repository discussions, so these
 * shapes exist only here.
 */
import { categoryOf } from "../model/discussions.js";
import type { DiscussionCommentRecord, DiscussionRecord, RepoState } from "../model/types.js";
import { simpleUser } from "../rest/shapes-account.js";
import type { ShapeContext } from "../rest/types.js";
import { envelope, type Webhook } from "./payloads.js";

export type DiscussionAction = "created" | "answered";

/** `discussion.created` (sent by its author) or `discussion.answered` (by who chose the answer, with the `answer`). */
export function discussionWebhook(ctx: ShapeContext, fullName: string, discussion: DiscussionRecord, action: DiscussionAction): Webhook {
  const state = ctx.model.repoState(fullName);
  const answer = discussion.answer_comment_id === null ? undefined : commentOf(state, discussion.answer_comment_id);
  if (action === "answered" && (!answer || discussion.answer_chosen_by === null)) {
    throw new Error(`sandbox: discussion #${discussion.number} has no answer; GitHub sends no answered event for it`);
  }
  const sender = action === "answered" ? (discussion.answer_chosen_by ?? discussion.user) : discussion.user;
  const payload = {
    action,
    discussion: discussionShape(ctx, state, discussion),
    ...(action === "answered" && answer ? { answer: commentShape(ctx, state, discussion, answer) } : {}),
  };
  return { event: "discussion", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/** `discussion_comment.created`, sent by the comment's author. */
export function discussionCommentWebhook(ctx: ShapeContext, fullName: string, comment: DiscussionCommentRecord): Webhook {
  const state = ctx.model.repoState(fullName);
  const discussion = state.discussions.get(comment.discussion_number);
  if (!discussion) throw new Error(`sandbox: no discussion #${comment.discussion_number} in ${fullName}`);
  const payload = {
    action: "created",
    comment: commentShape(ctx, state, discussion, comment),
    discussion: discussionShape(ctx, state, discussion),
  };
  return { event: "discussion_comment", payload: { ...payload, ...envelope(ctx, state, comment.user) } };
}

function discussionShape(ctx: ShapeContext, state: RepoState, discussion: DiscussionRecord): Record<string, unknown> {
  const category = categoryOf(state, discussion);
  const htmlUrl = discussionUrl(ctx, state, discussion);
  return {
    repository_url: `${ctx.urls.api}/repos/${state.repo.owner}/${state.repo.name}`,
    category: {
      id: category.id,
      node_id: category.node_id,
      repository_id: state.repo.id,
      emoji: category.emoji,
      name: category.name,
      description: category.description,
      created_at: category.created_at,
      updated_at: category.created_at,
      slug: category.slug,
      is_answerable: category.is_answerable,
    },
    answer_html_url: discussion.answer_comment_id === null ? null : `${htmlUrl}#discussioncomment-${discussion.answer_comment_id}`,
    answer_chosen_at: discussion.answer_chosen_at,
    answer_chosen_by: discussion.answer_chosen_by === null ? null : simpleUser(ctx, discussion.answer_chosen_by),
    html_url: htmlUrl,
    id: discussion.id,
    node_id: discussion.node_id,
    number: discussion.number,
    title: discussion.title,
    user: simpleUser(ctx, discussion.user),
    state: "open",
    locked: discussion.locked,
    comments: state.discussionComments.filter((c) => c.discussion_number === discussion.number).length,
    created_at: discussion.created_at,
    updated_at: discussion.updated_at,
    author_association: discussion.author_association,
    active_lock_reason: null,
    body: discussion.body,
  };
}

function commentShape(ctx: ShapeContext, state: RepoState, discussion: DiscussionRecord, comment: DiscussionCommentRecord): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: comment.node_id,
    html_url: `${discussionUrl(ctx, state, discussion)}#discussioncomment-${comment.id}`,
    parent_id: comment.parent_id,
    child_comment_count: state.discussionComments.filter((c) => c.parent_id === comment.id).length,
    // GitHub sends "owner/name" here, not a URL.
    repository_url: `${state.repo.owner}/${state.repo.name}`,
    discussion_id: discussion.id,
    author_association: comment.author_association,
    user: simpleUser(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    body: comment.body,
  };
}

function discussionUrl(ctx: ShapeContext, state: RepoState, discussion: DiscussionRecord): string {
  return `${ctx.urls.web}/${state.repo.owner}/${state.repo.name}/discussions/${discussion.number}`;
}

function commentOf(state: RepoState, id: number): DiscussionCommentRecord | undefined {
  return state.discussionComments.find((c) => c.id === id);
}
