import { integer } from "drizzle-orm/sqlite-core";

/**
 * Times are stored as integer milliseconds since the epoch (drizzle `timestamp_ms`): they sort,
 * compare and index cheaply, and map one-to-one onto PostgreSQL `bigint` (../schema-postgres/columns.ts).
 */
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
