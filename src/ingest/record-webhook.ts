import type { LedgerEntry } from "../domain/ledger.js";
import { obj, str } from "../domain/payload-fields.js";
import type { DB } from "../store/db.js";
import { type RecordOutcome, recordDelivery } from "../store/ledger.js";
import { toLedgerEntry } from "./to-ledger-entry.js";

export interface RecordedWebhook {
  /** `fresh` the first time, `duplicate` for a redelivery, `not-served` when nothing was stored. */
  outcome: RecordOutcome;
  entry: LedgerEntry;
}

/**
 * Records one webhook delivery in the ledger, exactly once per `X-GitHub-Delivery` id (Probot's
 * `context.id`), with its payload kept until the features handled it (when any feature acts on it).
 */
export async function recordWebhook(
  db: DB,
  delivery: { id: string; name: string; payload: unknown; rawBody?: string },
  receivedAt: Date,
  options: { keepPayload: boolean } = { keepPayload: true },
): Promise<RecordedWebhook> {
  const entry = toLedgerEntry({ ...delivery, receivedAt });
  const action = str(obj(delivery.payload)?.action);
  const payload = options.keepPayload ? (delivery.rawBody ?? JSON.stringify(delivery.payload)) : null;
  const outcome = await recordDelivery(db, { id: delivery.id, event: delivery.name, action, receivedAt, payload }, entry);
  return { outcome, entry };
}
