/**
 * Records held by the sandbox model. Field names follow GitHub's REST API (snake_case) so the
 * REST shapes are thin projections; logins are stored instead of user objects so a renamed or
 * re-typed user shows up consistently everywhere.
 */

export type AccountType = "User" | "Organization";
export type UserType = "User" | "Bot" | "Organization";
export type Permission = "read" | "write" | "admin";
/** GitHub's repository roles, weakest first. */
export type RepositoryRole = "read" | "triage" | "write" | "maintain" | "admin";
/** An organization member is a plain member or an owner ("admin" in the REST API). */
export type OrgRole = "member" | "admin";
export type AuthorAssociation = "OWNER" | "MEMBER" | "COLLABORATOR" | "CONTRIBUTOR" | "FIRST_TIME_CONTRIBUTOR" | "FIRST_TIMER" | "MANNEQUIN" | "NONE";
export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
export type StateReason = "completed" | "not_planned" | "reopened" | null;

export interface UserRecord {
  id: number;
  node_id: string;
  login: string;
  type: UserType;
  name: string | null;
  company: string | null;
  email: string | null;
  location: string | null;
  bio: string | null;
  created_at: string;
}

export interface InstallationRecord {
  id: number;
  account: string;
  permissions: Record<string, Permission>;
  repository_selection: "all" | "selected";
  /** Repository ids granted when the selection is "selected"; unused for "all". */
  repositoryIds: Set<number>;
  events: string[];
  created_at: string;
}

export interface RepositoryRecord {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  private: boolean;
  fork: boolean;
  archived: boolean;
  default_branch: string;
  description: string | null;
  homepage: string | null;
  topics: string[];
  license: string | null;
  /** Full name of the repository this one was forked from. */
  parent: string | null;
  created_at: string;
  updated_at: string;
  pushed_at: string;
}

export interface LabelRecord {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface PullInfo {
  draft: boolean;
  merged: boolean;
  merged_at: string | null;
  merged_by: string | null;
  head: { ref: string; sha: string; repo: string | null };
  base: { ref: string; sha: string };
}

/** Issues and pull requests share one record type, as they share one number sequence on GitHub. */
export interface IssueRecord {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: "open" | "closed";
  state_reason: StateReason;
  locked: boolean;
  labels: string[];
  assignees: string[];
  author_association: AuthorAssociation;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** Present for pull requests only. */
  pull: PullInfo | null;
  /** Node id of the pull request object (GitHub gives PRs a second id next to the issue's). */
  pull_node_id: string | null;
  pull_id: number | null;
}

export interface CommentRecord {
  id: number;
  node_id: string;
  issue_number: number;
  user: string;
  body: string;
  author_association: AuthorAssociation;
  created_at: string;
  updated_at: string;
}

/** GitHub's reaction contents. */
export const REACTION_CONTENTS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

/** A reaction on an issue comment: one per user and content, as on GitHub. */
export interface ReactionRecord {
  id: number;
  node_id: string;
  comment_id: number;
  user: string;
  content: ReactionContent;
  created_at: string;
}

export interface ReviewRecord {
  id: number;
  node_id: string;
  pull_number: number;
  user: string;
  body: string;
  state: ReviewState;
  author_association: AuthorAssociation;
  submitted_at: string | null;
  commit_id: string;
}

export interface ReviewCommentRecord {
  id: number;
  node_id: string;
  pull_number: number;
  review_id: number | null;
  user: string;
  body: string;
  path: string;
  line: number | null;
  in_reply_to_id: number | null;
  author_association: AuthorAssociation;
  created_at: string;
  updated_at: string;
}

/** The timeline event types the model keeps, named as GitHub's GraphQL names them. */
export type TimelineEventType = "ClosedEvent" | "ReopenedEvent" | "LabeledEvent" | "UnlabeledEvent" | "ReadyForReviewEvent" | "ConvertToDraftEvent";

/** One event in an issue's or pull request's timeline, in the order it happened. */
export interface TimelineEventRecord {
  /** Position in the repository's timeline list: unique, never reused (events are never removed). */
  seq: number;
  type: TimelineEventType;
  issue_number: number;
  /** Null when GitHub no longer knows who (a seeded close without `closedBy`). */
  actor: string | null;
  created_at: string;
  /** Labeled and unlabeled events: the label's name. */
  label: string | null;
  /** Closed events of issues: the reason the close gave. */
  state_reason: StateReason | null;
}

export interface StarRecord {
  user: string;
  starred_at: string;
}

export interface TrafficPoint {
  timestamp: string;
  count: number;
  uniques: number;
}

/** A discussion category; `is_answerable` marks a Q&A category, whose discussions can have an accepted answer. */
export interface DiscussionCategoryRecord {
  id: number;
  node_id: string;
  name: string;
  slug: string;
  emoji: string;
  description: string;
  is_answerable: boolean;
  created_at: string;
}

/** The reasons GitHub's "Close discussion" offers (GraphQL's DiscussionCloseReason, lower-cased as webhooks send them). */
export type DiscussionCloseReason = "resolved" | "outdated" | "duplicate";
export type DiscussionStateReason = DiscussionCloseReason | "reopened";

export interface DiscussionRecord {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string;
  user: string;
  category_id: number;
  author_association: AuthorAssociation;
  locked: boolean;
  state: "open" | "closed";
  /** Why it was last closed, or "reopened" once reopened; null while it was never closed. */
  state_reason: DiscussionStateReason | null;
  /** When it was closed; null while open (a reopen clears it, as GitHub's closedAt does). */
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  /** The accepted answer (a top-level comment), when one was chosen. */
  answer_comment_id: number | null;
  answer_chosen_at: string | null;
  answer_chosen_by: string | null;
}

export interface DiscussionCommentRecord {
  id: number;
  node_id: string;
  discussion_number: number;
  /** Database id of the comment this one replies to (GitHub's discussions thread one level deep). */
  parent_id: number | null;
  user: string;
  body: string;
  author_association: AuthorAssociation;
  created_at: string;
  updated_at: string;
}

/** Everything the sandbox knows about one repository. */
export interface RepoState {
  repo: RepositoryRecord;
  issues: Map<number, IssueRecord>;
  nextNumber: number;
  comments: CommentRecord[];
  reviews: ReviewRecord[];
  reviewComments: ReviewCommentRecord[];
  /** Reactions on issue comments, oldest first. */
  reactions: ReactionRecord[];
  /** Closes, reopens, labels and draft changes of every thread, oldest first. */
  timeline: TimelineEventRecord[];
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  labels: Map<string, LabelRecord>;
  stars: StarRecord[];
  forks: string[];
  files: Map<string, string>;
  /** Lower-cased login of each collaborator, with the role given to them on this repository. */
  collaborators: Map<string, RepositoryRole>;
  traffic: { views: TrafficPoint[]; clones: TrafficPoint[] };
  discussionCategories: DiscussionCategoryRecord[];
  /** By number: discussions draw from the same number sequence as issues and pull requests. */
  discussions: Map<number, DiscussionRecord>;
  discussionComments: DiscussionCommentRecord[];
}

/** A timestamp given to a seeding method: an ISO string or a Date. */
export type TimeInput = string | Date;
