import { databaseTargetFrom } from "../src/config/database-url.js";
import { registerInstallation } from "../src/store/installations.js";
import { applyMigrations } from "../src/store/migrate.js";
import { openStore } from "../src/store/open-store.js";
import type { DeliveryTarget } from "./signed-deliveries.js";

/**
 * Prepares a Steward database (a SQLite file or a postgres:// URL, as DATABASE_URL names it) as
 * `installation.created` would have left it: migrated, the installation and its repository
 * registered. Steward serves only what it was installed on, so without this every benchmark
 * delivery would be answered and stored nowhere. Registering again changes nothing, so replicas
 * sharing one database may each call it.
 */
export async function registeredInstallation(database: string, target: DeliveryTarget): Promise<void> {
  const store = openStore(databaseTargetFrom(database, process.cwd(), 2));
  try {
    await applyMigrations(store.db);
    const fullName = `${target.owner}/${target.name}`;
    await registerInstallation(
      store.db,
      { id: target.installationId, accountLogin: target.owner, accountType: "Organization" },
      [{ id: target.repositoryId, installationId: target.installationId, owner: target.owner, name: target.name, fullName, private: false }],
      new Date(),
    );
  } finally {
    await store.close();
  }
}
