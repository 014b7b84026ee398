/**
 * The metrics database schema, one module per group of tables under `schema/`. `drizzle-kit
 * generate` turns those files into the SQL migrations committed under `migrations/sqlite/`; never
 * edit those by hand (triggers, which drizzle-kit cannot express, are the documented exception).
 * PostgreSQL's twin is `schema-postgres.ts`: a change here is made there too, in the same commit.
 */
export * from "./schema/foundation.js";
export * from "./schema/community.js";
export * from "./schema/conversion.js";
export * from "./schema/coordination.js";
