import type { LedgerEntry, RepositoryRef } from "./ledger-entry.js";
import { mapIssueComment, mapIssues, mapPullRequest, mapReview } from "./map-item-events.js";
import { mapFork, mapStar } from "./map-repository-events.js";
import { num, obj, str, type Json } from "./payload-fields.js";

/** The webhook events whose deliveries go into the ledger. */
export const LEDGER_EVENTS = [
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "star",
  "fork",
] as const;

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
  receivedAt: Date;
}

/** Reads the repository a payload is about; null for account-level events. */
export function repositoryRef(payload: Json): RepositoryRef | null {
  const repo = obj(payload.repository);
  const id = num(repo?.id);
  const fullName = str(repo?.full_name);
  if (!repo || id === null || !fullName) return null;
  const [ownerFromName = "", nameFromName = ""] = fullName.split("/");
  return {
    id,
    owner: str(obj(repo.owner)?.login) ?? ownerFromName,
    name: str(repo.name) ?? nameFromName,
    fullName,
    private: repo.private === true,
  };
}

/**
 * Turns one delivery into ledger rows. Pure: the same delivery always gives the same entry, which
 * is what lets a redelivery or a backfill of the same facts be recognised and stored once.
 */
export function toLedgerEntry(delivery: Delivery): LedgerEntry {
  const payload = obj(delivery.payload) ?? {};
  const action = str(payload.action) ?? "";
  const entry: LedgerEntry = {
    repository: repositoryRef(payload),
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
    default:
      return entry;
  }
}
