import type { PostgresDB } from "../postgres-db.js";
import { COPIED_TABLES } from "./copy-tables.js";
import { inSqliteSnapshot, postgresRowPages, sqliteRowPages } from "./read-rows.js";
import { TableChecksum } from "./table-checksum.js";
import type { SqliteDB } from "../db.js";

/** One table compared on both engines. */
export interface TableVerification {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  sqliteChecksum: string;
  postgresChecksum: string;
  /** The same row count and the same checksum. */
  ok: boolean;
}

/** Rows read per page on each side: enough to make each round trip worth it, little memory. */
const PAGE_ROWS = 1_000;

/**
 * Compares every table of the SQLite database with its copy in PostgreSQL: the row counts, and the
 * checksums (table-checksum.ts) of the rows as drizzle reads them on each engine. Each side is read
 * in one snapshot of its own, after the copy: a source written to while the copy ran (the server
 * not stopped) shows as a difference, rather than being verified against what the copy read.
 */
export async function verifyCopy(source: SqliteDB, destination: PostgresDB): Promise<TableVerification[]> {
  const sqliteSums = await inSqliteSnapshot(source, async () =>
    COPIED_TABLES.map((table) => {
      const sum = new TableChecksum();
      for (const page of sqliteRowPages(source, table.sqlite, PAGE_ROWS)) for (const row of page) sum.add(row);
      return sum;
    }),
  );
  const postgresSums = await destination.transaction(
    async (tx) => {
      const sums: TableChecksum[] = [];
      for (const table of COPIED_TABLES) {
        const sum = new TableChecksum();
        for await (const page of postgresRowPages(tx, table.postgres, PAGE_ROWS)) for (const row of page) sum.add(row);
        sums.push(sum);
      }
      return sums;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return COPIED_TABLES.map((table, at) => {
    const [mine, theirs] = [sqliteSums[at]!, postgresSums[at]!];
    return {
      table: table.name,
      sqliteRows: mine.rows,
      postgresRows: theirs.rows,
      sqliteChecksum: mine.hex,
      postgresChecksum: theirs.hex,
      ok: mine.rows === theirs.rows && mine.hex === theirs.hex,
    };
  });
}
