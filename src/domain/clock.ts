/**
 * What the response clock reads: an item as the `items` table keeps it and its facts from the
 * event ledger. Plain data, so the clock stays pure and tests build inputs by hand. It lives in the
 * vocabulary because two layers speak it: the store loads exactly these kinds and shapes, and the
 * clock (sla/) judges them; neither imports the other.
 */
import { CLOCK_COMMAND_KINDS } from "./commands.js";

export interface ClockItem {
  number: number;
  isPull: boolean;
  title: string;
  authorLogin: string;
  /**
   * The author's account id, where GitHub gave one: it survives a rename, the login does not, so
   * the clock knows the author by it (`samePerson`). Left out by inputs built by hand.
   */
  authorId?: number | null;
  authorType: string;
  authorAssociation: string;
  /**
   * A discussion (built from its facts, never an `items` row): on the clock like an issue, by the
   * issues' rules. Its number cannot be an issue's, as they share one sequence.
   */
  isDiscussion?: boolean;
  state: "open" | "closed";
  draft: boolean;
  locked: boolean;
  labels: readonly string[];
  assignees: readonly string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface ClockEvent {
  /** The ledger kind, e.g. `issue_comment.created`, `issues.labeled`, `pull_request.merged`. */
  kind: string;
  actorLogin: string;
  /** The actor's account id, where GitHub gave one (see `ClockItem.authorId`). */
  actorId?: number | null;
  actorType: string;
  /** The actor's author_association where the payload gave it (comments, reviews). */
  association: string | null;
  occurredAt: Date;
  data: Record<string, unknown> | null;
}

/** A half-open span of time `[start, end)` in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** The ledger kinds that can be a first response: a comment, a review, a close or a merge. */
export const RESPONSE_EVENT_KINDS = [
  "issue_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
  "issues.closed",
  "pull_request.closed",
  "pull_request.merged",
] as const;

/** The ledger kinds that close an item or open it again. */
export const CLOSE_EVENT_KINDS = ["issues.closed", "pull_request.closed", "pull_request.merged"] as const;
export const REOPEN_EVENT_KINDS = ["issues.reopened", "pull_request.reopened"] as const;

/**
 * A discussion's own facts, which decide whether it is open and in which category: its opening,
 * an accepted answer chosen or unmarked, a close and a reopen, a move to another category, and
 * its end in this repository (deleted, or transferred to another).
 */
export const DISCUSSION_STATE_KINDS = [
  "discussion.created",
  "discussion.answered",
  "discussion.unanswered",
  "discussion.closed",
  "discussion.reopened",
  "discussion.category_changed",
  "discussion.deleted",
  "discussion.transferred",
] as const;

/**
 * The ledger kinds that change what the clock reads of an item's state (open or closed, labels,
 * draft): through them an item is taken back to an earlier instant (`itemAt`, src/sla/item-at.ts).
 */
export const ITEM_STATE_EVENT_KINDS = [
  ...CLOSE_EVENT_KINDS,
  ...REOPEN_EVENT_KINDS,
  "issues.labeled",
  "issues.unlabeled",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
] as const;

/** The ledger kinds the clock reads; the store loads only these. */
export const CLOCK_EVENT_KINDS = [
  ...RESPONSE_EVENT_KINDS,
  ...CLOCK_COMMAND_KINDS,
  "issues.labeled",
  "issues.unlabeled",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.opened",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
] as const;
