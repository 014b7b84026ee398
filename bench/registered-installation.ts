import { openSqliteStore } from "../src/store/db.js";
import { registerInstallation } from "../src/store/installations.js";
import { applyMigrations } from "../src/store/migrate.js";
import type { DeliveryTarget } from "./signed-deliveries.js";

/**
 * Prepares a Steward database as `installation.created` would have left it: the installation and
 * its repository registered. Steward serves only what it was installed on, so without this every
 * benchmark delivery would be answered and stored nowhere.
 */
export async function registeredInstallation(databasePath: string, target: DeliveryTarget): Promise<void> {
  const store = openSqliteStore(databasePath);
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
    store.close();
  }
}
