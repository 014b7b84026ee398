import type { Sandbox } from "../server.js";
import type { SandboxModel } from "../model/model.js";
import type { CommentRecord, IssueRecord, RepositoryRecord, ReviewCommentRecord, ReviewRecord, StarRecord, TimeInput } from "../model/types.js";
import type { ShapeContext, Urls } from "../rest/types.js";
import {
  forkWebhook,
  issueCommentWebhook,
  issuesWebhook,
  pullRequestWebhook,
  reviewCommentWebhook,
  reviewWebhook,
  starWebhook,
  type ActionDetail,
  type Webhook,
} from "./payloads.js";
import { createDiscussionActivity, type DiscussionActivity } from "./discussion-activity.js";
import { createRepositoryActivity, type RepositoryActivity } from "./repository-activity.js";
import type { DeliveryRecord, WebhookSender } from "./sender.js";

/** What a verb did: the model record it changed or created, and the deliveries it sent (first is the main one). */
export interface Acted<T> {
  record: T;
  delivery: DeliveryRecord;
  deliveries: DeliveryRecord[];
}

/** Someone acting at a time (`at` defaults to the model clock). */
export interface ActorAt {
  by: string;
  at?: TimeInput;
}

/**
 * Verbs that change the sandbox model and send the webhook GitHub would send for the change. A
 * verb the model refuses (no such issue, a second star) rejects before anything is sent. The
 * repository's own settings (visibility, name, owner, archiving) are in `RepositoryActivity`,
 * discussions in `DiscussionActivity`.
 */
export interface Activity extends RepositoryActivity, DiscussionActivity {
  readonly model: SandboxModel;
  readonly sender: WebhookSender;
  openIssue(repo: string, input: { user: string; title: string; body?: string; at?: TimeInput; labels?: string[] }): Promise<Acted<IssueRecord>>;
  /** An issue comment, on an issue or a pull request. */
  comment(repo: string, number: number, input: { user: string; body: string; at?: TimeInput }): Promise<Acted<CommentRecord>>;
  /** Closes an issue (`issues.closed`) or, unmerged, a pull request (`pull_request.closed`). */
  closeIssue(repo: string, number: number, input: ActorAt & { reason?: "completed" | "not_planned" }): Promise<Acted<IssueRecord>>;
  reopenIssue(repo: string, number: number, input: ActorAt): Promise<Acted<IssueRecord>>;
  openPullRequest(
    repo: string,
    input: { user: string; title: string; body?: string; draft?: boolean; at?: TimeInput; labels?: string[] },
  ): Promise<Acted<IssueRecord>>;
  mergePullRequest(repo: string, number: number, input: ActorAt): Promise<Acted<IssueRecord>>;
  /** Marks a draft pull request ready for review (`pull_request.ready_for_review`). */
  markReadyForReview(repo: string, number: number, input: ActorAt): Promise<Acted<IssueRecord>>;
  /** Converts a pull request back to a draft (`pull_request.converted_to_draft`). */
  convertToDraft(repo: string, number: number, input: ActorAt): Promise<Acted<IssueRecord>>;
  review(
    repo: string,
    number: number,
    input: { user: string; state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED"; body?: string; at?: TimeInput },
  ): Promise<Acted<ReviewRecord>>;
  reviewComment(
    repo: string,
    number: number,
    input: { user: string; body: string; path?: string; line?: number; reviewId?: number; at?: TimeInput },
  ): Promise<Acted<ReviewCommentRecord>>;
  addLabel(repo: string, number: number, label: string, input: ActorAt): Promise<Acted<IssueRecord>>;
  removeLabel(repo: string, number: number, label: string, input: ActorAt): Promise<Acted<IssueRecord>>;
  /** Stars the repository; throws when `user` already starred it (GitHub sends nothing then). */
  star(repo: string, user: string, at?: TimeInput): Promise<Acted<StarRecord>>;
  /** Removes a star; throws when `user` had not starred the repository. */
  unstar(repo: string, user: string): Promise<Acted<StarRecord>>;
  /** Forks the repository into `user`'s account. */
  fork(repo: string, user: string, at?: TimeInput): Promise<Acted<RepositoryRecord>>;
}

/**
 * Binds verbs to a sandbox and a sender. The model decides ids, numbers and author_association;
 * payloads are built after each change, with links to the sandbox's address once it listens.
 */
export function createActivity(sandbox: Pick<Sandbox, "model" | "address">, sender: WebhookSender): Activity {
  const model = sandbox.model;
  const shapes = (): ShapeContext => ({ model, urls: urlsOf(sandbox) });
  const sendAll = async <T>(record: T, build: (ctx: ShapeContext) => Webhook[]): Promise<Acted<T>> => {
    const deliveries: DeliveryRecord[] = [];
    // Sequential, as GitHub delivers one repository's events in order.
    for (const webhook of build(shapes())) deliveries.push(await sender.send(webhook));
    const [delivery] = deliveries;
    if (!delivery) throw new Error("sandbox: an activity sent no webhook");
    return { record, delivery, deliveries };
  };
  const itemOf = (repo: string, number: number): IssueRecord => {
    const item = model.getIssue(repo, number);
    if (!item) throw new Error(`sandbox: no issue or pull request #${number} in ${repo}`);
    return item;
  };
  // GitHub labels a PR through pull_request events and an issue through issues events.
  type ItemAction = "opened" | "closed" | "reopened" | "labeled" | "unlabeled";
  const itemWebhook = (ctx: ShapeContext, repo: string, item: IssueRecord, action: ItemAction, by: string, detail: ActionDetail = {}) =>
    item.pull ? pullRequestWebhook(ctx, repo, item, action, by, detail) : issuesWebhook(ctx, repo, item, action, by, detail);
  // Created with labels, an item is announced as opened and then labeled once per label.
  const opened = (ctx: ShapeContext, repo: string, item: IssueRecord) => [
    itemWebhook(ctx, repo, item, "opened", item.user),
    ...item.labels.map((label) => itemWebhook(ctx, repo, item, "labeled", item.user, { label })),
  ];

  return {
    model,
    sender,
    ...createRepositoryActivity(model, shapes, sender),
    ...createDiscussionActivity(model, shapes, sender),
    async openIssue(repo, input) {
      const { user, title, labels = [] } = input;
      const issue = model.addIssue(repo, { user, title, body: input.body ?? null, labels, ...time("createdAt", input.at) });
      return sendAll(issue, (ctx) => opened(ctx, repo, issue));
    },
    async comment(repo, number, input) {
      const comment = model.addComment(repo, number, { user: input.user, body: input.body, ...time("createdAt", input.at) });
      return sendAll(comment, (ctx) => [issueCommentWebhook(ctx, repo, comment, "created")]);
    },
    async closeIssue(repo, number, input) {
      const item = model.updateIssue(repo, number, { state: "closed", ...(input.reason ? { state_reason: input.reason } : {}) }, input.by, input.at);
      return sendAll(item, (ctx) => [itemWebhook(ctx, repo, item, "closed", input.by)]);
    },
    async reopenIssue(repo, number, input) {
      const item = model.updateIssue(repo, number, { state: "open" }, input.by, input.at);
      return sendAll(item, (ctx) => [itemWebhook(ctx, repo, item, "reopened", input.by)]);
    },
    async openPullRequest(repo, input) {
      const pull = model.addPullRequest(repo, {
        user: input.user,
        title: input.title,
        body: input.body ?? null,
        draft: input.draft ?? false,
        labels: input.labels ?? [],
        ...time("createdAt", input.at),
      });
      return sendAll(pull, (ctx) => opened(ctx, repo, pull));
    },
    async mergePullRequest(repo, number, input) {
      const pull = model.mergePullRequest(repo, number, input.by, input.at);
      return sendAll(pull, (ctx) => [pullRequestWebhook(ctx, repo, pull, "closed", input.by)]);
    },
    async markReadyForReview(repo, number, input) {
      const pull = model.setPullDraft(repo, number, false, input.by, input.at);
      return sendAll(pull, (ctx) => [pullRequestWebhook(ctx, repo, pull, "ready_for_review", input.by)]);
    },
    async convertToDraft(repo, number, input) {
      const pull = model.setPullDraft(repo, number, true, input.by, input.at);
      return sendAll(pull, (ctx) => [pullRequestWebhook(ctx, repo, pull, "converted_to_draft", input.by)]);
    },
    async review(repo, number, input) {
      const review = model.addReview(repo, number, {
        user: input.user,
        state: input.state,
        body: input.body ?? "",
        ...time("submittedAt", input.at),
      });
      return sendAll(review, (ctx) => [reviewWebhook(ctx, repo, review)]);
    },
    async reviewComment(repo, number, input) {
      const comment = model.addReviewComment(repo, number, {
        user: input.user,
        body: input.body,
        ...(input.path === undefined ? {} : { path: input.path }),
        ...(input.line === undefined ? {} : { line: input.line }),
        ...(input.reviewId === undefined ? {} : { reviewId: input.reviewId }),
        ...time("createdAt", input.at),
      });
      return sendAll(comment, (ctx) => [reviewCommentWebhook(ctx, repo, comment)]);
    },
    async addLabel(repo, number, label, input) {
      const item = itemOf(repo, number);
      model.addLabelsToIssue(repo, number, [label], input.at, input.by);
      return sendAll(item, (ctx) => [itemWebhook(ctx, repo, item, "labeled", input.by, { label })]);
    },
    async removeLabel(repo, number, label, input) {
      const item = itemOf(repo, number);
      if (!model.removeLabelFromIssue(repo, number, label, input.at, input.by)) throw new Error(`sandbox: #${number} has no label ${label}`);
      return sendAll(item, (ctx) => [itemWebhook(ctx, repo, item, "unlabeled", input.by, { label })]);
    },
    async star(repo, user, at) {
      if (model.listStargazers(repo).some((s) => s.user.toLowerCase() === user.toLowerCase())) {
        throw new Error(`sandbox: ${user} already starred ${repo}`);
      }
      const star = model.addStargazer(repo, user, at);
      return sendAll(star, (ctx) => [starWebhook(ctx, repo, "created", user, star.starred_at)]);
    },
    async unstar(repo, user) {
      const star = model.listStargazers(repo).find((s) => s.user.toLowerCase() === user.toLowerCase());
      if (!star || !model.removeStargazer(repo, user)) throw new Error(`sandbox: ${user} has not starred ${repo}`);
      return sendAll(star, (ctx) => [starWebhook(ctx, repo, "deleted", user, null)]);
    },
    async fork(repo, user, at) {
      const fork = model.addFork(repo, user, at);
      return sendAll(fork, (ctx) => [forkWebhook(ctx, repo, `${fork.owner}/${fork.name}`)]);
    },
  };
}

/** Base URLs for payload links: the sandbox's own once it listens, a placeholder before. */
export function urlsOf(sandbox: Pick<Sandbox, "address">): Urls {
  const web = sandbox.address()?.url ?? "http://sandbox.invalid";
  return { api: `${web}/api/v3`, web };
}

/** `{ [key]: at }`, or nothing, so an absent time falls back to the model clock. */
function time<K extends string>(key: K, at: TimeInput | undefined): Partial<Record<K, TimeInput>> {
  return at === undefined ? {} : ({ [key]: at } as Record<K, TimeInput>);
}
