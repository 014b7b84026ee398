import type { ItemSnapshot, LedgerEvent } from "../domain/ledger.js";
import type { DB } from "./db.js";
import { CONTRIBUTOR_LABEL_SQL, eventParams, INSERT_EVENT_SQL, itemParams, labelParams, UPSERT_ITEM_SQL } from "./fact-rows.js";

type SqliteClient = DB["$client"];

/** The ledger's own statements (src/store/fact-rows.ts), prepared once per database. */
function backfillStatements(sqlite: SqliteClient) {
  return {
    event: sqlite.prepare(INSERT_EVENT_SQL),
    label: sqlite.prepare(CONTRIBUTOR_LABEL_SQL),
    item: sqlite.prepare(UPSERT_ITEM_SQL),
  };
}

const prepared = new WeakMap<SqliteClient, ReturnType<typeof backfillStatements>>();
const BATCH_ROWS = 1000;

/**
 * Stores facts learnt by the history backfill (no delivery), in transactions of about 1,000 rows.
 * Events carry the webhooks' natural keys, so a fact already recorded live is skipped (and a
 * webhook arriving later for a backfilled fact is skipped the same way). Returns how many events
 * were new.
 */
export async function recordBackfilledFacts(db: DB, repositoryId: number, facts: { events: LedgerEvent[]; items: ItemSnapshot[] }): Promise<number> {
  const sqlite = db.$client;
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = backfillStatements(sqlite);
    prepared.set(sqlite, statements);
  }
  const q = statements;
  let inserted = 0;
  const writes: Array<() => void> = [
    ...facts.events.map((e) => () => {
      inserted += q.event.run(...eventParams(repositoryId, null, e)).changes;
      const label = labelParams(repositoryId, e);
      if (label) q.label.run(label);
    }),
    ...facts.items.map((item) => () => {
      q.item.run(...itemParams(repositoryId, item));
    }),
  ];
  for (let start = 0; start < writes.length; start += BATCH_ROWS) {
    const batch = writes.slice(start, start + BATCH_ROWS);
    sqlite.transaction(() => {
      for (const write of batch) write();
    })();
  }
  return inserted;
}
