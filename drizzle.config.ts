import { defineConfig } from "drizzle-kit";

/** SQLite's migrations (`npm run db:generate:sqlite`); PostgreSQL's are drizzle.postgres.config.ts. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/store/schema/*.ts",
  out: "./migrations/sqlite",
});
