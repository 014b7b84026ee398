import { createHash } from "node:crypto";

/** A row as drizzle reads it: column keys to values (Date for times, parsed JSON, booleans). */
export type Row = Record<string, unknown>;

const MODULUS = 1n << 256n;

/**
 * A table's row count and checksum, built one row at a time, that SQLite and PostgreSQL compute
 * alike from the rows drizzle reads. Each row is hashed (sha256 of its canonical JSON) and the
 * table's checksum is the sum of those hashes modulo 2^256. A sum does not depend on the order the
 * rows come in: the engines order text (by bytes, or by collation) and nulls differently, and some
 * tables have no primary key to order by, so no common order is needed. One changed, missing or
 * extra row moves the sum by its hash; unlike an XOR, a row present twice is counted twice.
 */
export class TableChecksum {
  rows = 0;
  private sum = 0n;

  add(row: Row): void {
    const digest = createHash("sha256").update(canonicalJson(row)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${digest}`)) % MODULUS;
    this.rows += 1;
  }

  /** The checksum as 64 hexadecimal digits. */
  get hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

/**
 * A row as JSON that is the same for equal rows on both engines: keys sorted at every depth (jsonb
 * keeps an object's keys in an order of its own, SQLite's text keeps them as written), and times as
 * the milliseconds both engines store.
 */
export function canonicalJson(row: Row): string {
  return JSON.stringify(canonical(row));
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, canonical(object[key])]),
    );
  }
  return value;
}
