import { describe, expect, it } from "vitest";
import { organizationContributors, organizationLeads, type RepositoryContributor } from "../../../src/digest/rollup/org-people.js";

const period = { start: new Date("2026-11-23T00:00:00Z"), end: new Date("2026-11-30T00:00:00Z") };
const before = new Date("2026-10-01T00:00:00Z");
const during = new Date("2026-11-25T00:00:00Z");
const after = new Date("2026-12-01T00:00:00Z");
const c = (repository: string, login: string, userId: number | null, at: Date): RepositoryContributor => ({
  repository,
  login,
  userId,
  firstContributedAt: at,
});

describe("organizationContributors", () => {
  it("counts a person new in two repositories once, naming both", () => {
    const result = organizationContributors(
      [c("acme/a", "ada", 1, during), c("acme/b", "ada", 1, during), c("acme/a", "bob", 2, during)],
      period,
      [10, 50],
    );
    expect(result.newcomers).toEqual([
      { login: "ada", repositories: ["acme/a", "acme/b"], newToOrganization: true },
      { login: "bob", repositories: ["acme/a"], newToOrganization: true },
    ]);
    expect(result.total).toEqual({ now: 2, before: 0 });
  });

  it("keys people by account id, so a rename is one person, and a login reused by another account is two", () => {
    const result = organizationContributors(
      [c("acme/a", "old-name", 7, before), c("acme/b", "new-name", 7, during), c("acme/c", "new-name", 8, before)],
      period,
      [],
    );
    expect(result.total).toEqual({ now: 2, before: 2 });
    // Known in acme/a before the week: new in acme/b, but not to the organization.
    expect(result.newcomers).toEqual([{ login: "new-name", repositories: ["acme/b"], newToOrganization: false }]);
  });

  it("leaves out contributions after the period and crosses thresholds on distinct people, not sums", () => {
    const people = Array.from({ length: 6 }, (_, i) => [c("acme/a", `p${i}`, 100 + i, before), c("acme/b", `p${i}`, 100 + i, during)]).flat();
    people.push(c("acme/a", "late", 999, after));
    // 12 per-repository rows, 6 people: the 10 threshold is not reached.
    const result = organizationContributors(people, period, [5, 10, 50]);
    expect(result.total).toEqual({ now: 6, before: 6 });
    expect(result.crossed).toEqual([]);
    expect(result.next).toBe(10);
    const grown = organizationContributors(
      [...people, ...Array.from({ length: 5 }, (_, i) => c("acme/c", `n${i}`, 200 + i, during))],
      period,
      [5, 10, 50],
    );
    expect(grown.total).toEqual({ now: 11, before: 6 });
    expect(grown.crossed).toEqual([10]);
    expect(grown.next).toBe(50);
  });
});

describe("organizationLeads", () => {
  it("counts a lead seen in two repositories once, ignoring case", () => {
    expect(
      organizationLeads([
        { repository: "acme/b", login: "Buyer" },
        { repository: "acme/a", login: "buyer" },
        { repository: "acme/a", login: "cto" },
      ]),
    ).toEqual([
      { login: "Buyer", repositories: ["acme/a", "acme/b"] },
      { login: "cto", repositories: ["acme/a"] },
    ]);
  });
});
