import Database from "better-sqlite3";
import pg from "pg";

/** Rows in Steward's ledger tables. */
export interface LedgerCounts {
  deliveries: number;
  events: number;
  items: number;
}

const isPostgres = (database: string) => /^postgres(ql)?:\/\//i.test(database);

/**
 * Counts the ledger's rows in Steward's database from the bench process, so the server under test
 * carries no bench code: `database` is what its DATABASE_URL says, a SQLite file (opened read-only;
 * WAL lets a reader in beside the running server) or a postgres:// URL.
 */
export async function ledgerCounts(database: string): Promise<LedgerCounts> {
  const tables = ["deliveries", "events", "items"] as const;
  if (!isPostgres(database)) {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { deliveries: count("deliveries"), events: count("events"), items: count("items") };
    } finally {
      db.close();
    }
  }
  // ::int, since pg hands a bigint count over as a string unless a store set its parser in this process.
  const counts = await onPostgres(database, `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(", ")}`);
  return counts[0] as unknown as LedgerCounts;
}

/** Every delivery id in the ledger, once per row: a delivery stored twice shows up twice. */
export async function ledgerDeliveryIds(database: string): Promise<string[]> {
  if (!isPostgres(database)) {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT id FROM deliveries").pluck().all() as string[];
    } finally {
      db.close();
    }
  }
  return (await onPostgres(database, "SELECT id FROM deliveries")).map((row) => String(row.id));
}

async function onPostgres(url: string, query: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}
