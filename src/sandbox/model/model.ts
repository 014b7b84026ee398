import { isoSeconds, nodeId, toIso } from "./ids.js";
import { DiscussionBoard } from "./discussions.js";
import { RepositoryStore } from "./repository-store.js";
import { checkRepositoryRole, repositoryRoleOf } from "./roles.js";
import type { CommentSeed, InstallationSeed, IssueSeed, PullRequestSeed, ReviewCommentSeed, ReviewSeed } from "./seeds.js";
import { ensureLabel, insertComment, insertIssue, insertReview, insertReviewComment, mergePull, patchIssue, type IssuePatch } from "./threads.js";
import { recordLabelChanges, setPullDraft, timelineOf } from "./timeline.js";
import type {
  CommentRecord,
  DiscussionCommentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  Permission,
  ReactionContent,
  ReactionRecord,
  RepoState,
  RepositoryRecord,
  RepositoryRole,
  ReviewCommentRecord,
  ReviewRecord,
  TimeInput,
  TimelineEventRecord,
} from "./types.js";

const DEFAULT_PERMISSIONS = { issues: "write", pull_requests: "write", metadata: "read", contents: "read" } as const;

/**
 * The in-memory GitHub behind the sandbox: accounts and repositories (see `RepositoryStore`),
 * who holds which role on a repository, installations, and the issue/pull request threads. Seeding methods take camelCase options and
 * create missing users on the fly; accessors return the live records so tests can assert state.
 * Logins and repository names match case-insensitively, as on GitHub.
 */
export class SandboxModel extends RepositoryStore {
  readonly #installations = new Map<number, InstallationRecord>();
  /** Discussion categories, discussions, their comments and answers. */
  readonly discussions: DiscussionBoard = new DiscussionBoard(this.threads, (fullName) => this.repoState(fullName));

  /** Installs the app on an account ("all" repositories unless `repositories` are listed). */
  addInstallation(seed: InstallationSeed): InstallationRecord {
    const account = this.getUser(seed.account) ?? this.addUser({ login: seed.account, type: seed.accountType ?? "User" });
    const id = seed.id === undefined ? this.ids.next() : this.ids.reserve(seed.id);
    const installation: InstallationRecord = {
      id,
      account: account.login,
      permissions: { ...(seed.permissions ?? DEFAULT_PERMISSIONS) },
      repository_selection: seed.repositorySelection ?? (seed.repositories ? "selected" : "all"),
      repositoryIds: new Set(),
      events: seed.events ?? ["issues", "issue_comment", "pull_request", "pull_request_review", "star", "fork"],
      created_at: toIso(seed.createdAt, this.now),
    };
    this.#installations.set(id, installation);
    for (const fullName of seed.repositories ?? []) this.grantRepository(id, fullName);
    return installation;
  }

  /** Adds a repository to a "selected" installation, creating the repository if unknown. */
  grantRepository(installationId: number, fullName: string): void {
    const installation = this.#installations.get(installationId);
    if (!installation) throw new Error(`sandbox: no installation ${installationId}`);
    const repo = this.getRepository(fullName) ?? this.addRepository({ fullName });
    installation.repositoryIds.add(repo.id);
  }

  /** Deletes a repository (see `RepositoryStore`), withdrawing it from the installations granted it. */
  override deleteRepository(fullName: string): RepositoryRecord {
    const repo = super.deleteRepository(fullName);
    for (const installation of this.#installations.values()) installation.repositoryIds.delete(repo.id);
    return repo;
  }

  removeInstallation(id: number): boolean {
    return this.#installations.delete(id);
  }

  /** Grants one permission, e.g. `discussions: write` as app.yml asks for, which the defaults lack. */
  setInstallationPermission(id: number, name: string, level: Permission): InstallationRecord {
    const installation = this.#installations.get(id);
    if (!installation) throw new Error(`sandbox: no installation ${id}`);
    installation.permissions[name] = level;
    return installation;
  }

  /** A discussion's comments and replies, for callers outside the process (the control API). */
  listDiscussionComments(fullName: string, number: number): DiscussionCommentRecord[] {
    return this.discussions.comments(fullName, number);
  }

  getInstallation(id: number): InstallationRecord | undefined {
    return this.#installations.get(id);
  }

  listInstallations(): InstallationRecord[] {
    return [...this.#installations.values()];
  }

  /** The installation on an account, if the app is installed there. */
  installationForAccount(login: string): InstallationRecord | undefined {
    return this.listInstallations().find((i) => i.account.toLowerCase() === login.toLowerCase());
  }

  /** Repositories an installation can reach, in creation order. */
  installationRepositories(installationId: number): RepositoryRecord[] {
    const installation = this.#installations.get(installationId);
    if (!installation) return [];
    return this.listRepositories().filter((r) =>
      installation.repository_selection === "all"
        ? r.owner.toLowerCase() === installation.account.toLowerCase()
        : installation.repositoryIds.has(r.id),
    );
  }

  /** Records a repository collaborator (author_association COLLABORATOR) with "write", GitHub's default; a role given before stays. */
  addCollaborator(fullName: string, login: string): void {
    const collaborators = this.repoState(fullName).collaborators;
    this.ensureUser(login);
    if (!collaborators.has(login.toLowerCase())) collaborators.set(login.toLowerCase(), "write");
  }

  /** Makes `login` a collaborator with `role` on the repository (a stronger role from elsewhere still wins); null removes them. */
  setRepositoryRole(fullName: string, login: string, role: RepositoryRole | null): void {
    const collaborators = this.repoState(fullName).collaborators;
    if (role === null) {
      collaborators.delete(login.toLowerCase());
      return;
    }
    const checked = checkRepositoryRole(role);
    this.ensureUser(login);
    collaborators.set(login.toLowerCase(), checked);
  }

  /** The strongest role `login` holds on the repository (as its owner, through its organization, or given), or null. */
  repositoryRole(fullName: string, login: string): RepositoryRole | null {
    return repositoryRoleOf(this.repoState(fullName), this.memberships, login);
  }

  /** Opens (or seeds a closed) issue. */
  addIssue(fullName: string, seed: IssueSeed): IssueRecord {
    return insertIssue(this.threads, this.repoState(fullName), seed, false);
  }

  /** Opens (or seeds a closed or merged) pull request. */
  addPullRequest(fullName: string, seed: PullRequestSeed): IssueRecord {
    return insertIssue(this.threads, this.repoState(fullName), seed, true);
  }

  /** An issue or pull request by number (both live in one sequence). */
  getIssue(fullName: string, number: number): IssueRecord | undefined {
    return this.repoState(fullName).issues.get(number);
  }

  getPullRequest(fullName: string, number: number): IssueRecord | undefined {
    const issue = this.getIssue(fullName, number);
    return issue?.pull ? issue : undefined;
  }

  /** Issues and pull requests in number order. */
  listIssues(fullName: string): IssueRecord[] {
    return [...this.repoState(fullName).issues.values()].sort((a, b) => a.number - b.number);
  }

  /**
   * Applies a REST-style update made by `actor` (closing sets closed_at, closed_by, state_reason),
   * at `at` or the model clock.
   */
  updateIssue(fullName: string, number: number, patch: IssuePatch, actor: string, at?: TimeInput): IssueRecord {
    const state = this.repoState(fullName);
    return patchIssue(this.threads, state, this.#issue(state, number), patch, actor, at);
  }

  /** Merges an open pull request by `actor`, at `at` or the model clock. */
  mergePullRequest(fullName: string, number: number, actor: string, at?: TimeInput): IssueRecord {
    const state = this.repoState(fullName);
    return mergePull(this.threads, state, this.#pull(state, number), actor, at);
  }

  /** Marks an open draft pull request ready for review (`draft` false) or converts it to a draft, by `actor`. */
  setPullDraft(fullName: string, number: number, draft: boolean, actor: string, at?: TimeInput): IssueRecord {
    const state = this.repoState(fullName);
    this.ensureUser(actor);
    return setPullDraft(state, this.#pull(state, number), draft, actor, toIso(at, this.now));
  }

  /**
   * Adds labels to an issue, creating missing repository labels as GitHub does; returns its labels.
   * `actor` (who put them on, for the timeline) is unknown when not given.
   */
  addLabelsToIssue(fullName: string, number: number, names: string[], at?: TimeInput, actor?: string): LabelRecord[] {
    const state = this.repoState(fullName);
    const issue = this.#issue(state, number);
    const before = [...issue.labels];
    for (const name of names) {
      const label = ensureLabel(this.threads, state, name);
      if (!issue.labels.some((n) => n.toLowerCase() === label.name.toLowerCase())) issue.labels.push(label.name);
    }
    issue.updated_at = toIso(at, this.now);
    recordLabelChanges(state, issue, before, actor ?? null, issue.updated_at);
    return this.issueLabels(fullName, number);
  }

  /** Removes a label from an issue (by `actor`, unknown when not given); false when the issue did not have it. */
  removeLabelFromIssue(fullName: string, number: number, name: string, at?: TimeInput, actor?: string): boolean {
    const state = this.repoState(fullName);
    const issue = this.#issue(state, number);
    const index = issue.labels.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (index < 0) return false;
    const before = [...issue.labels];
    issue.labels.splice(index, 1);
    issue.updated_at = toIso(at, this.now);
    recordLabelChanges(state, issue, before, actor ?? null, issue.updated_at);
    return true;
  }

  /** An issue's or pull request's closes, reopens, label and draft changes, oldest first. */
  listTimeline(fullName: string, number: number): TimelineEventRecord[] {
    return timelineOf(this.repoState(fullName), number);
  }

  /** The label records on an issue, in the order they were added. */
  issueLabels(fullName: string, number: number): LabelRecord[] {
    const state = this.repoState(fullName);
    return this.#issue(state, number).labels.flatMap((n) => state.labels.get(n.toLowerCase()) ?? []);
  }

  /** Adds an issue comment (pull requests take issue comments too). */
  addComment(fullName: string, number: number, seed: CommentSeed): CommentRecord {
    const state = this.repoState(fullName);
    return insertComment(this.threads, state, this.#issue(state, number), seed);
  }

  /** Comments of one issue or pull request, oldest first. */
  listComments(fullName: string, number: number): CommentRecord[] {
    return this.repoState(fullName).comments.filter((c) => c.issue_number === number);
  }

  /** Every issue comment of the repository, oldest first. */
  listRepoComments(fullName: string): CommentRecord[] {
    return this.repoState(fullName).comments;
  }

  getComment(fullName: string, id: number): CommentRecord | undefined {
    return this.repoState(fullName).comments.find((c) => c.id === id);
  }

  updateComment(fullName: string, id: number, body: string): CommentRecord | undefined {
    const comment = this.getComment(fullName, id);
    if (comment) Object.assign(comment, { body, updated_at: isoSeconds(this.now()) });
    return comment;
  }

  /**
   * Reacts to an issue comment as `user`; a reaction they already gave with that content is
   * returned as it is (`created: false`), as GitHub answers 200 instead of 201.
   */
  addReaction(fullName: string, commentId: number, user: string, content: ReactionContent): { reaction: ReactionRecord; created: boolean } {
    const state = this.repoState(fullName);
    if (!state.comments.some((c) => c.id === commentId)) throw new Error(`sandbox: no comment ${commentId} in ${fullName}`);
    const same = (r: ReactionRecord) => r.comment_id === commentId && r.content === content && r.user.toLowerCase() === user.toLowerCase();
    const existing = state.reactions.find(same);
    if (existing) return { reaction: existing, created: false };
    this.ensureUser(user);
    const id = this.ids.next();
    const reaction: ReactionRecord = {
      id,
      node_id: nodeId("Reaction", id),
      comment_id: commentId,
      user,
      content,
      created_at: isoSeconds(this.now()),
    };
    state.reactions.push(reaction);
    return { reaction, created: true };
  }

  /** The reactions on one issue comment, oldest first. */
  listReactions(fullName: string, commentId: number): ReactionRecord[] {
    return this.repoState(fullName).reactions.filter((r) => r.comment_id === commentId);
  }

  deleteComment(fullName: string, id: number): boolean {
    const comments = this.repoState(fullName).comments;
    const index = comments.findIndex((c) => c.id === id);
    if (index >= 0) comments.splice(index, 1);
    return index >= 0;
  }

  /** Adds a review to a pull request (COMMENTED unless `state` says otherwise). */
  addReview(fullName: string, number: number, seed: ReviewSeed): ReviewRecord {
    const state = this.repoState(fullName);
    return insertReview(this.threads, state, this.#pull(state, number), seed);
  }

  listReviews(fullName: string, number: number): ReviewRecord[] {
    return this.repoState(fullName).reviews.filter((r) => r.pull_number === number);
  }

  /** Adds a review comment on a pull request's diff. */
  addReviewComment(fullName: string, number: number, seed: ReviewCommentSeed): ReviewCommentRecord {
    const state = this.repoState(fullName);
    return insertReviewComment(this.threads, state, this.#pull(state, number), seed);
  }

  listReviewComments(fullName: string, number: number): ReviewCommentRecord[] {
    return this.repoState(fullName).reviewComments.filter((c) => c.pull_number === number);
  }

  #issue(state: RepoState, number: number): IssueRecord {
    const issue = state.issues.get(number);
    if (!issue) throw new Error(`sandbox: no issue or pull request #${number} in ${state.repo.owner}/${state.repo.name}`);
    return issue;
  }

  #pull(state: RepoState, number: number): IssueRecord {
    const issue = this.#issue(state, number);
    if (!issue.pull) throw new Error(`sandbox: #${number} is an issue, not a pull request`);
    return issue;
  }
}
