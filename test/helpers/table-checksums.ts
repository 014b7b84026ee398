import { createHash } from "node:crypto";

/** Runs one SQL query and returns its rows (better-sqlite3's `prepare(sql).all()`, or the production world's `query`). */
type Query = (sql: string) => unknown[];

/**
 * A checksum of every table of the schema, by name: each row as JSON, in rowid order, hashed. Two
 * equal maps mean nothing was inserted, updated or deleted anywhere in between. Blobs hash by
 * their bytes (JSON turns a Buffer into its byte list).
 */
export function tableChecksums(query: Query): Record<string, string> {
  const tables = query("select name from sqlite_master where type = 'table' order by name") as Array<{ name: string }>;
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const hash = createHash("sha256");
    for (const row of query(`select * from "${name.replaceAll('"', '""')}" order by rowid`)) hash.update(`${JSON.stringify(row)}\n`);
    sums[name] = hash.digest("hex");
  }
  return sums;
}
