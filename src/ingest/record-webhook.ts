import type { DB } from "../store/db.js";
import { recordDelivery } from "../store/ledger.js";
import type { LedgerEntry } from "../domain/ledger.js";
import { toLedgerEntry } from "./to-ledger-entry.js";
import { obj, str } from "../domain/payload-fields.js";

export interface RecordedWebhook {
  /** False when this delivery id was recorded before: a redelivery, nothing new was stored. */
  fresh: boolean;
  entry: LedgerEntry;
}

/**
 * Records one webhook delivery in the ledger, exactly once per `X-GitHub-Delivery` id (Probot's
 * `context.id`). Callers act on a delivery only when it is fresh.
 */
export async function recordWebhook(db: DB, delivery: { id: string; name: string; payload: unknown }, receivedAt: Date): Promise<RecordedWebhook> {
  const entry = toLedgerEntry({ ...delivery, receivedAt });
  const action = str(obj(delivery.payload)?.action);
  const fresh = await recordDelivery(db, { id: delivery.id, event: delivery.name, action, receivedAt }, entry);
  return { fresh, entry };
}
