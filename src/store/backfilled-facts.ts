import type { ItemSnapshot, LedgerEvent } from "../ingest/ledger-entry.js";
import type { DB } from "./db.js";

type SqliteClient = DB["$client"];

/**
 * The backfill's statements, prepared once per database. They are the ledger's own (see
 * src/store/ledger.ts): events insert-or-ignore on the natural key, and items use the same
 * out-of-order-safe upsert, so an older snapshot never overwrites a newer one.
 */
function backfillStatements(sqlite: SqliteClient) {
  return {
    event: sqlite.prepare(
      `INSERT INTO events (repository_id, delivery_id, natural_key, kind, actor_login, actor_id, actor_type,
         association, item_number, is_pull, occurred_at, data)
       VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    item: sqlite.prepare(
      `INSERT INTO items (repository_id, number, is_pull, title, author_login, author_id, author_type,
         author_association, state, draft, locked, labels, assignees, created_at, updated_at, closed_at, merged_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (repository_id, number) DO UPDATE SET
         is_pull = excluded.is_pull, title = excluded.title, author_login = excluded.author_login,
         author_id = excluded.author_id, author_type = excluded.author_type,
         author_association = excluded.author_association, state = excluded.state, draft = excluded.draft,
         locked = excluded.locked, labels = excluded.labels, assignees = excluded.assignees,
         created_at = excluded.created_at, updated_at = excluded.updated_at,
         closed_at = excluded.closed_at, merged_at = excluded.merged_at
       WHERE items.updated_at <= excluded.updated_at`,
    ),
  };
}

const prepared = new WeakMap<SqliteClient, ReturnType<typeof backfillStatements>>();
const BATCH_ROWS = 1000;
const ms = (date: Date | null) => (date === null ? null : date.getTime());
const bit = (flag: boolean | null) => (flag === null ? null : flag ? 1 : 0);

/**
 * Stores facts learnt by the history backfill (no delivery), in transactions of about 1,000 rows.
 * Events carry the webhooks' natural keys, so a fact already recorded live is skipped (and a
 * webhook arriving later for a backfilled fact is skipped the same way). Returns how many events
 * were new.
 */
export async function recordBackfilledFacts(
  db: DB,
  repositoryId: number,
  facts: { events: LedgerEvent[]; items: ItemSnapshot[] },
): Promise<number> {
  const sqlite = db.$client;
  let statements = prepared.get(sqlite);
  if (!statements) prepared.set(sqlite, (statements = backfillStatements(sqlite)));
  const q = statements;
  let inserted = 0;
  const writes: Array<() => void> = [
    ...facts.events.map((e) => () => {
      inserted += q.event.run(
        repositoryId, e.naturalKey, e.kind, e.actorLogin, e.actorId, e.actorType, e.association,
        e.itemNumber, bit(e.isPull), ms(e.occurredAt), e.data === null ? null : JSON.stringify(e.data),
      ).changes;
    }),
    ...facts.items.map((item) => () => {
      q.item.run(
        repositoryId, item.number, bit(item.isPull), item.title, item.authorLogin, item.authorId, item.authorType,
        item.authorAssociation, item.state, bit(item.draft), bit(item.locked), JSON.stringify(item.labels),
        JSON.stringify(item.assignees), ms(item.createdAt), ms(item.updatedAt), ms(item.closedAt), ms(item.mergedAt),
      );
    }),
  ];
  for (let start = 0; start < writes.length; start += BATCH_ROWS) {
    const batch = writes.slice(start, start + BATCH_ROWS);
    sqlite.transaction(() => batch.forEach((write) => write()))();
  }
  return inserted;
}
