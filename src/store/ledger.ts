import type Database from "better-sqlite3";
import { count, eq, max, min } from "drizzle-orm";
import type { LedgerEntry } from "../domain/ledger.js";
import { type DB, inTransaction, lockForTransaction, runStatement, selectRows, sqlFromText, sqliteClientOf, tablesOf } from "./engine.js";
import { CONTRIBUTOR_LABEL_SQL, eventAppendLock, eventParams, INSERT_EVENT_SQL, itemParams, labelParams, ms, UPSERT_ITEM_SQL } from "./fact-rows.js";

export interface DeliveryMeta {
  id: string;
  event: string;
  action: string | null;
  receivedAt: Date;
  /** The payload as JSON, kept until the features handled it (see `unhandledDeliveries`); null when no feature acts on it. */
  payload: string | null;
}

/**
 * What recording a delivery did: `fresh`, stored for the first time; `duplicate`, this id was
 * recorded before (a redelivery); `not-served`, the delivery is about a repository Steward does not
 * serve (never registered, removed, uninstalled), and nothing was stored.
 */
export type RecordOutcome = "fresh" | "duplicate" | "not-served";

/** The statements of the webhook hot path; column names are those of schema.ts, and the ledger tests catch any drift. */
const DELIVERY_SQL = `INSERT INTO deliveries (id, event, action, repository_id, installation_id, received_at)
   VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const SERVED_SQL = `SELECT 1 FROM repositories WHERE id = ?`;
const UNHANDLED_SQL = `INSERT INTO unhandled_deliveries (id, event, installation_id, repository_id, payload, received_at)
   VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;
const REMOVE_ITEM_SQL = `DELETE FROM items WHERE repository_id = ? AND number = ?`;

const deliveryParams = (meta: DeliveryMeta, entry: LedgerEntry, repositoryId: number | null) =>
  [meta.id, meta.event, meta.action, repositoryId, entry.installationId, ms(meta.receivedAt)] as const;
const unhandledParams = (meta: DeliveryMeta, entry: LedgerEntry, repositoryId: number, payload: string) =>
  [meta.id, meta.event, entry.installationId, repositoryId, payload, ms(meta.receivedAt)] as const;

/**
 * Stores one delivery, its ledger rows and, until its features ran, its payload. Returns
 * `duplicate`, writing nothing, when this delivery id was already recorded: GitHub redelivers, and
 * a delivery may arrive twice at once (on PostgreSQL, at two replicas); each is checked inside the
 * transaction that writes it, so exactly one of them wins. Returns `not-served`, writing nothing,
 * for a repository Steward does not serve: only installation events register one, so a late
 * delivery cannot bring back a repository that was removed.
 *
 * SQLite: deliveries that arrive within a millisecond of each other share one transaction (a
 * group commit): a commit, which writes the WAL, cost more than the rows themselves. Each delivery
 * still has its own savepoint, so one that fails is rolled back alone and rejects alone, and every
 * caller is answered only after the commit that holds its rows. PostgreSQL: one transaction per
 * delivery, as replicas write at once and a pooled connection each commit in parallel.
 */
export function recordDelivery(db: DB, meta: DeliveryMeta, entry: LedgerEntry): Promise<RecordOutcome> {
  const sqlite = sqliteClientOf(db);
  if (!sqlite) return recordOnPostgres(db, meta, entry);
  const writer = writerFor(sqlite);
  return new Promise<RecordOutcome>((resolve, reject) => {
    if (writer.queue.length === 0) {
      writer.startedAt = performance.now();
      writer.seen = 0;
      writer.check = setImmediate(checkGroup, writer);
    }
    writer.queue.push({ meta, entry, resolve, reject });
    if (writer.queue.length >= MAX_BATCH) writer.flush();
  });
}

/**
 * The same rows as `writeDelivery`, in the delivery's own transaction. Of two transactions that
 * insert the same delivery id, the second waits on the primary key until the first ends, then
 * inserts nothing (or, if the first rolled back, inserts it): one `fresh`, one `duplicate`. The
 * repository's row stays key-share locked until the commit: a removal that deletes or locks that
 * row before the repository's other rows either waits for these rows (and deletes them) or makes
 * this check find nothing.
 */
function recordOnPostgres(db: DB, meta: DeliveryMeta, entry: LedgerEntry): Promise<RecordOutcome> {
  return inTransaction(db, async (tx) => {
    const run = (text: string, params: readonly unknown[]) => runStatement(tx, sqlFromText(text, params));
    const repositoryId = entry.repository?.id ?? null;
    if (repositoryId !== null) {
      const served = await selectRows(tx, sqlFromText(`${SERVED_SQL} FOR KEY SHARE`, [repositoryId]));
      if (served.length === 0) return "not-served";
      await lockForTransaction(tx, eventAppendLock(repositoryId), "shared");
    }
    const inserted = await selectRows(tx, sqlFromText(`${DELIVERY_SQL} RETURNING id`, deliveryParams(meta, entry, repositoryId)));
    if (inserted.length === 0) return "duplicate";
    if (repositoryId === null) return "fresh";
    if (meta.payload !== null) await run(UNHANDLED_SQL, unhandledParams(meta, entry, repositoryId, meta.payload));
    for (const e of entry.events) {
      await run(INSERT_EVENT_SQL, eventParams(repositoryId, meta.id, e));
      const label = labelParams(repositoryId, e);
      if (label) await run(CONTRIBUTOR_LABEL_SQL, label);
    }
    if (entry.item) await run(UPSERT_ITEM_SQL, itemParams(repositoryId, entry.item));
    if (entry.removedItemNumber !== null) await run(REMOVE_ITEM_SQL, [repositoryId, entry.removedItemNumber]);
    return "fresh";
  });
}

/**
 * SQLite's statements, prepared once per database: drizzle's builder re-renders SQL on every call
 * (BEGIN and COMMIT included), which cost more than the writes themselves.
 */
function ledgerStatements(sqlite: SqliteClient) {
  return {
    delivery: sqlite.prepare(DELIVERY_SQL),
    served: sqlite.prepare(SERVED_SQL).pluck(),
    unhandled: sqlite.prepare(UNHANDLED_SQL),
    event: sqlite.prepare(INSERT_EVENT_SQL),
    label: sqlite.prepare(CONTRIBUTOR_LABEL_SQL),
    item: sqlite.prepare(UPSERT_ITEM_SQL),
    removeItem: sqlite.prepare(REMOVE_ITEM_SQL),
  };
}

type SqliteClient = Database.Database;
type Statements = ReturnType<typeof ledgerStatements>;

interface PendingDelivery {
  meta: DeliveryMeta;
  entry: LedgerEntry;
  resolve(outcome: RecordOutcome): void;
  reject(error: unknown): void;
}

/** Per database: its prepared statements and the deliveries waiting for the next group commit. */
interface LedgerWriter {
  statements: Statements;
  queue: PendingDelivery[];
  /** The next check of the queue, while a group is gathering. */
  check?: NodeJS.Immediate;
  /** When the group started, and its size at the last check. */
  startedAt: number;
  seen: number;
  /** Commits the queued deliveries now. */
  flush(): void;
  commit(batch: PendingDelivery[]): void;
}

/**
 * A group commit gathers deliveries while each turn of the event loop brings more (the server is
 * busy with other requests that will join it), and commits after the first turn that brings none,
 * or at 32 deliveries or 2 ms. Committing after a single turn gathered two or three deliveries at
 * 10 connections; a fixed wait would leave the CPU idle when nothing else is coming.
 */
const MAX_WAIT_MS = 2;
const MAX_BATCH = 32;

const writers = new WeakMap<SqliteClient, LedgerWriter>();

function checkGroup(writer: LedgerWriter): void {
  const grew = writer.queue.length > writer.seen;
  if (grew && performance.now() - writer.startedAt < MAX_WAIT_MS) {
    writer.seen = writer.queue.length;
    writer.check = setImmediate(checkGroup, writer);
    return;
  }
  writer.flush();
}

/**
 * The group commit is better-sqlite3's own synchronous transaction: it begins and commits within
 * one turn of the event loop, so no other statement can run inside it. It must not begin inside
 * another's transaction either (an `inTransaction` body waiting on something), where it would
 * become a savepoint that a rollback of the other could undo after its callers were answered: the
 * flush waits for the connection to be out of any transaction.
 */
function writerFor(sqlite: SqliteClient): LedgerWriter {
  const existing = writers.get(sqlite);
  if (existing) return existing;
  const statements = ledgerStatements(sqlite);
  const writeOne = sqlite.transaction((meta: DeliveryMeta, entry: LedgerEntry) => writeDelivery(statements, meta, entry));
  const writeAll = sqlite.transaction((batch: PendingDelivery[]) =>
    batch.map((pending) => {
      try {
        return { outcome: writeOne(pending.meta, pending.entry) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const writer: LedgerWriter = {
    statements,
    queue: [],
    startedAt: 0,
    seen: 0,
    flush() {
      clearImmediate(writer.check);
      if (sqlite.inTransaction) {
        writer.check = setImmediate(() => writer.flush());
        return;
      }
      const batch = writer.queue;
      writer.queue = [];
      writer.commit(batch);
    },
    commit(batch) {
      let outcomes: Array<{ outcome: RecordOutcome } | { error: unknown }>;
      try {
        outcomes = writeAll(batch);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      outcomes.forEach((outcome, i) => {
        if ("error" in outcome) batch[i]!.reject(outcome.error);
        else batch[i]!.resolve(outcome.outcome);
      });
    },
  };
  writers.set(sqlite, writer);
  return writer;
}

/** The rows of one delivery on SQLite; runs inside its own savepoint. */
function writeDelivery(statements: Statements, meta: DeliveryMeta, entry: LedgerEntry): RecordOutcome {
  const repositoryId = entry.repository?.id ?? null;
  if (repositoryId !== null && statements.served.get(repositoryId) === undefined) return "not-served";
  const inserted = statements.delivery.run(...deliveryParams(meta, entry, repositoryId));
  if (inserted.changes === 0) return "duplicate";
  if (repositoryId === null) return "fresh";
  if (meta.payload !== null) statements.unhandled.run(...unhandledParams(meta, entry, repositoryId, meta.payload));
  for (const e of entry.events) {
    statements.event.run(...eventParams(repositoryId, meta.id, e));
    // With the fact, in the delivery's savepoint; a fact seen before moves nothing (its time is no newer).
    const label = labelParams(repositoryId, e);
    if (label) statements.label.run(...label);
  }
  const item = entry.item;
  if (item) {
    statements.item.run(...itemParams(repositoryId, item));
  }
  if (entry.removedItemNumber !== null) statements.removeItem.run(repositoryId, entry.removedItemNumber);
  return "fresh";
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
  const { deliveries, events, items } = tablesOf(db);
  const [deliveryCount] = await db.select({ n: count() }).from(deliveries).where(eq(deliveries.repositoryId, repositoryId));
  const [span] = await db
    .select({ n: count(), first: min(events.occurredAt), last: max(events.occurredAt) })
    .from(events)
    .where(eq(events.repositoryId, repositoryId));
  const byKind = await db
    .select({ kind: events.kind, n: count() })
    .from(events)
    .where(eq(events.repositoryId, repositoryId))
    .groupBy(events.kind)
    .orderBy(events.kind);
  const itemCounts = await db
    .select({ isPull: items.isPull, state: items.state, n: count() })
    .from(items)
    .where(eq(items.repositoryId, repositoryId))
    .groupBy(items.isPull, items.state);
  const itemTotal = (isPull: boolean, state: "open" | "closed") => itemCounts.find((row) => row.isPull === isPull && row.state === state)?.n ?? 0;
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

/** min()/max() over a timestamp column: a Date where drizzle decodes it, else the stored milliseconds. */
function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "number") return new Date(value);
  return null;
}

/**
 * Forgets a delivery's record, so that GitHub's redelivery of it is handled again: for the
 * deliveries recorded only to be handled once (installation and repository events), whose
 * handling failed after the record was made.
 */
export async function forgetDelivery(db: DB, id: string): Promise<void> {
  const { deliveries } = tablesOf(db);
  await db.delete(deliveries).where(eq(deliveries.id, id));
}
