import Database from "better-sqlite3";

/** Rows in Steward's ledger tables. */
export interface LedgerCounts {
  deliveries: number;
  events: number;
  items: number;
}

/**
 * Counts the ledger's rows in Steward's SQLite file from the bench process, read-only (WAL lets a
 * reader in beside the running server), so the server under test carries no bench code.
 */
export function ledgerCounts(databasePath: string): LedgerCounts {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { deliveries: count("deliveries"), events: count("events"), items: count("items") };
  } finally {
    db.close();
  }
}
