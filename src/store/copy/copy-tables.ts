import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as postgres from "../schema-postgres.js";
import * as sqlite from "../schema.js";

/** One table of the schema on both engines, as `steward copy` moves it. */
export interface TablePair {
  /** The SQL name, the same on both engines. */
  name: string;
  sqlite: SQLiteTable;
  postgres: PgTable;
  /** The column PostgreSQL numbers by an identity sequence (SQLite's AUTOINCREMENT), by SQL name. */
  identity: string | null;
}

/**
 * Every table of the schema, paired by export name: test/store/schema-parity.test.ts keeps the two
 * schemas declaring the same tables with the same columns and row types, so a row read from one
 * can be written to the other as it is. Drizzle's own migrations table is in neither schema, so it
 * is never copied (each database keeps its own).
 */
function pairs(): TablePair[] {
  return Object.entries(sqlite).flatMap(([exported, table]) => {
    if (!is(table, SQLiteTable)) return [];
    const twin = (postgres as Record<string, unknown>)[exported];
    if (!is(twin, PgTable)) throw new Error(`the PostgreSQL schema has no table "${exported}"`);
    const identity = getTableConfig(twin).columns.find((column) => column.generatedIdentity !== undefined);
    return [{ name: getTableName(table), sqlite: table, postgres: twin, identity: identity?.name ?? null }];
  });
}

/** By SQL name: a module namespace's key order differs between Node and a bundler's, the copy's must not. */
const byName = (a: TablePair, b: TablePair) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Tables a foreign key names come before the tables that reference them, so that rows are inserted
 * after the rows they point at. The schema declares no foreign key today (the parity test compares
 * their count), so any order is safe and this keeps the order by name; it matters once a key is added.
 */
function inDependencyOrder(tables: TablePair[]): TablePair[] {
  const placed: TablePair[] = [];
  const waiting = [...tables];
  while (waiting.length > 0) {
    const ready = waiting.findIndex((table) => referencedNames(table).every((name) => name === table.name || placed.some((p) => p.name === name)));
    if (ready === -1) throw new Error(`the foreign keys of ${waiting.map((t) => t.name).join(", ")} form a cycle: no order copies them`);
    placed.push(...waiting.splice(ready, 1));
  }
  return placed;
}

function referencedNames(table: TablePair): string[] {
  return getTableConfig(table.postgres).foreignKeys.map((key) => getTableName(key.reference().foreignTable));
}

/** The tables `steward copy` fills, in the order it fills them. */
export const COPIED_TABLES: readonly TablePair[] = inDependencyOrder(pairs().sort(byName));
