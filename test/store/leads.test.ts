import { describe, expect, it } from "vitest";
import { saveCustomer } from "../../src/store/customers.js";
import { tablesOf } from "../../src/store/engine.js";
import { countLeads, type LeadSignal, listLeads, recordLeadSignal, termsRecordedOnItem } from "../../src/store/leads.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const signal = (
  naturalKey: string,
  login: string,
  userId: number | null,
  day: number,
  terms: string[],
  itemNumber: number | null = null,
): LeadSignal => ({
  repositoryId: 1,
  naturalKey,
  login,
  userId,
  itemNumber,
  terms,
  occurredAt: at(day),
});

describe("leads store", () => {
  const store = useTestStore();

  it("records a signal once per fact, and gives the terms a person already used on an item, lowercased", async () => {
    const { db } = store;
    expect(await recordLeadSignal(db, signal("k1", "ann", 7, 1, ["SSO", "Audit Log"], 3))).toBe(true);
    expect(await recordLeadSignal(db, signal("k1", "ann", 7, 1, ["SSO"], 3))).toBe(false);
    await recordLeadSignal(db, signal("k2", "ann-renamed", 7, 2, ["SLA"], 3));
    await recordLeadSignal(db, signal("k3", "ann", 7, 2, ["on-prem"], 4));
    await recordLeadSignal(db, signal("k4", "ann", null, 2, ["SAML"], 3));
    expect(await termsRecordedOnItem(db, 1, { login: "whatever", id: 7 }, 3)).toEqual(new Set(["sso", "audit log", "sla"]));
    expect(await termsRecordedOnItem(db, 1, { login: "ann", id: null }, 3)).toEqual(new Set(["saml"]));
    expect(await termsRecordedOnItem(db, 2, { login: "ann", id: 7 }, 3)).toEqual(new Set());
  });

  it("lists leads per person, latest first, named by their member row, with their profile and conversion", async () => {
    const { db } = store;
    const { communityMembers, events, userProfiles } = tablesOf(db);
    const fact = (naturalKey: string, itemNumber: number, isPull: boolean) => ({
      repositoryId: 1,
      naturalKey,
      kind: isPull ? "pull_request.opened" : "issues.opened",
      actorLogin: "x",
      actorType: "User",
      itemNumber,
      isPull,
      occurredAt: at(1),
    });
    await db.insert(events).values([fact("k1", 3, false), fact("k2", 5, true)]);
    await recordLeadSignal(db, signal("k1", "ann", 7, 1, ["SSO"], 3));
    await recordLeadSignal(db, signal("k2", "ann-renamed", 7, 4, ["sso", "audit log"], 5));
    await recordLeadSignal(db, signal("k3", "old", null, 2, ["SLA"]));
    await recordLeadSignal(db, signal("k4", "zed", 9, 3, ["SAML"], 8));
    await recordLeadSignal(db, { ...signal("k5", "far", 10, 3, ["SSO"]), repositoryId: 2 });
    await db.insert(communityMembers).values({
      repositoryId: 1,
      userId: 7,
      login: "ann-new",
      actorType: "User",
      maintainerSeen: false,
      firstActiveAt: at(1),
      lastActiveAt: at(4),
    });
    await db.insert(userProfiles).values({ login: "ann", userId: 7, type: "User", company: "Acme Corp", companyKey: "acme", fetchedAt: at(1) });
    await saveCustomer(db, { repositoryId: 1, company: "Acme", companyKey: "acme", plan: "team", mrrCents: 1, login: null, since: at(1) }, at(1));
    await saveCustomer(
      db,
      { repositoryId: 1, company: "Zed Co", companyKey: "zed co", plan: "team", mrrCents: 1, login: "ZED", since: at(1) },
      at(1),
    );

    const leads = await listLeads(db, 1);
    expect(leads).toEqual([
      {
        login: "ann-new",
        userId: 7,
        company: "Acme Corp",
        companyKey: "acme",
        firstSeenAt: at(1),
        lastSeenAt: at(4),
        itemNumber: 5,
        isPull: true,
        naturalKey: "k2",
        terms: ["SSO", "audit log"],
        signals: 2,
        status: "converted",
      },
      expect.objectContaining({ login: "zed", userId: 9, company: null, isPull: null, signals: 1, status: "converted" }),
      expect.objectContaining({ login: "old", userId: null, companyKey: null, terms: ["SLA"], status: "open" }),
    ]);
    expect((await listLeads(db, 1, { since: at(3) })).map((l) => l.login)).toEqual(["ann-new", "zed"]);
    const before = await listLeads(db, 1, { until: at(3) });
    expect(before.map((l) => [l.login, l.lastSeenAt, l.itemNumber, l.isPull, l.signals])).toEqual([
      ["old", at(2), null, null, 1],
      ["ann-new", at(1), 3, false, 1],
    ]);
    expect(await listLeads(db, 3)).toEqual([]);
  });

  it("counts distinct people with a signal before the end, and those whose first one is in the period", async () => {
    const { db } = store;
    expect(await countLeads(db, 1, at(1), at(9))).toEqual({ total: 0, new: 0 });
    await recordLeadSignal(db, signal("k1", "ann", 7, 1, ["SSO"]));
    await recordLeadSignal(db, signal("k2", "ann-renamed", 7, 5, ["SSO"]));
    await recordLeadSignal(db, signal("k3", "old", null, 2, ["SLA"]));
    await recordLeadSignal(db, signal("k4", "old", null, 6, ["SLA"]));
    await recordLeadSignal(db, signal("k5", "zed", 9, 3, ["SAML"]));
    await recordLeadSignal(db, signal("k6", "late", 11, 9, ["SAML"]));
    await recordLeadSignal(db, { ...signal("k7", "far", 10, 3, ["SSO"]), repositoryId: 2 });
    expect(await countLeads(db, 1, at(2), at(9))).toEqual({ total: 3, new: 2 });
    expect(await countLeads(db, 1, at(4), at(10))).toEqual({ total: 4, new: 1 });
    expect(await countLeads(db, 1, at(1), at(2))).toEqual({ total: 1, new: 1 });
  });
});
