/**
 * Pure builders of GitHub-shaped webhook payloads from sandbox records. The objects inside
 * (`issue`, `pull_request`, `comment`, `repository`, `sender` ...) come from the REST shape
 * builders, so a payload says exactly what the REST API would say about the same record.
 * Build a payload after the model change it reports: counts such as `stargazers_count` and
 * states such as `merged` are read from the model as it is then.
 */
import { nodeId } from "../model/ids.js";
import type { CommentRecord, IssueRecord, RepoState, ReviewCommentRecord, ReviewRecord } from "../model/types.js";
import { simpleUser } from "../rest/shapes-account.js";
import { commentShape, issueShape, pullShape, reviewCommentShape, reviewShape } from "../rest/shapes-issue.js";
import { labelShape, repoShape } from "../rest/shapes-repo.js";
import type { ShapeContext } from "../rest/types.js";

/** One webhook as GitHub sends it: the event name (`X-GitHub-Event`) and the JSON payload. */
export interface Webhook {
  event: string;
  payload: Record<string, unknown>;
}

export type IssuesAction = "opened" | "closed" | "reopened" | "labeled" | "unlabeled" | "assigned" | "edited";
export type PullRequestAction = "opened" | "closed" | "reopened" | "ready_for_review" | "converted_to_draft" | "labeled" | "unlabeled";

/** What some actions name besides the item: the label (un)applied, the assignee, the edit. */
export interface ActionDetail {
  label?: string;
  assignee?: string;
  /** For `edited`: the previous values, e.g. `{ title: { from: "Old title" } }`. */
  changes?: Record<string, { from: string }>;
}

/** The installation covering a repository, as repository events reference it. */
export function installationRef(ctx: ShapeContext, repositoryId: number): { id: number; node_id: string } | null {
  const installation = ctx.model.listInstallations().find((i) => ctx.model.installationRepositories(i.id).some((r) => r.id === repositoryId));
  return installation ? { id: installation.id, node_id: nodeId("IntegrationInstallation", installation.id) } : null;
}

/**
 * `repository`, `sender` and `installation`: what every repository event carries. An app only
 * hears about repositories it is installed on, so `installation` is left out only for a
 * repository no installation covers (a payload built for inspection, never delivered by GitHub).
 */
export function envelope(ctx: ShapeContext, state: RepoState, sender: string): Record<string, unknown> {
  const installation = installationRef(ctx, state.repo.id);
  return {
    repository: repoShape(ctx, state),
    sender: simpleUser(ctx, sender),
    ...(installation ? { installation } : {}),
  };
}

function detailFields(ctx: ShapeContext, state: RepoState, action: string, detail: ActionDetail): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (detail.label !== undefined) {
    // An unlabeled label may since have been deleted from the repository; GitHub still names it.
    const label = state.labels.get(detail.label.toLowerCase());
    fields["label"] = label ? labelShape(ctx, state, label) : { name: detail.label };
  }
  if (detail.assignee !== undefined) fields["assignee"] = simpleUser(ctx, detail.assignee);
  if (action === "edited") fields["changes"] = detail.changes ?? {};
  return fields;
}

/** `issues.<action>`, sent by `sender` (the author for `opened`, the actor otherwise). */
export function issuesWebhook(
  ctx: ShapeContext,
  fullName: string,
  issue: IssueRecord,
  action: IssuesAction,
  sender: string,
  detail: ActionDetail = {},
): Webhook {
  if (issue.pull) throw new Error(`sandbox: #${issue.number} is a pull request; GitHub sends pull_request events for it`);
  const state = ctx.model.repoState(fullName);
  const payload = { action, issue: issueShape(ctx, state, issue), ...detailFields(ctx, state, action, detail) };
  return { event: "issues", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/**
 * `issue_comment.<action>` on an issue or pull request (the `issue` of a pull request carries its
 * `pull_request` key). For `deleted`, pass the comment as it was before it went.
 */
export function issueCommentWebhook(
  ctx: ShapeContext,
  fullName: string,
  comment: CommentRecord,
  action: "created" | "edited" | "deleted",
  sender: string = comment.user,
  changes?: Record<string, { from: string }>,
): Webhook {
  const state = ctx.model.repoState(fullName);
  const issue = state.issues.get(comment.issue_number);
  if (!issue) throw new Error(`sandbox: no #${comment.issue_number} in ${fullName}`);
  const payload = {
    action,
    ...(action === "edited" ? { changes: changes ?? {} } : {}),
    issue: issueShape(ctx, state, issue),
    comment: commentShape(ctx, state, comment),
  };
  return { event: "issue_comment", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/** `pull_request.<action>`; a merged pull request's `closed` has `merged: true` and `merged_at`. */
export function pullRequestWebhook(
  ctx: ShapeContext,
  fullName: string,
  pull: IssueRecord,
  action: PullRequestAction,
  sender: string,
  detail: ActionDetail = {},
): Webhook {
  const state = ctx.model.repoState(fullName);
  const payload = {
    action,
    number: pull.number,
    pull_request: pullShape(ctx, state, pull),
    ...detailFields(ctx, state, action, detail),
  };
  return { event: "pull_request", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/** `pull_request_review.submitted`. Webhooks spell the review state in lower case ("approved"). */
export function reviewWebhook(ctx: ShapeContext, fullName: string, review: ReviewRecord): Webhook {
  if (review.submitted_at === null) throw new Error("sandbox: a pending review is not submitted; GitHub sends no webhook for it");
  const state = ctx.model.repoState(fullName);
  const pull = pullOf(state, review.pull_number);
  const shape = reviewShape(ctx, state, review);
  const payload = {
    action: "submitted",
    review: {
      ...shape,
      state: review.state.toLowerCase(),
      _links: { html: { href: shape["html_url"] }, pull_request: { href: shape["pull_request_url"] } },
    },
    pull_request: pullShape(ctx, state, pull),
  };
  return { event: "pull_request_review", payload: { ...payload, ...envelope(ctx, state, review.user) } };
}

/** `pull_request_review_comment.created`. */
export function reviewCommentWebhook(ctx: ShapeContext, fullName: string, comment: ReviewCommentRecord): Webhook {
  const state = ctx.model.repoState(fullName);
  const shape = reviewCommentShape(ctx, state, comment);
  const links = {
    self: { href: shape["url"] },
    html: { href: shape["html_url"] },
    pull_request: { href: shape["pull_request_url"] },
  };
  const payload = {
    action: "created",
    comment: { ...shape, _links: links },
    pull_request: pullShape(ctx, state, pullOf(state, comment.pull_number)),
  };
  return { event: "pull_request_review_comment", payload: { ...payload, ...envelope(ctx, state, comment.user) } };
}

/**
 * `star.created` (with the star's `starred_at`) or `star.deleted` (GitHub sends `starred_at: null`
 * then). `repository.stargazers_count` is the count after the change.
 */
export function starWebhook(ctx: ShapeContext, fullName: string, action: "created" | "deleted", sender: string, starredAt: string | null): Webhook {
  const state = ctx.model.repoState(fullName);
  const payload = { action, starred_at: action === "created" ? starredAt : null };
  return { event: "star", payload: { ...payload, ...envelope(ctx, state, sender) } };
}

/** `fork` (no action): `forkee` is the new repository; `repository.forks_count` counts it. */
export function forkWebhook(ctx: ShapeContext, fullName: string, forkFullName: string): Webhook {
  const state = ctx.model.repoState(fullName);
  const fork = ctx.model.repoState(forkFullName);
  // A webhook's forkee names no parent or source (the payload's `repository` is the parent).
  const { parent: _parent, source: _source, ...shape } = repoShape(ctx, fork);
  const forkee = { ...shape, public: !fork.repo.private };
  return { event: "fork", payload: { forkee, ...envelope(ctx, state, fork.repo.owner) } };
}

function pullOf(state: RepoState, number: number): IssueRecord {
  const pull = state.issues.get(number);
  if (!pull?.pull) throw new Error(`sandbox: #${number} is not a pull request`);
  return pull;
}
