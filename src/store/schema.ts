/**
 * The metrics database schema, one module per group of tables under `schema/`. `drizzle-kit
 * generate` turns those files into the SQL migrations committed under `migrations/`; never edit
 * those by hand (triggers, which drizzle-kit cannot express, are the documented exception).
 */
export * from "./schema/foundation.js";
export * from "./schema/community.js";
export * from "./schema/conversion.js";
