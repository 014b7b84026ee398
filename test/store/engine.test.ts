import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type DB,
  engineOf,
  inTransaction,
  lockForTransaction,
  runStatement,
  selectRow,
  selectRows,
  sqlFromText,
  tablesOf,
} from "../../src/store/engine.js";
import { useTestStore } from "../helpers/test-store.js";

/** The engine layer every store module stands on, on the engine of this test project (both in CI). */
describe("the store's engine layer", () => {
  const store = useTestStore();

  const addInstallation = (db: DB, id: number) =>
    db.insert(tablesOf(db).installations).values({ id, accountLogin: `org${id}`, accountType: "Organization", registeredAt: new Date(0) });
  const installationIds = async () => {
    const { installations } = tablesOf(store.db);
    return (await store.db.select({ id: installations.id }).from(installations).orderBy(installations.id)).map((row) => row.id);
  };

  it("runs on the engine the project names", () => {
    expect(engineOf(store.db)).toBe(process.env.STEWARD_TEST_ENGINE === "postgres" ? "postgres" : "sqlite");
  });

  it("keeps a transaction's writes when its body succeeds, and none of them when it throws", async () => {
    await inTransaction(store.db, async (tx) => {
      await addInstallation(tx, 1);
      await addInstallation(tx, 2);
    });
    await expect(
      inTransaction(store.db, async (tx) => {
        await addInstallation(tx, 3);
        throw new Error("the body failed");
      }),
    ).rejects.toThrow("the body failed");
    expect(await installationIds()).toEqual([1, 2]);
  });

  it("rolls a nested transaction back alone, as a savepoint", async () => {
    await inTransaction(store.db, async (tx) => {
      await addInstallation(tx, 1);
      await inTransaction(tx, async (inner) => {
        await addInstallation(inner, 2);
        throw new Error("inner");
      }).catch(() => {});
      await addInstallation(tx, 3);
    });
    expect(await installationIds()).toEqual([1, 3]);
  });

  it("runs transactions started together one after the other, each seeing the one before", async () => {
    await addInstallation(store.db, 1);
    const { installations } = tablesOf(store.db);
    // Each reads the highest id and adds the next: interleaved, two would read the same one.
    const addNext = () =>
      inTransaction(store.db, async (tx) => {
        await lockForTransaction(tx, "test:next-installation");
        const [row] = await tx.select({ top: sql<number>`max(${installations.id})`.mapWith(Number) }).from(installations);
        await addInstallation(tx, row!.top + 1);
      });
    await Promise.all([addNext(), addNext(), addNext(), addNext()]);
    expect(await installationIds()).toEqual([1, 2, 3, 4, 5]);
  });

  it.skipIf(process.env.STEWARD_TEST_ENGINE !== "postgres")("runs a transaction PostgreSQL aborted as a deadlock's victim again", async () => {
    await addInstallation(store.db, 1);
    await addInstallation(store.db, 2);
    const { installations } = tablesOf(store.db);
    let arrived = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => {
      bothHoldOne = resolve;
    });
    let attempts = 0;
    // Each locks one row, waits until the other holds its row, then wants the other's: a deadlock.
    const crossing = (first: number, second: number) =>
      inTransaction(store.db, async (tx) => {
        attempts++;
        await tx
          .update(installations)
          .set({ accountLogin: `by-${first}` })
          .where(eq(installations.id, first));
        if (++arrived === 2) bothHoldOne();
        await barrier;
        await tx
          .update(installations)
          .set({ accountLogin: `by-${first}` })
          .where(eq(installations.id, second));
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    expect(attempts).toBe(3);
  });

  it("refuses a transaction lock outside a transaction", async () => {
    await expect(lockForTransaction(store.db, "x")).rejects.toThrow(/needs a transaction/);
  });

  it("reads raw rows with quoted aliases and numbers for counts, times and sums", async () => {
    await addInstallation(store.db, 7);
    await addInstallation(store.db, 8);
    const rows = await selectRows<{ accountLogin: string; registeredAt: number }>(
      store.db,
      sql`SELECT account_login AS "accountLogin", registered_at AS "registeredAt" FROM installations ORDER BY id`,
    );
    expect(rows).toEqual([
      { accountLogin: "org7", registeredAt: 0 },
      { accountLogin: "org8", registeredAt: 0 },
    ]);
    const totals = await selectRow<{ n: number; total: number }>(
      store.db,
      sql`SELECT count(*) AS n, cast(sum(id) AS bigint) AS total FROM installations`,
    );
    expect(totals).toEqual({ n: 2, total: 15 });
  });

  it("counts the rows a raw statement changed", async () => {
    await addInstallation(store.db, 1);
    await addInstallation(store.db, 2);
    expect(await runStatement(store.db, sql`UPDATE installations SET account_login = 'renamed' WHERE id >= ${1}`)).toBe(2);
    expect(await runStatement(store.db, sql`DELETE FROM installations WHERE id = ${99}`)).toBe(0);
  });

  it("binds text statements' placeholders in order, and refuses a count that does not match", async () => {
    await runStatement(
      store.db,
      sqlFromText(`INSERT INTO installations (id, account_login, account_type, suspended, registered_at) VALUES (?, ?, ?, ?, ?)`, [
        5,
        "acme",
        "User",
        1,
        42,
      ]),
    );
    const { installations } = tablesOf(store.db);
    const [row] = await store.db.select().from(installations).where(eq(installations.id, 5));
    expect(row).toEqual({ id: 5, accountLogin: "acme", accountType: "User", suspended: true, registeredAt: new Date(42) });
    expect(() => sqlFromText(`SELECT ?`, [])).toThrow(/1 placeholders for 0 parameters/);
  });
});
