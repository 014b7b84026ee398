import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/db.js";

/** The WAL checkpoints of a store opened as the server opens it, done by a worker thread (src/store/wal-checkpointer.ts). */
describe("checkpointing in the background", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "steward-wal-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes about 8 MB into the WAL in one commit, which SQLite itself would checkpoint at once. */
  const writeMegabytes = (sqlite: ReturnType<typeof openSqliteStore>["db"]["$client"]) => {
    sqlite.exec("CREATE TABLE filler (body BLOB NOT NULL)");
    const insert = sqlite.prepare("INSERT INTO filler (body) VALUES (randomblob(4000))");
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run();
    })();
  };

  it("leaves the commit to write the WAL alone, and copies it into the database file soon after", async () => {
    const path = join(dir, "steward.db");
    const store = openSqliteStore(path, { checkpointInBackground: true });
    const sqlite = store.db.$client;
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    writeMegabytes(sqlite);
    // Nothing copied by the commit itself: the database file is still about empty.
    expect(statSync(path).size).toBeLessThan(1_000_000);
    const deadline = Date.now() + 10_000;
    while (statSync(path).size < 8_000_000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(path).size).toBeGreaterThan(8_000_000);
    expect((sqlite.prepare("SELECT count(*) AS n FROM filler").get() as { n: number }).n).toBe(2000);
    await store.close();
    // The worker closed first: the store's own connection, the last, removed the WAL as it closed.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("is not started for a store opened otherwise, which checkpoints as SQLite does", async () => {
    const path = join(dir, "plain.db");
    const store = openSqliteStore(path);
    expect(store.db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    writeMegabytes(store.db.$client);
    expect(statSync(path).size).toBeGreaterThan(8_000_000);
    await store.close();
  });
});
