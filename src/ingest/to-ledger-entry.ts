import type { LedgerEntry } from "../domain/ledger.js";
import { mapDiscussion, mapDiscussionComment } from "./map-discussion-events.js";
import { mapIssueComment, mapIssues, mapPullRequest, mapReview } from "./map-item-events.js";
import { mapFork, mapStar } from "./map-repository-events.js";
import { num, obj, repository, str } from "../domain/payload-fields.js";

/** The webhook events whose deliveries go into the ledger. */
export const LEDGER_EVENTS = [
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "star",
  "fork",
  "discussion",
  "discussion_comment",
] as const;

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
  receivedAt: Date;
}

/**
 * Turns one delivery into ledger rows. Pure: the same delivery always gives the same entry, which
 * is what lets a redelivery or a backfill of the same facts be recognised and stored once.
 */
export function toLedgerEntry(delivery: Delivery): LedgerEntry {
  const payload = obj(delivery.payload) ?? {};
  const action = str(payload.action) ?? "";
  const entry: LedgerEntry = {
    repository: repository(payload.repository),
    installationId: num(obj(payload.installation)?.id),
    events: [],
    item: null,
    removedItemNumber: null,
  };
  switch (delivery.name) {
    case "issues":
      return { ...entry, ...mapIssues(action, payload) };
    case "issue_comment":
      return { ...entry, ...mapIssueComment(action, payload) };
    case "pull_request":
      return { ...entry, ...mapPullRequest(action, payload) };
    case "pull_request_review":
    case "pull_request_review_comment":
      return { ...entry, ...mapReview(delivery.name, action, payload) };
    case "star": {
      const event = mapStar(action, payload, delivery.id, delivery.receivedAt);
      return { ...entry, events: event ? [event] : [] };
    }
    case "fork": {
      const event = mapFork(payload);
      return { ...entry, events: event ? [event] : [] };
    }
    case "discussion":
      return { ...entry, ...mapDiscussion(action, payload, delivery.receivedAt) };
    case "discussion_comment":
      return { ...entry, ...mapDiscussionComment(action, payload) };
    default:
      return entry;
  }
}
