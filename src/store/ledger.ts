import { and, count, eq, max, min, sql } from "drizzle-orm";
import type { LedgerEntry } from "../ingest/ledger-entry.js";
import type { DB } from "./db.js";
import { deliveries, events, items, repositories } from "./schema.js";

export interface DeliveryMeta {
  id: string;
  event: string;
  action: string | null;
  receivedAt: Date;
}

/**
 * Stores one delivery and its ledger rows in a single transaction. Returns false, writing nothing,
 * when this delivery id was already recorded: GitHub redelivers, and a delivery may arrive twice
 * at once; SQLite serialises the two transactions, so exactly one of them wins.
 */
export async function recordDelivery(db: DB, meta: DeliveryMeta, entry: LedgerEntry): Promise<boolean> {
  const repositoryId = entry.repository?.id ?? null;
  return db.transaction((tx) => {
    const inserted = tx
      .insert(deliveries)
      .values({ ...meta, repositoryId, installationId: entry.installationId })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return false;
    if (!repositoryId) return true;
    if (entry.repository && entry.installationId !== null) {
      // A repository can send events before Steward saw its installation (a lost delivery, a
      // database restored from backup); register it rather than drop its events.
      tx.insert(repositories)
        .values({ ...entry.repository, installationId: entry.installationId, registeredAt: meta.receivedAt })
        .onConflictDoNothing()
        .run();
    }
    for (const event of entry.events) {
      tx.insert(events)
        .values({ ...event, repositoryId, deliveryId: meta.id })
        .onConflictDoNothing()
        .run();
    }
    if (entry.item) {
      const { number, ...fields } = entry.item;
      tx.insert(items)
        .values({ repositoryId, number, ...fields })
        .onConflictDoUpdate({
          target: [items.repositoryId, items.number],
          set: fields,
          // Deliveries can arrive out of order; an older snapshot must not overwrite a newer one.
          setWhere: sql`${items.updatedAt} <= ${fields.updatedAt.getTime()}`,
        })
        .run();
    }
    if (entry.removedItemNumber !== null) {
      tx.delete(items)
        .where(and(eq(items.repositoryId, repositoryId), eq(items.number, entry.removedItemNumber)))
        .run();
    }
    return true;
  });
}

export interface LedgerSummary {
  deliveries: number;
  events: number;
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  eventsByKind: Record<string, number>;
  items: { openIssues: number; closedIssues: number; openPullRequests: number; closedPullRequests: number };
}

/** What the ledger holds for one repository, for `steward report`. */
export async function summarizeLedger(db: DB, repositoryId: number): Promise<LedgerSummary> {
  const deliveryCount = db
    .select({ n: count() })
    .from(deliveries)
    .where(eq(deliveries.repositoryId, repositoryId))
    .get();
  const span = db
    .select({ n: count(), first: min(events.occurredAt), last: max(events.occurredAt) })
    .from(events)
    .where(eq(events.repositoryId, repositoryId))
    .get();
  const byKind = db
    .select({ kind: events.kind, n: count() })
    .from(events)
    .where(eq(events.repositoryId, repositoryId))
    .groupBy(events.kind)
    .orderBy(events.kind)
    .all();
  const itemCounts = db
    .select({ isPull: items.isPull, state: items.state, n: count() })
    .from(items)
    .where(eq(items.repositoryId, repositoryId))
    .groupBy(items.isPull, items.state)
    .all();
  const itemTotal = (isPull: boolean, state: "open" | "closed") =>
    itemCounts.find((row) => row.isPull === isPull && row.state === state)?.n ?? 0;
  return {
    deliveries: deliveryCount?.n ?? 0,
    events: span?.n ?? 0,
    firstEventAt: toDate(span?.first),
    lastEventAt: toDate(span?.last),
    eventsByKind: Object.fromEntries(byKind.map((row) => [row.kind, row.n])),
    items: {
      openIssues: itemTotal(false, "open"),
      closedIssues: itemTotal(false, "closed"),
      openPullRequests: itemTotal(true, "open"),
      closedPullRequests: itemTotal(true, "closed"),
    },
  };
}

/** min()/max() over a timestamp column come back as the raw stored number. */
function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  return null;
}
