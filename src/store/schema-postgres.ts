/**
 * The metrics database schema on PostgreSQL, one module per group of tables under
 * `schema-postgres/`, mirroring `schema/` (SQLite) table for table and column for column
 * (test/store/schema-parity.test.ts). `npm run db:generate:postgres` turns it into the migrations
 * committed under `migrations/postgres/`; the counter triggers there are written by hand.
 */
export * from "./schema-postgres/foundation.js";
export * from "./schema-postgres/community.js";
export * from "./schema-postgres/conversion.js";
export * from "./schema-postgres/coordination.js";
