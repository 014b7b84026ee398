import { getTableColumns, gt, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { PostgresDB } from "../postgres-db.js";
import type { Row } from "./table-checksum.js";
import type { SqliteDB } from "../db.js";

/** A transaction on the PostgreSQL store: one connection, as a cursor needs. */
export type PostgresTx = Parameters<Parameters<PostgresDB["transaction"]>[0]>[0];

const ROWID = sql<number>`rowid`;
/** The key the rowid is selected under; no column of the schema is named so. */
const ROWID_KEY = "__rowid";

/**
 * A SQLite table's rows, `size` at a time, through drizzle (so as the store reads them: Dates,
 * parsed JSON, booleans). Pages follow the rowid, which every table of the schema has and which is
 * the order rows are stored in: each page is a seek, however large the table, where an OFFSET
 * would read every row before it. The caller holds a read transaction, so the pages are one snapshot.
 */
export function* sqliteRowPages(db: SqliteDB, table: SQLiteTable, size: number): Generator<Row[]> {
  const columns = getTableColumns(table);
  let after: number | null = null;
  for (;;) {
    const query = db.select({ ...columns, [ROWID_KEY]: ROWID }).from(table);
    const page = (after === null ? query : query.where(gt(ROWID, after))).orderBy(ROWID).limit(size).all() as Row[];
    if (page.length === 0) return;
    after = page.at(-1)![ROWID_KEY] as number;
    yield page.map(({ [ROWID_KEY]: _, ...row }) => row);
    if (page.length < size) return;
  }
}

/**
 * A PostgreSQL table's rows, `size` at a time, through a cursor on `tx`: one pass over the table
 * whatever its size, inside the caller's transaction (and so its snapshot). The SELECT is drizzle's,
 * and each value is decoded by its drizzle column as drizzle's own queries decode it, so the rows
 * are those a `select().from(table)` would give.
 */
export async function* postgresRowPages(tx: PostgresTx, table: PgTable, size: number): AsyncGenerator<Row[]> {
  const columns = Object.entries(getTableColumns(table));
  const select = tx.select().from(table).toSQL();
  if (select.params.length > 0) throw new Error("a whole-table SELECT took parameters; a cursor cannot be declared over it");
  await tx.execute(sql.raw(`DECLARE steward_copy_rows NO SCROLL CURSOR FOR ${select.sql}`));
  for (;;) {
    const fetched = await tx.execute<Record<string, unknown>>(sql.raw(`FETCH ${size} FROM steward_copy_rows`));
    if (fetched.rows.length === 0) break;
    yield fetched.rows.map((raw) =>
      Object.fromEntries(columns.map(([key, column]) => [key, raw[column.name] === null ? null : column.mapFromDriverValue(raw[column.name])])),
    );
  }
  // Closed only once read to the end, so the next table can declare it again. After a failure the
  // transaction is aborted and ends with it; a CLOSE there would only hide the failure.
  await tx.execute(sql.raw("CLOSE steward_copy_rows"));
}

/**
 * Runs `read` inside one read transaction on the SQLite database, so that all it reads is one
 * snapshot: in WAL mode a writer may go on meanwhile without changing what this reads. `read` may
 * await (the PostgreSQL side is asynchronous); the connection is the caller's own, so nothing else
 * runs a statement on it in between.
 */
export async function inSqliteSnapshot<T>(db: SqliteDB, read: () => Promise<T>): Promise<T> {
  db.$client.exec("BEGIN");
  try {
    return await read();
  } finally {
    db.$client.exec("COMMIT");
  }
}
