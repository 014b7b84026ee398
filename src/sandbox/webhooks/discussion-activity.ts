import type { SandboxModel } from "../model/model.js";
import type { DiscussionCloseReason, DiscussionCommentRecord, DiscussionRecord, TimeInput } from "../model/types.js";
import type { ShapeContext } from "../rest/types.js";
import type { Webhook } from "./payloads.js";
import { discussionCommentWebhook, discussionWebhook } from "./payloads-discussion.js";
import type { DeliveryRecord, WebhookSender } from "./sender.js";

/** What a discussion verb did: the record it created or changed and the delivery. */
export interface DiscussionActed<T> {
  record: T;
  delivery: DeliveryRecord;
}

/** Discussions, each verb with the webhook GitHub sends for it. */
export interface DiscussionActivity {
  /** `discussion.created`; the category (by name) is created on first use, Q&A answerable. */
  openDiscussion(
    repo: string,
    input: { user: string; title: string; category?: string; body?: string; at?: TimeInput },
  ): Promise<DiscussionActed<DiscussionRecord>>;
  /** `discussion_comment.created`. */
  commentOnDiscussion(
    repo: string,
    number: number,
    input: { user: string; body: string; replyTo?: number; at?: TimeInput },
  ): Promise<DiscussionActed<DiscussionCommentRecord>>;
  /** Marks a comment as the answer; `discussion.answered`. */
  markDiscussionAnswer(
    repo: string,
    number: number,
    commentId: number,
    input: { by: string; at?: TimeInput },
  ): Promise<DiscussionActed<DiscussionRecord>>;
  /** Takes the answer back; `discussion.unanswered`, with the comment that was it as `old_answer`. */
  unmarkDiscussionAnswer(repo: string, number: number, input: { by: string; at?: TimeInput }): Promise<DiscussionActed<DiscussionRecord>>;
  /** `discussion.closed`; the reason defaults to "resolved", as GitHub's closeDiscussion does. */
  closeDiscussion(
    repo: string,
    number: number,
    input: { by: string; reason?: DiscussionCloseReason; at?: TimeInput },
  ): Promise<DiscussionActed<DiscussionRecord>>;
  /** `discussion.reopened`; the state reason becomes "reopened". */
  reopenDiscussion(repo: string, number: number, input: { by: string; at?: TimeInput }): Promise<DiscussionActed<DiscussionRecord>>;
  /** Moves it to another category (by name, created on first use); `discussion.category_changed`. */
  moveDiscussion(repo: string, number: number, input: { category: string; by: string; at?: TimeInput }): Promise<DiscussionActed<DiscussionRecord>>;
  /** Deletes it with its comments; `discussion.deleted`, carrying the discussion as it was. */
  deleteDiscussion(repo: string, number: number, input: { by: string }): Promise<DiscussionActed<DiscussionRecord>>;
}

export function createDiscussionActivity(model: SandboxModel, shapes: () => ShapeContext, sender: WebhookSender): DiscussionActivity {
  const send = async <T>(record: T, webhook: Webhook): Promise<DiscussionActed<T>> => ({ record, delivery: await sender.send(webhook) });
  return {
    async openDiscussion(repo, input) {
      const discussion = model.discussions.add(repo, {
        user: input.user,
        title: input.title,
        ...(input.category === undefined ? {} : { category: input.category }),
        ...(input.body === undefined ? {} : { body: input.body }),
        ...(input.at === undefined ? {} : { createdAt: input.at }),
      });
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "created"));
    },
    async commentOnDiscussion(repo, number, input) {
      const comment = model.discussions.addComment(repo, number, {
        user: input.user,
        body: input.body,
        ...(input.replyTo === undefined ? {} : { replyTo: input.replyTo }),
        ...(input.at === undefined ? {} : { createdAt: input.at }),
      });
      return send(comment, discussionCommentWebhook(shapes(), repo, comment));
    },
    async markDiscussionAnswer(repo, number, commentId, input) {
      const discussion = model.discussions.markAnswer(repo, number, commentId, input.by, input.at);
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "answered"));
    },
    async unmarkDiscussionAnswer(repo, number, input) {
      const answerId = model.discussions.get(repo, number)?.answer_comment_id;
      const discussion = model.discussions.unmarkAnswer(repo, number, input.by, input.at);
      const oldAnswer = model.discussions.comments(repo, number).find((c) => c.id === answerId);
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "unanswered", { by: input.by, ...(oldAnswer ? { oldAnswer } : {}) }));
    },
    async closeDiscussion(repo, number, input) {
      const discussion = model.discussions.close(repo, number, input.by, input.reason, input.at);
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "closed", { by: input.by }));
    },
    async reopenDiscussion(repo, number, input) {
      const discussion = model.discussions.reopen(repo, number, input.by, input.at);
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "reopened", { by: input.by }));
    },
    async moveDiscussion(repo, number, input) {
      const before = model.discussions.get(repo, number);
      const fromCategory = before && model.discussions.categories(repo).find((c) => c.id === before.category_id);
      const discussion = model.discussions.moveToCategory(repo, number, input.category, input.by, input.at);
      const change = { by: input.by, ...(fromCategory ? { fromCategory } : {}) };
      return send(discussion, discussionWebhook(shapes(), repo, discussion, "category_changed", change));
    },
    async deleteDiscussion(repo, number, input) {
      const existing = model.discussions.get(repo, number);
      if (!existing) throw new Error(`sandbox: no discussion #${number} in ${repo}`);
      // Shaped first: the payload counts the comments the deletion removes.
      const webhook = discussionWebhook(shapes(), repo, existing, "deleted", { by: input.by });
      return send(model.discussions.delete(repo, number), webhook);
    },
  };
}
