import { defineConfig } from "drizzle-kit";

/**
 * PostgreSQL's migrations (`npm run db:generate:postgres`), from the schema that mirrors SQLite's
 * table for table (test/store/schema-parity.test.ts keeps the two equal). Generating needs no server.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/schema-postgres/*.ts",
  out: "./migrations/postgres",
});
