import { bigint, customType } from "drizzle-orm/pg-core";

/**
 * Times as bigint milliseconds since the epoch, read and written as `Date` like SQLite's
 * `timestamp_ms` columns (../schema/columns.ts). Not `timestamptz`: the store's SQL compares and
 * subtracts times as millisecond numbers (`occurred_at >= ${from.getTime()}`), so with the same
 * representation on both engines those statements carry over unchanged when the store modules are
 * ported, and a JS Date's milliseconds round-trip exactly. In psql, `to_timestamp(x / 1000.0)` shows one.
 */
export const timestamp = customType<{ data: Date; driverData: number | string }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  // pg hands int8 over as a string unless the pool parses it (openPostgresStore does).
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * SQLite's INTEGER is 64-bit, and the store relies on that range (GitHub ids near 2^31, sums of
 * cents, ledger ids): every integer column is `bigint` here, read as a JS number like SQLite's.
 */
export const int64 = (name: string) => bigint(name, { mode: "number" });
