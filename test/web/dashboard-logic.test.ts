import { describe, expect, it } from "vitest";
import type { MilestoneProgress } from "../../src/domain/figures.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { visibleInstallations } from "../../src/web/access.js";
import { nearestMilestone } from "../../src/web/data/next-milestone.js";
import { waitingStage } from "../../src/web/data/waiting-stage.js";
import { weeksEndingAt } from "../../src/web/data/weeks.js";
import { githubEndpoints } from "../../src/web/github/github-endpoints.js";
import type { UserRepository } from "../../src/web/github/user-api.js";
import { safeNext } from "../../src/web/next-path.js";

const NONE = { admin: false, maintain: false, push: false, triage: false, pull: false };
const repo = (id: number, fullName: string, installationId: number): RepositoryRecord => {
  const [owner = "", name = ""] = fullName.split("/");
  return { id, installationId, owner, name, fullName, private: false };
};
const fromGitHub = (id: number, fullName: string, permissions: Partial<UserRepository["permissions"]>): UserRepository => ({
  id,
  fullName,
  permissions: { ...NONE, pull: true, ...permissions },
});

describe("visibleInstallations", () => {
  const served = [repo(1, "acme/widget", 10), repo(2, "acme/gadget", 10), repo(3, "acme/docs", 10), repo(4, "solo/tool", 20)];

  it("keeps served repositories the user administers or maintains, joined by id", () => {
    const visible = visibleInstallations(
      [
        {
          id: 10,
          account: "acme",
          repositories: [
            fromGitHub(1, "acme/widget-renamed", { maintain: true }),
            fromGitHub(2, "acme/gadget", { push: true, triage: true }),
            fromGitHub(3, "acme/docs", { admin: true }),
            fromGitHub(99, "acme/not-served", { admin: true }),
          ],
        },
        { id: 20, account: "solo", repositories: [fromGitHub(4, "solo/tool", { triage: true })] },
      ],
      served,
    );
    expect(visible).toEqual([{ id: 10, account: "acme", repositories: [served[2], served[0]] }]);
  });

  it("ignores a repository GitHub lists under another installation than Steward's", () => {
    expect(visibleInstallations([{ id: 20, account: "solo", repositories: [fromGitHub(1, "acme/widget", { admin: true })] }], served)).toEqual([]);
  });
});

describe("safeNext", () => {
  it("returns to dashboard paths only", () => {
    expect(safeNext("/dashboard/repos/acme/widget")).toBe("/dashboard/repos/acme/widget");
    expect(safeNext("/dashboard/installations/12")).toBe("/dashboard/installations/12");
    for (const bad of [
      null,
      "",
      "https://evil.example",
      "//evil.example",
      "/dashboard//evil.example",
      "/dashboardx",
      "/dashboard/../metrics",
      "/other",
    ]) {
      expect(safeNext(bad)).toBe("/dashboard");
    }
  });
});

describe("weeksEndingAt", () => {
  it("gives ISO weeks from Monday, the current one ending now", () => {
    const now = new Date("2026-12-03T15:30:00Z"); // a Thursday
    const weeks = weeksEndingAt(now, 3);
    expect(weeks.map((w) => w.label)).toEqual(["2026-W47", "2026-W48", "2026-W49"]);
    expect(weeks[0]?.start.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(weeks[1]?.end.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weeks[2]?.end).toBe(now);
  });

  it("numbers weeks across a year's end", () => {
    expect(weeksEndingAt(new Date("2027-01-04T00:00:00Z"), 2).map((w) => w.label)).toEqual(["2026-W53", "2027-W01"]);
  });
});

describe("waitingStage", () => {
  it("follows the at-risk share of the goal", () => {
    expect(waitingStage({ waitedMs: 17 * 3_600_000, overGoal: false }, 24, 0.75)).toBe("on time");
    expect(waitingStage({ waitedMs: 18 * 3_600_000, overGoal: false }, 24, 0.75)).toBe("due soon");
    expect(waitingStage({ waitedMs: 30 * 3_600_000, overGoal: true }, 24, 0.75)).toBe("over goal");
  });
});

describe("nearestMilestone", () => {
  const progress = (metric: MilestoneProgress["metric"], current: number, previous: number, next: number | null): MilestoneProgress => ({
    metric,
    current,
    previous,
    next,
    forecast: null,
    crossed: [],
  });

  it("picks the metric furthest along to its next threshold, never revenue", () => {
    expect(nearestMilestone([progress("stars", 400, 100, 1000), progress("contributors", 45, 10, 50), progress("mrr", 990, 0, 1000)])).toEqual({
      metric: "contributors",
      current: 45,
      next: 50,
      forecast: null,
    });
    expect(nearestMilestone([progress("stars", 12000, 10000, null)])).toBeNull();
  });
});

describe("githubEndpoints", () => {
  it("reads GHE_HOST as Probot does", () => {
    expect(githubEndpoints({})).toEqual({ web: "https://github.com", api: "https://api.github.com" });
    expect(githubEndpoints({ GHE_HOST: "127.0.0.1:3100", GHE_PROTOCOL: "http" })).toEqual({
      web: "http://127.0.0.1:3100",
      api: "http://127.0.0.1:3100/api/v3",
    });
  });
});
