import { type InferSelectModel, is, type SQL, type Table } from "drizzle-orm";
import { type AnyPgColumn, getTableConfig as pgTableConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { type AnySQLiteColumn, getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as postgres from "../../src/store/schema-postgres.js";
import * as sqlite from "../../src/store/schema.js";

/**
 * The PostgreSQL schema mirrors SQLite's (src/store/schema-postgres.ts): the same tables under the
 * same export names, the same columns with the same SQL names, nullability, defaults and keys, the
 * same indexes, and rows of the same TypeScript types, so one store module can serve both engines.
 * Runs without a PostgreSQL server: it reads the two drizzle schemas only.
 */

/** Each engine's column types, as the one kind of value both store and read. */
const SQLITE_KINDS: Record<string, string> = {
  SQLiteInteger: "integer",
  SQLiteReal: "float",
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteBoolean: "boolean",
  SQLiteTimestamp: "time",
};
const POSTGRES_KINDS: Record<string, string> = {
  PgBigInt53: "integer",
  PgDoublePrecision: "float",
  PgText: "text",
  PgJsonb: "json",
  PgBoolean: "boolean",
  // The only custom column type: times as bigint milliseconds (src/store/schema-postgres/columns.ts).
  "PgCustomColumn bigint": "time",
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

interface TableShape {
  export: string;
  name: string;
  columns: Array<Record<string, unknown>>;
  primaryKeys: string[][];
  indexes: Array<{ name: string; unique: boolean; on: string[]; where: string | null }>;
  foreignKeys: number;
  uniqueConstraints: number;
  checks: number;
}

function sqliteShapes(): TableShape[] {
  return Object.entries(sqlite).flatMap(([name, value]) => {
    if (!is(value, SQLiteTable)) return [];
    const config = sqliteTableConfig(value);
    const render = (chunk: SQL) => sqliteDialect.sqlToQuery(chunk).sql;
    return [
      {
        export: name,
        name: config.name,
        columns: config.columns.map((c) => {
          const generatedId = "autoIncrement" in c && c.autoIncrement === true;
          // Drizzle marks every SQLite integer primary key as defaulted (a rowid is picked when none
          // is given); the store always gives those ids (GitHub's), so PostgreSQL needs no default.
          const rowid = c.primary && c.columnType === "SQLiteInteger" && !generatedId;
          return { ...columnShape(c, SQLITE_KINDS[c.columnType]), ...(rowid ? { hasDefault: false } : {}), generatedId };
        }),
        primaryKeys: primaryKeysOf(config.columns, config.primaryKeys),
        indexes: config.indexes.map((i) => indexShape(i.config, render)),
        foreignKeys: config.foreignKeys.length,
        uniqueConstraints: config.uniqueConstraints.length + config.columns.filter((c) => c.isUnique).length,
        checks: config.checks.length,
      },
    ];
  });
}

function postgresShapes(): TableShape[] {
  return Object.entries(postgres).flatMap(([name, value]) => {
    if (!is(value, PgTable)) return [];
    const config = pgTableConfig(value);
    const render = (chunk: SQL) => pgDialect.sqlToQuery(chunk).sql;
    return [
      {
        export: name,
        name: config.name,
        columns: config.columns.map((c) => ({
          ...columnShape(c, POSTGRES_KINDS[c.columnType] ?? POSTGRES_KINDS[`${c.columnType} ${c.getSQLType()}`]),
          generatedId: c.generatedIdentity !== undefined,
        })),
        primaryKeys: primaryKeysOf(config.columns, config.primaryKeys),
        indexes: config.indexes.map((i) => indexShape(i.config, render)),
        foreignKeys: config.foreignKeys.length,
        uniqueConstraints: config.uniqueConstraints.length + config.columns.filter((c) => c.isUnique).length,
        checks: config.checks.length,
      },
    ];
  });
}

function columnShape(column: AnySQLiteColumn | AnyPgColumn, kind: string | undefined): Record<string, unknown> {
  if (kind === undefined) throw new Error(`${column.name}: no kind for column type ${column.columnType}; add it to this test's tables`);
  // A literal default must be the same value; an SQL one (a JSON '[]') is spelled per engine.
  const sqlDefault = typeof column.default === "object" && column.default !== null;
  return {
    name: column.name,
    kind,
    notNull: column.notNull,
    hasDefault: column.hasDefault,
    default: sqlDefault ? "(SQL)" : (column.default ?? null),
    enumValues: column.enumValues ?? null,
  };
}

function primaryKeysOf(columns: Array<{ name: string; primary: boolean }>, keys: Array<{ columns: Array<{ name: string }> }>): string[][] {
  const single = columns.filter((c) => c.primary).map((c) => [c.name]);
  return [...single, ...keys.map((k) => k.columns.map((c) => c.name))];
}

function indexShape(
  config: { name?: string | undefined; unique: boolean; columns: unknown[]; where?: SQL | undefined },
  render: (chunk: SQL) => string,
): TableShape["indexes"][number] {
  return {
    name: config.name ?? "(unnamed)",
    unique: config.unique,
    on: config.columns.map((c) => (c !== null && typeof c === "object" && "name" in c ? String(c.name) : render(c as SQL))),
    where: config.where ? render(config.where) : null,
  };
}

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

describe("the PostgreSQL schema mirrors SQLite's", () => {
  const sqliteTables = sqliteShapes();
  const postgresTables = postgresShapes();

  it("declares the same tables under the same export names", () => {
    expect(sqliteTables.length).toBeGreaterThan(20);
    expect(byName(postgresTables).map((t) => [t.export, t.name])).toEqual(byName(sqliteTables).map((t) => [t.export, t.name]));
  });

  it.each(byName(sqliteTables).map((t) => [t.name, t] as const))("%s: same columns, keys and indexes", (name, sqliteTable) => {
    const postgresTable = postgresTables.find((t) => t.name === name);
    expect(postgresTable).toBeDefined();
    expect({ ...postgresTable, indexes: byName(postgresTable!.indexes) }).toEqual({ ...sqliteTable, indexes: byName(sqliteTable.indexes) });
  });

  it("gives rows of the same TypeScript types (checked by tsc)", () => {
    type Rows<Schema> = { [K in keyof Schema as Schema[K] extends Table ? K : never]: Schema[K] extends Table ? InferSelectModel<Schema[K]> : never };
    expectTypeOf<Rows<typeof postgres>>().toEqualTypeOf<Rows<typeof sqlite>>();
  });
});
