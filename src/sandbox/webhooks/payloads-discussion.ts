/**
 * `discussion` and `discussion_comment` webhooks, shaped after GitHub's (the examples in
 * `@octokit/webhooks-examples`, and GitHub's webhook schema in `@octokit/openapi-webhooks-types`
 * for what the examples lack: `state_reason`, and the closed, reopened and deleted actions).
 * GitHub has no REST API for repository discussions, so these shapes exist only here.
 */
import { categoryOf } from "../model/discussions.js";
import type { DiscussionCategoryRecord, DiscussionCommentRecord, DiscussionRecord, RepoState } from "../model/types.js";
import { simpleUser } from "../rest/shapes-account.js";
import type { ShapeContext } from "../rest/types.js";
import { envelope, type Webhook } from "./payloads.js";

export type DiscussionAction = "created" | "answered" | "unanswered" | "closed" | "reopened" | "category_changed" | "deleted";

/** What a change adds to its webhook: who made it, and what the discussion had before it. */
export interface DiscussionChange {
  /** Who acted; by default the author, or for `answered` whoever chose the answer. */
  by?: string;
  /** The comment that was the answer, which `unanswered` carries as `old_answer`. */
  oldAnswer?: DiscussionCommentRecord;
  /** The category the discussion left, which `category_changed` carries as `changes.category.from`. */
  fromCategory?: DiscussionCategoryRecord;
}

/**
 * A `discussion` webhook for the discussion as it is now (for `deleted`: as it was just before).
 * An action the discussion's state contradicts (answered without an answer, closed while open ...)
 * throws: GitHub would not send it.
 */
export function discussionWebhook(
  ctx: ShapeContext,
  fullName: string,
  discussion: DiscussionRecord,
  action: DiscussionAction,
  change: DiscussionChange = {},
): Webhook {
  const state = ctx.model.repoState(fullName);
  const sender = change.by ?? (action === "answered" ? discussion.answer_chosen_by : null) ?? discussion.user;
  const payload = {
    action,
    discussion: discussionShape(ctx, state, discussion),
    ...actionFields(ctx, state, discussion, action, change),
  };
  return { event: "discussion", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/** The fields GitHub adds beside `discussion` for some actions, after checking the action fits. */
function actionFields(
  ctx: ShapeContext,
  state: RepoState,
  discussion: DiscussionRecord,
  action: DiscussionAction,
  change: DiscussionChange,
): Record<string, unknown> {
  const refuse = (why: string): never => {
    throw new Error(`sandbox: discussion #${discussion.number} ${why}; GitHub sends no ${action} event for it`);
  };
  switch (action) {
    case "answered": {
      const answer = discussion.answer_comment_id === null ? undefined : commentOf(state, discussion.answer_comment_id);
      if (!answer || discussion.answer_chosen_by === null) return refuse("has no answer");
      return { answer: commentShape(ctx, state, discussion, answer) };
    }
    case "unanswered":
      if (!change.oldAnswer) return refuse("names no old answer");
      if (discussion.answer_comment_id !== null) return refuse("still has an answer");
      return { old_answer: commentShape(ctx, state, discussion, change.oldAnswer) };
    case "category_changed":
      if (!change.fromCategory) return refuse("names no previous category");
      return { changes: { category: { from: categoryShape(state, change.fromCategory) } } };
    case "closed":
      return discussion.state === "closed" ? {} : refuse("is open");
    case "reopened":
      return discussion.state === "open" ? {} : refuse("is closed");
    default:
      return {};
  }
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
  const htmlUrl = discussionUrl(ctx, state, discussion);
  return {
    repository_url: `${ctx.urls.api}/repos/${state.repo.owner}/${state.repo.name}`,
    category: categoryShape(state, categoryOf(state, discussion)),
    answer_html_url: discussion.answer_comment_id === null ? null : `${htmlUrl}#discussioncomment-${discussion.answer_comment_id}`,
    answer_chosen_at: discussion.answer_chosen_at,
    answer_chosen_by: discussion.answer_chosen_by === null ? null : simpleUser(ctx, discussion.answer_chosen_by),
    html_url: htmlUrl,
    id: discussion.id,
    node_id: discussion.node_id,
    number: discussion.number,
    title: discussion.title,
    user: simpleUser(ctx, discussion.user),
    state: discussion.state,
    // Not in the webhook examples (they predate it), but GitHub's webhook schema requires it.
    state_reason: discussion.state_reason,
    locked: discussion.locked,
    comments: state.discussionComments.filter((c) => c.discussion_number === discussion.number).length,
    created_at: discussion.created_at,
    updated_at: discussion.updated_at,
    author_association: discussion.author_association,
    active_lock_reason: null,
    body: discussion.body,
  };
}

function categoryShape(state: RepoState, category: DiscussionCategoryRecord): Record<string, unknown> {
  return {
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
