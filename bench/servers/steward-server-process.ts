import { parseEnv } from "../../src/config/env.js";
import { startStewardServer } from "../../src/http/steward-server.js";
import { openSqliteStore } from "../../src/store/db.js";
import { applyMigrations } from "../../src/store/migrate.js";
import { answerParent } from "./answer-parent.js";

/**
 * Steward as `npm start` runs it (same env variables, SQLite file, Probot defaults), in its own
 * process, plus answers to the bench: memory, and how many rows the ledger holds.
 */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const store = openSqliteStore(env.databasePath);
  await applyMigrations(store.db);
  const running = await startStewardServer({ env, processEnv: process.env, db: store.db });
  const count = (table: string) => (store.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  answerParent(
    running.url,
    { ledger: () => ({ deliveries: count("deliveries"), events: count("events"), items: count("items") }) },
    async () => {
      await running.close();
      store.close();
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
