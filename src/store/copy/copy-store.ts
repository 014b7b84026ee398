import { DrizzleQueryError, getTableColumns, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { SqliteDB } from "../db.js";
import type { PostgresDB, PostgresStore } from "../postgres-db.js";
import { applyPostgresMigrations } from "../postgres-migrate.js";
import { COPIED_TABLES, type TablePair } from "./copy-tables.js";
import { inSqliteSnapshot, type PostgresTx, sqliteRowPages } from "./read-rows.js";
import { checkSqliteSource, type SqliteSource } from "./sqlite-source.js";

export interface CopyOptions {
  /** Rows per INSERT at most (default 500); tests set a few to copy a small table in several. */
  rowsPerInsert?: number;
}

/** One table as copied: its SQL name and how many rows went over. */
export interface CopiedTable {
  table: string;
  rows: number;
}

const ROWS_PER_INSERT = 500;
/** PostgreSQL's limit of bound parameters per statement (a 16-bit count in its wire protocol). */
const MAX_PARAMETERS = 65_535;

/**
 * Copies every table of a Steward SQLite database (`source`, fully migrated) into a PostgreSQL
 * database that holds no Steward data, which it first migrates with `applyPostgresMigrations`. The
 * rows go over in one PostgreSQL transaction: a copy that fails (the server gone, a value
 * PostgreSQL refuses) leaves the destination with no rows at all, ready for another attempt.
 *
 * Rows are copied as they are, ids included, and the counter tables too: while the copy runs, the
 * member counter triggers are disabled (a recount per member inserted would only rebuild, slower,
 * what the copied counter rows already hold, and would not create the rows at zero that SQLite
 * keeps). Each identity sequence then restarts past the largest id SQLite gave, so the next insert
 * gets the id SQLite would have given. Refused, writing nothing, when the source is not a
 * fully migrated Steward database, the destination cannot be reached, or it holds Steward rows.
 */
export async function copyStore(source: SqliteSource, destination: PostgresStore, options: CopyOptions = {}): Promise<CopiedTable[]> {
  checkSqliteSource(source.db, source.location);
  await checkReachable(destination);
  // Checked before migrating too, so that a database holding data is not changed even by a migration.
  await refuseUnlessEmpty(destination.postgres, destination.location);
  await applyPostgresMigrations(destination.postgres);
  try {
    return await destination.postgres.transaction((tx) => copyAll(source.db, tx, destination.location, options.rowsPerInsert ?? ROWS_PER_INSERT));
  } catch (error) {
    // A statement around the tables' rows (a lock, the commit, a rollback on a lost connection)
    // fails as drizzle reports it, with the whole statement: the driver's own words say why.
    if (error instanceof DrizzleQueryError) throw new Error(`the copy failed, so no row was written: ${reason(error)}`, { cause: error });
    throw error;
  }
}

async function copyAll(source: SqliteDB, tx: PostgresTx, location: string, rowsPerInsert: number): Promise<CopiedTable[]> {
  // Each ALTER holds its table's exclusive lock until the commit: a second copy, or a server
  // started too early, waits and then finds the rows. Being DDL, it is undone with the copy.
  for (const table of COPIED_TABLES) await tx.execute(sql.raw(`ALTER TABLE "${table.name}" DISABLE TRIGGER USER`));
  await refuseUnlessEmpty(tx, location);
  const copied = await inSqliteSnapshot(source, async () => {
    const tables: CopiedTable[] = [];
    for (const table of COPIED_TABLES) {
      try {
        tables.push({ table: table.name, rows: await copyTable(source, tx, table, rowsPerInsert) });
        if (table.identity !== null) await moveIdentityPastSource(source, tx, table, table.identity);
      } catch (error) {
        // Drizzle's message repeats the statement with every value of the batch: the cause says what went wrong.
        throw new Error(`copying ${table.name} failed, so no row was written: ${reason(error)}`, { cause: error });
      }
    }
    return tables;
  });
  for (const table of COPIED_TABLES) await tx.execute(sql.raw(`ALTER TABLE "${table.name}" ENABLE TRIGGER USER`));
  return copied;
}

async function copyTable(source: SqliteDB, tx: PostgresTx, table: TablePair, rowsPerInsert: number): Promise<number> {
  // Every column of every row is one parameter: a wide table gets fewer rows per INSERT.
  const columns = Object.keys(getTableColumns(table.postgres)).length;
  const perInsert = Math.max(1, Math.min(rowsPerInsert, Math.floor(MAX_PARAMETERS / columns)));
  let rows = 0;
  for (const page of sqliteRowPages(source, table.sqlite, perInsert)) {
    // The parity test keeps each table's row type the same on both engines, so SQLite's rows fit as they are.
    await tx.insert(table.postgres).values(page as PgInsertValue<PgTable>[]);
    rows += page.length;
  }
  return rows;
}

/**
 * Restarts the identity sequence of `column` at the id SQLite's AUTOINCREMENT would give next: past
 * the largest id copied and past the largest it ever gave (`sqlite_sequence`), since ids of deleted
 * rows are not given again. A table that never had a row keeps its start. RESTART rather than
 * setval(): setval is never rolled back, ALTER is undone with a copy that fails.
 */
async function moveIdentityPastSource(source: SqliteDB, tx: PostgresTx, table: TablePair, column: string): Promise<void> {
  const given = source.$client.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(table.name) as number | undefined;
  const copied = await tx.execute<{ last: number | null }>(sql`SELECT max(${sql.identifier(column)}) AS last FROM ${sql.identifier(table.name)}`);
  const last = Math.max(given ?? 0, copied.rows[0]?.last ?? 0);
  if (last < 1) return;
  // DDL takes no parameters; `last` is a safe integer (parseInt8 in postgres-db.ts refuses any other).
  await tx.execute(sql.raw(`ALTER TABLE "${table.name}" ALTER COLUMN "${column}" RESTART WITH ${last + 1}`));
}

/** A first query, so that a server that cannot be reached (or refuses the login) is said so, in one line. */
async function checkReachable(destination: PostgresStore): Promise<void> {
  try {
    await destination.postgres.execute(sql`SELECT 1`);
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL at ${destination.location}: ${reason(error)}`);
  }
}

/**
 * The driver's own words: drizzle wraps them in "Failed query: ..." (the cause), and Node reports a
 * refused connection to a name with several addresses as an AggregateError without a message.
 */
function reason(error: unknown): string {
  if (error instanceof Error && error.cause !== undefined) return reason(error.cause);
  if (error instanceof AggregateError && error.message === "") return error.errors.map(reason).join("; ");
  if (error instanceof Error) return error.message || String((error as { code?: unknown }).code ?? error.name);
  return String(error);
}

/** Refuses a destination in which any Steward table exists and holds a row. */
async function refuseUnlessEmpty(db: PostgresDB | PostgresTx, location: string): Promise<void> {
  const holding: string[] = [];
  for (const table of COPIED_TABLES) {
    const exists = await db.execute<{ exists: boolean }>(sql`SELECT to_regclass(${table.name}) IS NOT NULL AS "exists"`);
    if (!exists.rows[0]?.exists) continue;
    const rows = await db.execute<{ any: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(table.name)}) AS "any"`);
    if (rows.rows[0]?.any) holding.push(table.name);
  }
  if (holding.length > 0) {
    throw new Error(
      `${location} already holds Steward data (rows in ${holding.join(", ")}); copy into an empty database, such as a new one (CREATE DATABASE)`,
    );
  }
}
