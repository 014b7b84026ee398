import { asc, eq, lt, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { unhandledDeliveries } from "./schema.js";

/** A delivery whose features have not all run to the end. */
export interface UnhandledDelivery {
  id: string;
  event: string;
  installationId: number | null;
  repositoryId: number;
  payload: Record<string, unknown>;
  receivedAt: Date;
  attempts: number;
}

/** The unhandled delivery with this id, if its features have not all run yet. */
export async function findUnhandledDelivery(db: DB, id: string): Promise<UnhandledDelivery | undefined> {
  const row = db.select().from(unhandledDeliveries).where(eq(unhandledDeliveries.id, id)).get();
  return row ? toDelivery(row) : undefined;
}

/** The oldest unhandled deliveries received before `before` (younger ones may still be in hand). */
export async function listUnhandledDeliveries(db: DB, before: Date, limit: number): Promise<UnhandledDelivery[]> {
  return db
    .select()
    .from(unhandledDeliveries)
    .where(lt(unhandledDeliveries.receivedAt, before))
    .orderBy(asc(unhandledDeliveries.receivedAt))
    .limit(limit)
    .all()
    .map(toDelivery);
}

const handledQueues = new WeakMap<DB, { ids: string[]; flushed: Promise<void> }>();

/**
 * Every feature ran on the delivery: its payload is not needed any more. The deletions of one turn
 * of the event loop share one transaction: a commit per delivery cost as much as recording it. A
 * crash before the commit only means the delivery is run once more, which its claims make harmless.
 */
export function markDeliveryHandled(db: DB, id: string): Promise<void> {
  let queue = handledQueues.get(db);
  if (!queue) {
    const ids: string[] = [];
    const flushed = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        handledQueues.delete(db);
        try {
          const remove = db.$client.prepare("DELETE FROM unhandled_deliveries WHERE id = ?");
          db.$client.transaction(() => {
            for (const handled of ids) remove.run(handled);
          })();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    queue = { ids, flushed };
    handledQueues.set(db, queue);
  }
  queue.ids.push(id);
  return queue.flushed;
}

/** A feature failed on the delivery: it stays for the recovery job, which tries it again. */
export async function noteHandlingFailure(db: DB, id: string, error: string): Promise<void> {
  db.update(unhandledDeliveries)
    .set({ attempts: sql`${unhandledDeliveries.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(unhandledDeliveries.id, id))
    .run();
}

function toDelivery(row: typeof unhandledDeliveries.$inferSelect): UnhandledDelivery {
  return { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> };
}
