import type { DB } from "../store/db.js";
import { forgetDelivery, recordDelivery } from "../store/ledger.js";
import { num, obj, str } from "../domain/payload-fields.js";

/** What a delivery is, as Probot's context gives it. */
export interface DeliveryContext {
  id: string;
  name: string;
  payload: unknown;
}

/**
 * Handles a delivery that brings no ledger facts (installation and repository events) once, however
 * often and on however many replicas it arrives: its id is recorded in the ledger's `deliveries`
 * first, and a delivery recorded before is skipped. Returns whether it was handled here. When
 * `handle` fails, the record is taken back, so GitHub's redelivery is handled anew.
 */
export async function oncePerDelivery(db: DB, context: DeliveryContext, receivedAt: Date, handle: () => Promise<void>): Promise<boolean> {
  const payload = obj(context.payload) ?? {};
  const installationId = num(obj(payload.installation)?.id);
  const meta = { id: context.id, event: context.name, action: str(payload.action), receivedAt, payload: null };
  const entry = { repository: null, installationId, events: [], item: null, removedItemNumber: null };
  if ((await recordDelivery(db, meta, entry)) === "duplicate") return false;
  try {
    await handle();
  } catch (error) {
    await forgetDelivery(db, context.id);
    throw error;
  }
  return true;
}
