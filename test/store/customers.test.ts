import { describe, expect, it } from "vitest";
import { type Customer, listCustomers, removeCustomer, saveCustomer, sumCustomers } from "../../src/store/customers.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const customer = (company: string, since: number, mrrCents: number, login: string | null = null): Customer => ({
  repositoryId: 1,
  company,
  companyKey: company.toLowerCase(),
  plan: "team",
  mrrCents,
  login,
  since: at(since),
});

describe("customers store", () => {
  const store = useTestStore();

  it("adds a company once, then updates its plan, MRR, login and start, keeping when it was entered", async () => {
    const { db } = store;
    expect(await saveCustomer(db, customer("Acme", 5, 10_000), at(6))).toBe("added");
    expect(await saveCustomer(db, { ...customer("ACME", 3, 25_000, "ann"), plan: "enterprise" }, at(9))).toBe("updated");
    const [acme, ...others] = await listCustomers(db, 1);
    expect(others).toEqual([]);
    expect(acme).toMatchObject({ repositoryId: 1, company: "ACME", companyKey: "acme", plan: "enterprise", mrrCents: 25_000, login: "ann" });
    expect(acme?.since).toEqual(at(3));
    expect(acme?.createdAt).toEqual(at(6));
    expect(typeof acme?.id).toBe("number");
  });

  it("makes one customer of two saves of a new company at the same time", async () => {
    const outcomes = await Promise.all([
      saveCustomer(store.db, customer("Acme", 1, 100), at(1)),
      saveCustomer(store.db, customer("Acme", 1, 200), at(1)),
    ]);
    expect([...outcomes].sort()).toEqual(["added", "updated"]);
    // Whichever came second updated the first's row.
    const rows = await listCustomers(store.db, 1);
    expect(rows).toHaveLength(1);
    expect([100, 200]).toContain(rows[0]?.mrrCents);
  });

  it("lists a repository's customers oldest first, and removes one by its key", async () => {
    const { db } = store;
    await saveCustomer(db, customer("Bolt", 4, 1), at(10));
    await saveCustomer(db, customer("Acme", 2, 1), at(10));
    await saveCustomer(db, customer("Core", 4, 1), at(10));
    await saveCustomer(db, { ...customer("Elsewhere", 1, 1), repositoryId: 2 }, at(10));
    expect((await listCustomers(db, 1)).map((c) => c.company)).toEqual(["Acme", "Bolt", "Core"]);
    expect(await removeCustomer(db, 1, "bolt")).toBe(true);
    expect(await removeCustomer(db, 1, "bolt")).toBe(false);
    expect(await removeCustomer(db, 1, "elsewhere")).toBe(false);
    expect((await listCustomers(db, 1)).map((c) => c.company)).toEqual(["Acme", "Core"]);
    expect((await listCustomers(db, 2)).map((c) => c.company)).toEqual(["Elsewhere"]);
  });

  it("sums customers and MRR as numbers, by start and by when they were entered", async () => {
    const { db } = store;
    expect(await sumCustomers(db, 1, {})).toEqual({ count: 0, mrrCents: 0 });
    // Beyond 32 bits: the sum must stay exact and a number on both engines.
    await saveCustomer(db, customer("Acme", 2, 3_000_000_000), at(2));
    await saveCustomer(db, customer("Bolt", 5, 1_500_000_000), at(5));
    // Entered on day 20 with a start on day 3.
    await saveCustomer(db, customer("Core", 3, 7), at(20));
    await saveCustomer(db, { ...customer("Other", 1, 99), repositoryId: 2 }, at(1));
    expect(await sumCustomers(db, 1, {})).toEqual({ count: 3, mrrCents: 4_500_000_007 });
    expect(await sumCustomers(db, 1, { startedBefore: at(5) })).toEqual({ count: 2, mrrCents: 3_000_000_007 });
    expect(await sumCustomers(db, 1, { startedBefore: at(6), recordedBy: at(5) })).toEqual({ count: 2, mrrCents: 4_500_000_000 });
    expect(await sumCustomers(db, 1, { recordedBy: at(4) })).toEqual({ count: 1, mrrCents: 3_000_000_000 });
  });
});
