import type Database from "better-sqlite3";
import type { ItemSnapshot, LedgerEvent } from "../domain/ledger.js";
import { type DB, inTransaction, lockForTransaction, runStatement, sqlFromText, sqliteClientOf } from "./engine.js";
import { CONTRIBUTOR_LABEL_SQL, eventAppendLock, eventParams, INSERT_EVENT_SQL, itemParams, labelParams, UPSERT_ITEM_SQL } from "./fact-rows.js";

/** The ledger's own statements (src/store/fact-rows.ts). */
const STATEMENTS = { event: INSERT_EVENT_SQL, label: CONTRIBUTOR_LABEL_SQL, item: UPSERT_ITEM_SQL };

type Statement = keyof typeof STATEMENTS;
type Prepared = Record<Statement, Database.Statement>;

/** SQLite's statements, prepared once per database. */
const prepared = new WeakMap<Database.Database, Prepared>();
const BATCH_ROWS = 1000;

/** One row to write: its statement and parameters. */
interface Write {
  statement: Statement;
  params: unknown[];
}

/**
 * Stores facts learnt by the history backfill (no delivery), in transactions of about 1,000 rows.
 * Events carry the webhooks' natural keys, so a fact already recorded live is skipped (and a
 * webhook arriving later for a backfilled fact is skipped the same way). Returns how many events
 * were new.
 */
export async function recordBackfilledFacts(db: DB, repositoryId: number, facts: { events: LedgerEvent[]; items: ItemSnapshot[] }): Promise<number> {
  const writes: Write[] = [];
  for (const e of facts.events) {
    writes.push({ statement: "event", params: eventParams(repositoryId, null, e) });
    const label = labelParams(repositoryId, e);
    if (label) writes.push({ statement: "label", params: label });
  }
  for (const item of facts.items) writes.push({ statement: "item", params: itemParams(repositoryId, item) });
  const sqlite = sqliteClientOf(db);
  const writeBatch = sqlite ? sqliteBatchWriter(sqlite) : postgresBatch;
  let inserted = 0;
  for (let start = 0; start < writes.length; start += BATCH_ROWS) {
    const batch = writes.slice(start, start + BATCH_ROWS);
    inserted += await inTransaction(db, async (tx) => {
      await lockForTransaction(tx, eventAppendLock(repositoryId), "shared");
      return writeBatch(tx, batch);
    });
  }
  return inserted;
}

/** SQLite runs the statements it prepared once, on the transaction's connection. */
function sqliteBatchWriter(sqlite: Database.Database) {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = { event: sqlite.prepare(STATEMENTS.event), label: sqlite.prepare(STATEMENTS.label), item: sqlite.prepare(STATEMENTS.item) };
    prepared.set(sqlite, statements);
  }
  const q = statements;
  return async (_tx: DB, batch: Write[]): Promise<number> => {
    let inserted = 0;
    for (const write of batch) {
      const changes = q[write.statement].run(...write.params).changes;
      if (write.statement === "event") inserted += changes;
    }
    return inserted;
  };
}

/** PostgreSQL runs the same statements, one round trip each, inside the batch's transaction. */
async function postgresBatch(tx: DB, batch: Write[]): Promise<number> {
  let inserted = 0;
  for (const write of batch) {
    const changes = await runStatement(tx, sqlFromText(STATEMENTS[write.statement], write.params));
    if (write.statement === "event") inserted += changes;
  }
  return inserted;
}
