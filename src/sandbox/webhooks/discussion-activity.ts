import type { SandboxModel } from "../model/model.js";
import type { DiscussionCommentRecord, DiscussionRecord, TimeInput } from "../model/types.js";
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
  };
}
