import { describe, expect, it } from "vitest";
import { leadPeople } from "../../src/store/conversion-funnel.js";
import { countLeads, listLeads, recordLeadSignal, type LeadSignal } from "../../src/store/leads.js";
import { useTestStore } from "../helpers/test-store.js";

/** Issue 18: `/steward not-lead` takes a person off the leads until a later `/steward lead`, as of each instant. */
const REPO = 10;
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const day = (n: number) => new Date(T0 + n * DAY);

describe("a maintainer's verdicts on leads", () => {
  const store = useTestStore();
  let i = 0;
  const row = (login: string, userId: number | null, n: number, kind: LeadSignal["kind"] = "interest"): LeadSignal => ({
    repositoryId: REPO,
    naturalKey: `k${i++}`,
    login,
    userId,
    itemNumber: 1,
    terms: kind === "dismissed" ? [] : kind === "marked" ? ["maintainer"] : ["SSO"],
    occurredAt: day(n),
    kind,
  });
  const record = async (...rows: LeadSignal[]) => {
    for (const r of rows) await recordLeadSignal(store.db, r);
  };
  const logins = async (until?: Date) => (await listLeads(store.db, REPO, until ? { until } : {})).map((lead) => lead.login).sort();
  const people = async (until: Date) => (await leadPeople(store.db, REPO, until)).map((p) => p.login).sort();

  it("drops a dismissed lead from the list, the counts and the funnel from the dismissal on, and not before", async () => {
    await record(row("ann", 1, 1), row("bob", 2, 2), row("ann", 1, 5, "dismissed"));
    expect(await logins()).toEqual(["bob"]);
    expect(await logins(day(4))).toEqual(["ann", "bob"]);
    expect(await countLeads(store.db, REPO, day(0), day(10))).toEqual({ total: 1, new: 1 });
    expect(await countLeads(store.db, REPO, day(0), day(4))).toEqual({ total: 2, new: 2 });
    expect(await people(day(10))).toEqual(["bob"]);
    expect(await people(day(4))).toEqual(["ann", "bob"]);
    // Their own words after the dismissal do not bring them back.
    await record(row("ann", 1, 6));
    expect(await logins()).toEqual(["bob"]);
  });

  it("brings a dismissed person back with a later /steward lead, and records a marked lead on its own", async () => {
    await record(row("ann", 1, 1), row("ann", 1, 5, "dismissed"), row("ann", 1, 7, "marked"), row("cy", 3, 3, "marked"));
    expect(await logins()).toEqual(["ann", "cy"]);
    expect(await logins(day(6))).toEqual(["cy"]);
    const [ann] = (await listLeads(store.db, REPO)).filter((lead) => lead.login === "ann");
    expect(ann!.terms).toEqual(["SSO", "maintainer"]);
    expect(await countLeads(store.db, REPO, day(4), day(10))).toEqual({ total: 2, new: 0 });
    expect(await people(day(6))).toEqual(["cy"]);
  });
});
