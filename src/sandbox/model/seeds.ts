import type { AccountType, AuthorAssociation, Permission, ReviewState, StateReason, TimeInput, TrafficPoint, UserType } from "./types.js";

/** Input of `SandboxModel.addInstallation`. */
export interface InstallationSeed {
  id?: number;
  /** Login of the user or organization the app is installed on. */
  account: string;
  accountType?: AccountType;
  /** Defaults to issues, pull requests, metadata and contents; add `administration: "read"` for traffic. */
  permissions?: Record<string, Permission>;
  repositorySelection?: "all" | "selected";
  /** Full names granted when the selection is "selected" (they may be added later too). */
  repositories?: string[];
  events?: string[];
  createdAt?: TimeInput;
}

/** Input of `SandboxModel.addUser`. A login ending in `[bot]` defaults to type Bot. */
export interface UserSeed {
  login: string;
  id?: number;
  type?: UserType;
  name?: string | null;
  company?: string | null;
  email?: string | null;
  location?: string | null;
  bio?: string | null;
  createdAt?: TimeInput;
}

/** Input of `SandboxModel.addRepository`. */
export interface RepositorySeed {
  /** "owner/name". The owner becomes a user (or organization, see `ownerType`) if unknown. */
  fullName: string;
  ownerType?: AccountType;
  id?: number;
  private?: boolean;
  archived?: boolean;
  defaultBranch?: string;
  description?: string | null;
  homepage?: string | null;
  topics?: string[];
  /** SPDX id, e.g. "MIT"; null for no license. */
  license?: string | null;
  createdAt?: TimeInput;
  /** Makes this repository a fork of the given full name. */
  parent?: string;
}

/** Input of `SandboxModel.addIssue`. Only `user` is required. */
export interface IssueSeed {
  user: string;
  number?: number;
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  stateReason?: StateReason;
  locked?: boolean;
  labels?: string[];
  assignees?: string[];
  /** Computed from owner, org membership and collaborators when omitted. */
  authorAssociation?: AuthorAssociation;
  createdAt?: TimeInput;
  updatedAt?: TimeInput;
  closedAt?: TimeInput;
  closedBy?: string;
}

/** Input of `SandboxModel.addPullRequest`. */
export interface PullRequestSeed extends IssueSeed {
  draft?: boolean;
  merged?: boolean;
  mergedAt?: TimeInput;
  mergedBy?: string;
  head?: string;
  base?: string;
}

/** Input of `SandboxModel.addComment`. */
export interface CommentSeed {
  user: string;
  body?: string;
  authorAssociation?: AuthorAssociation;
  createdAt?: TimeInput;
  updatedAt?: TimeInput;
}

/** Input of `SandboxModel.addReview`. */
export interface ReviewSeed {
  user: string;
  state?: ReviewState;
  body?: string;
  authorAssociation?: AuthorAssociation;
  submittedAt?: TimeInput;
}

/** Input of `SandboxModel.addReviewComment`. */
export interface ReviewCommentSeed {
  user: string;
  body?: string;
  path?: string;
  line?: number | null;
  reviewId?: number | null;
  inReplyTo?: number | null;
  authorAssociation?: AuthorAssociation;
  createdAt?: TimeInput;
}

/** Input of `SandboxModel.setTraffic`. */
export interface TrafficSeed {
  views?: TrafficPoint[];
  clones?: TrafficPoint[];
}

/** Input of `SandboxModel.createLabel`. */
export interface LabelSeed {
  name: string;
  color?: string;
  description?: string | null;
}
