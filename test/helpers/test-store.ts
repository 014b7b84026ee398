import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore, type Store } from "../../src/store/db.js";
import { applyMigrations } from "../../src/store/migrate.js";

/** A fresh SQLite file with every migration applied, removed again by `dispose`. */
export async function createTestStore(): Promise<Store & { path: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "steward-test-"));
  const path = join(dir, "steward.db");
  const store = openSqliteStore(path);
  await applyMigrations(store.db);
  return {
    ...store,
    path,
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
