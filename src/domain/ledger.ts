/**
 * The vocabulary of facts: what the ledger stores for a webhook delivery or a backfilled page.
 * Ingest writes these, the store persists them and the features read them; they live here, below
 * all three, so none of them reaches into another for its types (docs/architecture.md, "Layers").
 */
import type { RepositoryRef } from "./repository.js";

/** What one webhook delivery contributes to the store, derived from its payload alone. */
export interface LedgerEntry {
  repository: RepositoryRef | null;
  installationId: number | null;
  events: LedgerEvent[];
  /** The issue or PR as the payload shows it, for the `items` table. */
  item: ItemSnapshot | null;
  /** Set when the item left the repository (deleted or transferred). */
  removedItemNumber: number | null;
}

/** One fact for the ledger. Times are GitHub's, never the arrival time, unless GitHub gives none. */
export interface LedgerEvent {
  naturalKey: string;
  /** `<webhook event>.<action>`, except that a merged PR's close is `pull_request.merged`. */
  kind: string;
  actorLogin: string;
  actorId: number | null;
  actorType: string;
  /** The actor's `author_association` where the payload states it for the actor. */
  association: string | null;
  itemNumber: number | null;
  isPull: boolean | null;
  occurredAt: Date;
  data: Record<string, unknown> | null;
}

export interface ItemSnapshot {
  number: number;
  isPull: boolean;
  title: string;
  authorLogin: string;
  authorId: number | null;
  authorType: string;
  authorAssociation: string;
  state: "open" | "closed";
  draft: boolean;
  locked: boolean;
  labels: string[];
  assignees: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
}
