import type { CommentRecord, IssueRecord, RepoState, ReviewCommentRecord, ReviewRecord } from "../model/types.js";
import { appShape, simpleUser } from "./shapes-account.js";
import { labelShape, repoShape } from "./shapes-repo.js";
import type { ShapeContext } from "./types.js";

function repoUrls(ctx: ShapeContext, state: RepoState): { api: string; web: string } {
  const fullName = `${state.repo.owner}/${state.repo.name}`;
  return { api: `${ctx.urls.api}/repos/${fullName}`, web: `${ctx.urls.web}/${fullName}` };
}

/** An issue (or a pull request seen through the issues API, with its `pull_request` key). */
export function issueShape(ctx: ShapeContext, state: RepoState, issue: IssueRecord): Record<string, unknown> {
  const urls = repoUrls(ctx, state);
  const url = `${urls.api}/issues/${issue.number}`;
  const shape: Record<string, unknown> = {
    url,
    repository_url: urls.api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.web}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    user: simpleUser(ctx, issue.user),
    performed_via_github_app: viaApp(ctx, issue.user),
    labels: labelsOf(ctx, state, issue),
    state: issue.state,
    locked: issue.locked,
    assignee: issue.assignees[0] === undefined ? null : simpleUser(ctx, issue.assignees[0]),
    assignees: issue.assignees.map((login) => simpleUser(ctx, login)),
    milestone: null,
    comments: state.comments.filter((c) => c.issue_number === issue.number).length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    closed_by: issue.closed_by === null ? null : simpleUser(ctx, issue.closed_by),
    author_association: issue.author_association,
    active_lock_reason: null,
    body: issue.body,
    state_reason: issue.state_reason,
  };
  if (issue.pull) {
    shape["draft"] = issue.pull.draft;
    shape["pull_request"] = {
      url: `${urls.api}/pulls/${issue.number}`,
      html_url: `${urls.web}/pull/${issue.number}`,
      diff_url: `${urls.web}/pull/${issue.number}.diff`,
      patch_url: `${urls.web}/pull/${issue.number}.patch`,
      merged_at: issue.pull.merged_at,
    };
  }
  return shape;
}

/** A pull request as the pulls API returns it. */
export function pullShape(ctx: ShapeContext, state: RepoState, issue: IssueRecord): Record<string, unknown> {
  const pull = issue.pull;
  if (!pull) throw new Error(`sandbox: #${issue.number} is not a pull request`);
  const urls = repoUrls(ctx, state);
  const url = `${urls.api}/pulls/${issue.number}`;
  const repo = repoShape(ctx, state);
  const branch = (ref: string, sha: string) => ({ label: `${state.repo.owner}:${ref}`, ref, sha, user: simpleUser(ctx, state.repo.owner), repo });
  return {
    url,
    id: issue.pull_id,
    node_id: issue.pull_node_id,
    html_url: `${urls.web}/pull/${issue.number}`,
    diff_url: `${urls.web}/pull/${issue.number}.diff`,
    patch_url: `${urls.web}/pull/${issue.number}.patch`,
    issue_url: `${urls.api}/issues/${issue.number}`,
    comments_url: `${urls.api}/issues/${issue.number}/comments`,
    review_comments_url: `${url}/comments`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: simpleUser(ctx, issue.user),
    body: issue.body,
    labels: labelsOf(ctx, state, issue),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    merged_at: pull.merged_at,
    merge_commit_sha: pull.merged ? pull.head.sha : null,
    assignee: issue.assignees[0] === undefined ? null : simpleUser(ctx, issue.assignees[0]),
    assignees: issue.assignees.map((login) => simpleUser(ctx, login)),
    requested_reviewers: [],
    requested_teams: [],
    head: branch(pull.head.ref, pull.head.sha),
    base: branch(pull.base.ref, pull.base.sha),
    author_association: issue.author_association,
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: null,
    merged_by: pull.merged_by === null ? null : simpleUser(ctx, pull.merged_by),
    comments: state.comments.filter((c) => c.issue_number === issue.number).length,
    review_comments: state.reviewComments.filter((c) => c.pull_number === issue.number).length,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** An issue comment. */
export function commentShape(ctx: ShapeContext, state: RepoState, comment: CommentRecord): Record<string, unknown> {
  const urls = repoUrls(ctx, state);
  const issue = state.issues.get(comment.issue_number);
  return {
    url: `${urls.api}/issues/comments/${comment.id}`,
    html_url: `${urls.web}/${issue?.pull ? "pull" : "issues"}/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${urls.api}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: comment.node_id,
    user: simpleUser(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: comment.author_association,
    body: comment.body,
    performed_via_github_app: viaApp(ctx, comment.user),
  };
}

/** A pull request review. */
export function reviewShape(ctx: ShapeContext, state: RepoState, review: ReviewRecord): Record<string, unknown> {
  const urls = repoUrls(ctx, state);
  return {
    id: review.id,
    node_id: review.node_id,
    user: simpleUser(ctx, review.user),
    body: review.body,
    state: review.state,
    html_url: `${urls.web}/pull/${review.pull_number}#pullrequestreview-${review.id}`,
    pull_request_url: `${urls.api}/pulls/${review.pull_number}`,
    author_association: review.author_association,
    ...(review.submitted_at === null ? {} : { submitted_at: review.submitted_at }),
    commit_id: review.commit_id,
  };
}

/** A pull request review comment (a comment on the diff). */
export function reviewCommentShape(ctx: ShapeContext, state: RepoState, comment: ReviewCommentRecord): Record<string, unknown> {
  const urls = repoUrls(ctx, state);
  return {
    url: `${urls.api}/pulls/comments/${comment.id}`,
    pull_request_review_id: comment.review_id,
    id: comment.id,
    node_id: comment.node_id,
    diff_hunk: "@@ -1 +1 @@",
    path: comment.path,
    commit_id: state.issues.get(comment.pull_number)?.pull?.head.sha ?? null,
    original_commit_id: state.issues.get(comment.pull_number)?.pull?.head.sha ?? null,
    in_reply_to_id: comment.in_reply_to_id ?? undefined,
    user: simpleUser(ctx, comment.user),
    body: comment.body,
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: `${urls.web}/pull/${comment.pull_number}#discussion_r${comment.id}`,
    pull_request_url: `${urls.api}/pulls/${comment.pull_number}`,
    author_association: comment.author_association,
    line: comment.line,
    side: "RIGHT",
  };
}

function labelsOf(ctx: ShapeContext, state: RepoState, issue: IssueRecord): Record<string, unknown>[] {
  return issue.labels.flatMap((name) => {
    const label = state.labels.get(name.toLowerCase());
    return label ? [labelShape(ctx, state, label)] : [];
  });
}

/** GitHub names the app that wrote a comment or an issue with an installation token, else null. */
function viaApp(ctx: ShapeContext, author: string): Record<string, unknown> | null {
  return ctx.app && author === ctx.app.botLogin ? appShape(ctx, ctx.app) : null;
}
