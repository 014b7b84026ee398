import { fakeSha, nodeId, toIso, type IdSequence } from "./ids.js";
import type { CommentSeed, IssueSeed, PullRequestSeed, ReviewCommentSeed, ReviewSeed } from "./seeds.js";
import { recordLabelChanges, recordTimeline } from "./timeline.js";
import type {
  AuthorAssociation,
  CommentRecord,
  IssueRecord,
  LabelRecord,
  RepoState,
  ReviewCommentRecord,
  ReviewRecord,
  StateReason,
  TimeInput,
} from "./types.js";

/** What thread operations need from the model: ids, the clock and user bookkeeping. */
export interface ThreadContext {
  ids: IdSequence;
  now: () => Date;
  ensureUser(login: string): void;
  associationOf(state: RepoState, login: string): AuthorAssociation;
}

/** A partial update of an issue, as `PATCH /repos/{o}/{r}/issues/{n}` accepts it. */
export interface IssuePatch {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: StateReason;
  labels?: string[];
  assignees?: string[];
  locked?: boolean;
}

/** Creates an issue or pull request; both draw from the repository's one number sequence. */
export function insertIssue(ctx: ThreadContext, state: RepoState, seed: IssueSeed | PullRequestSeed, isPull: boolean): IssueRecord {
  ctx.ensureUser(seed.user);
  const number = seed.number ?? state.nextNumber;
  if (state.issues.has(number) || state.discussions.has(number))
    throw new Error(`sandbox: #${number} already exists in ${state.repo.owner}/${state.repo.name}`);
  state.nextNumber = Math.max(state.nextNumber, number + 1);
  const createdAt = toIso(seed.createdAt, ctx.now);
  const closed = seed.state === "closed" || (isPull && (seed as PullRequestSeed).merged === true);
  const closedAt = closed ? toIso(seed.closedAt ?? (seed as PullRequestSeed).mergedAt ?? createdAt, ctx.now) : null;
  const id = ctx.ids.next();
  const issue: IssueRecord = {
    id,
    node_id: nodeId("Issue", id),
    number,
    title: seed.title ?? `${isPull ? "Pull request" : "Issue"} #${number}`,
    body: seed.body ?? null,
    user: seed.user,
    state: closed ? "closed" : "open",
    state_reason: closed && !isPull ? (seed.stateReason ?? "completed") : (seed.stateReason ?? null),
    locked: seed.locked ?? false,
    labels: [],
    assignees: [...(seed.assignees ?? [])],
    author_association: seed.authorAssociation ?? ctx.associationOf(state, seed.user),
    created_at: createdAt,
    updated_at: toIso(seed.updatedAt ?? closedAt ?? createdAt, ctx.now),
    closed_at: closedAt,
    closed_by: closed ? (seed.closedBy ?? null) : null,
    pull: null,
    pull_node_id: null,
    pull_id: null,
  };
  if (isPull) {
    const pr = seed as PullRequestSeed;
    const merged = pr.merged ?? false;
    const pullId = ctx.ids.next();
    issue.pull_id = pullId;
    issue.pull_node_id = nodeId("PullRequest", pullId);
    issue.pull = {
      draft: pr.draft ?? false,
      merged,
      merged_at: merged ? closedAt : null,
      merged_by: merged ? (pr.mergedBy ?? null) : null,
      head: { ref: pr.head ?? `patch-${number}`, sha: fakeSha(`head:${id}`), repo: null },
      base: { ref: pr.base ?? state.repo.default_branch, sha: fakeSha(`base:${id}`) },
    };
  }
  for (const name of seed.labels ?? []) issue.labels.push(ensureLabel(ctx, state, name).name);
  for (const login of issue.assignees) ctx.ensureUser(login);
  state.issues.set(number, issue);
  // Labels given at the opening are put on by the author then; a seeded close (or merge) is in the timeline too.
  recordLabelChanges(state, issue, [], issue.user, createdAt);
  if (closedAt !== null) {
    const closer = issue.closed_by ?? issue.pull?.merged_by ?? null;
    recordTimeline(state, issue, "ClosedEvent", closer, closedAt, { stateReason: issue.state_reason });
  }
  return issue;
}

/**
 * Applies a REST-style issue update; closing fills closed_at/state_reason like GitHub does. `at`
 * (default: the model clock) lets a replayed history carry its own times.
 */
export function patchIssue(ctx: ThreadContext, state: RepoState, issue: IssueRecord, patch: IssuePatch, actor: string, at?: TimeInput): IssueRecord {
  const now = toIso(at, ctx.now);
  if (patch.title !== undefined) issue.title = patch.title;
  if (patch.body !== undefined) issue.body = patch.body;
  if (patch.locked !== undefined) issue.locked = patch.locked;
  if (patch.labels !== undefined) {
    const before = [...issue.labels];
    issue.labels = dedupe(patch.labels.map((n) => ensureLabel(ctx, state, n).name));
    recordLabelChanges(state, issue, before, actor, now);
  }
  if (patch.assignees !== undefined) {
    for (const login of patch.assignees) ctx.ensureUser(login);
    issue.assignees = dedupe(patch.assignees);
  }
  if (patch.state === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.closed_at = now;
    issue.closed_by = actor;
    issue.state_reason = issue.pull ? null : (patch.state_reason ?? "completed");
    recordTimeline(state, issue, "ClosedEvent", actor, now, { stateReason: issue.state_reason });
  } else if (patch.state === "open" && issue.state === "closed") {
    if (issue.pull?.merged) throw new Error("sandbox: a merged pull request cannot be reopened");
    issue.state = "open";
    issue.closed_at = null;
    issue.closed_by = null;
    issue.state_reason = issue.pull ? null : "reopened";
    recordTimeline(state, issue, "ReopenedEvent", actor, now);
  } else if (patch.state_reason !== undefined && issue.state === "closed" && !issue.pull) {
    issue.state_reason = patch.state_reason;
  }
  issue.updated_at = now;
  return issue;
}

/**
 * Merges an open pull request: closed and merged by `actor` in the same instant, as GitHub's merge
 * button does (its timeline gets a close, as GitHub's gets one beside the merge).
 */
export function mergePull(ctx: ThreadContext, state: RepoState, pull: IssueRecord, actor: string, at?: TimeInput): IssueRecord {
  if (!pull.pull || pull.state !== "open") throw new Error(`sandbox: #${pull.number} is not an open pull request`);
  ctx.ensureUser(actor);
  const now = toIso(at, ctx.now);
  Object.assign(pull, { state: "closed", closed_at: now, closed_by: actor, updated_at: now });
  Object.assign(pull.pull, { merged: true, merged_at: now, merged_by: actor });
  recordTimeline(state, pull, "ClosedEvent", actor, now);
  return pull;
}

/** Adds an issue comment and bumps the issue's updated_at, as GitHub does. */
export function insertComment(ctx: ThreadContext, state: RepoState, issue: IssueRecord, seed: CommentSeed): CommentRecord {
  ctx.ensureUser(seed.user);
  const id = ctx.ids.next();
  const createdAt = toIso(seed.createdAt, ctx.now);
  const comment: CommentRecord = {
    id,
    node_id: nodeId("IssueComment", id),
    issue_number: issue.number,
    user: seed.user,
    body: seed.body ?? "",
    author_association: seed.authorAssociation ?? ctx.associationOf(state, seed.user),
    created_at: createdAt,
    updated_at: toIso(seed.updatedAt ?? createdAt, ctx.now),
  };
  state.comments.push(comment);
  touch(issue, createdAt);
  return comment;
}

/** Adds a submitted (or pending) review to a pull request. */
export function insertReview(ctx: ThreadContext, state: RepoState, pull: IssueRecord, seed: ReviewSeed): ReviewRecord {
  ctx.ensureUser(seed.user);
  const id = ctx.ids.next();
  const reviewState = seed.state ?? "COMMENTED";
  const submittedAt = reviewState === "PENDING" ? null : toIso(seed.submittedAt, ctx.now);
  const review: ReviewRecord = {
    id,
    node_id: nodeId("PullRequestReview", id),
    pull_number: pull.number,
    user: seed.user,
    body: seed.body ?? "",
    state: reviewState,
    author_association: seed.authorAssociation ?? ctx.associationOf(state, seed.user),
    submitted_at: submittedAt,
    commit_id: pull.pull?.head.sha ?? fakeSha(`review:${id}`),
  };
  state.reviews.push(review);
  if (submittedAt) touch(pull, submittedAt);
  return review;
}

/** Adds a review comment (a comment on a line of a pull request's diff). */
export function insertReviewComment(ctx: ThreadContext, state: RepoState, pull: IssueRecord, seed: ReviewCommentSeed): ReviewCommentRecord {
  ctx.ensureUser(seed.user);
  const id = ctx.ids.next();
  const createdAt = toIso(seed.createdAt, ctx.now);
  const comment: ReviewCommentRecord = {
    id,
    node_id: nodeId("PullRequestReviewComment", id),
    pull_number: pull.number,
    review_id: seed.reviewId ?? null,
    user: seed.user,
    body: seed.body ?? "",
    path: seed.path ?? "README.md",
    line: seed.line === undefined ? 1 : seed.line,
    in_reply_to_id: seed.inReplyTo ?? null,
    author_association: seed.authorAssociation ?? ctx.associationOf(state, seed.user),
    created_at: createdAt,
    updated_at: createdAt,
  };
  state.reviewComments.push(comment);
  touch(pull, createdAt);
  return comment;
}

/** Returns the repository label with this name, creating it as GitHub does when labeling an issue. */
export function ensureLabel(ctx: ThreadContext, state: RepoState, name: string, color = "ededed", description: string | null = null): LabelRecord {
  const existing = state.labels.get(name.toLowerCase());
  if (existing) return existing;
  const id = ctx.ids.next();
  const label: LabelRecord = { id, node_id: nodeId("Label", id), name, color, description, default: false };
  state.labels.set(name.toLowerCase(), label);
  return label;
}

function touch(issue: IssueRecord, at: string): void {
  if (at > issue.updated_at) issue.updated_at = at;
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v.toLowerCase()) ? false : (seen.add(v.toLowerCase()), true)));
}
