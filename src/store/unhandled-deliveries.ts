import type Database from "better-sqlite3";
import { asc, eq, inArray, lt, sql } from "drizzle-orm";
import { type DB, inTransaction, sqliteClientOf, tablesOf, type Tables } from "./engine.js";

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
  const { unhandledDeliveries } = tablesOf(db);
  const [row] = await db.select().from(unhandledDeliveries).where(eq(unhandledDeliveries.id, id)).limit(1);
  return row ? toDelivery(row) : undefined;
}

/** The oldest unhandled deliveries received before `before` (younger ones may still be in hand). */
export async function listUnhandledDeliveries(db: DB, before: Date, limit: number): Promise<UnhandledDelivery[]> {
  const { unhandledDeliveries } = tablesOf(db);
  const rows = await db
    .select()
    .from(unhandledDeliveries)
    .where(lt(unhandledDeliveries.receivedAt, before))
    .orderBy(asc(unhandledDeliveries.receivedAt), asc(unhandledDeliveries.id))
    .limit(limit);
  return rows.map(toDelivery);
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
        deleteHandled(db, ids).then(resolve, reject);
      });
    });
    queue = { ids, flushed };
    handledQueues.set(db, queue);
  }
  queue.ids.push(id);
  return queue.flushed;
}

const removeStatements = new WeakMap<Database.Database, Database.Statement>();

/** SQLite: a statement prepared once, run per id in one transaction. PostgreSQL: one statement, its own transaction. */
async function deleteHandled(db: DB, ids: string[]): Promise<void> {
  const sqlite = sqliteClientOf(db);
  if (sqlite) {
    let remove = removeStatements.get(sqlite);
    if (!remove) {
      remove = sqlite.prepare("DELETE FROM unhandled_deliveries WHERE id = ?");
      removeStatements.set(sqlite, remove);
    }
    const statement = remove;
    await inTransaction(db, async () => {
      for (const handled of ids) statement.run(handled);
    });
    return;
  }
  const { unhandledDeliveries } = tablesOf(db);
  await db.delete(unhandledDeliveries).where(inArray(unhandledDeliveries.id, ids));
}

/** A feature failed on the delivery: it stays for the recovery job, which tries it again. */
export async function noteHandlingFailure(db: DB, id: string, error: string): Promise<void> {
  const { unhandledDeliveries } = tablesOf(db);
  await db
    .update(unhandledDeliveries)
    .set({ attempts: sql`${unhandledDeliveries.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(unhandledDeliveries.id, id));
}

function toDelivery(row: Tables["unhandledDeliveries"]["$inferSelect"]): UnhandledDelivery {
  return { ...row, payload: JSON.parse(row.payload) as Record<string, unknown> };
}
