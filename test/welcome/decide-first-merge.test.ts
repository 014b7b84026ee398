import { describe, expect, it } from "vitest";
import { defaultConfig, stewardConfigSchema } from "../../src/config/schema.js";
import {
  chooseMergeMessage,
  isFirstMergeByRecords,
  isFirstMergeByUserHistory,
  milestonesToAnnounce,
  screenMerge,
} from "../../src/welcome/decide-first-merge.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const pr = (number: number, mergedDay: number | null) => ({
  number,
  isPull: true,
  createdAt: at(1),
  mergedAt: mergedDay === null ? null : at(mergedDay),
});

describe("first merge", () => {
  it("by records: the contributor's first contribution is this pull request", () => {
    expect(isFirstMergeByRecords({ firstPullNumber: 8 }, 8)).toBe(true);
    expect(isFirstMergeByRecords({ firstPullNumber: 3 }, 8)).toBe(false);
    expect(isFirstMergeByRecords({ firstPullNumber: null }, 8)).toBe(false);
    expect(isFirstMergeByRecords(undefined, 8)).toBe(false);
  });

  it("by the user's items: no other pull request merged before this one", () => {
    expect(isFirstMergeByUserHistory(8, at(10), { items: [pr(3, null), pr(8, 10)], complete: true })).toBe(true);
    expect(isFirstMergeByUserHistory(8, at(10), { items: [pr(3, 5), pr(8, 10)], complete: true })).toBe(false);
    expect(isFirstMergeByUserHistory(3, at(5), { items: [pr(3, 5), pr(8, 10)], complete: true })).toBe(true);
    expect(isFirstMergeByUserHistory(8, at(10), { items: [pr(1, null)], complete: false })).toBe(false);
  });

  it("screens bots, maintainers, mannequins and the switches", () => {
    expect(screenMerge({ login: "ana", type: "User", association: "CONTRIBUTOR" }, defaultConfig)).toBeNull();
    expect(screenMerge({ login: "dependabot[bot]", type: "Bot", association: "NONE" }, defaultConfig)).toBe("bot");
    expect(screenMerge({ login: "lead", type: "User", association: "OWNER" }, defaultConfig)).toBe("maintainer");
    expect(screenMerge({ login: "old", type: "User", association: "MANNEQUIN" }, defaultConfig)).toBe("mannequin");
    expect(screenMerge({ login: "ana", association: "NONE" }, stewardConfigSchema.parse({ welcome: { firstMerge: false } }))).toBe("disabled");
  });

  it("founding contributors up to N, numbered after, no number while the history is unknown", () => {
    expect(chooseMergeMessage(1, defaultConfig)).toEqual({ message: "foundingContributor", number: 1 });
    expect(chooseMergeMessage(10, defaultConfig)).toEqual({ message: "foundingContributor", number: 10 });
    expect(chooseMergeMessage(11, defaultConfig)).toEqual({ message: "firstMerge", number: 11 });
    expect(chooseMergeMessage(null, defaultConfig)).toEqual({ message: "firstMergeWithoutNumber" });
    expect(chooseMergeMessage(1, stewardConfigSchema.parse({ welcome: { foundingContributors: 0 } }))).toEqual({ message: "firstMerge", number: 1 });
  });

  it("announces only the milestones this pull request's author crossed with it, when asked to", () => {
    const crossings = [
      { metric: "contributors", threshold: 10, login: "ana", userId: 1, itemNumber: 8 },
      { metric: "contributors", threshold: 50, login: "bo", userId: null, itemNumber: 9 },
    ];
    const ana = { login: "ana", id: 1 };
    expect(milestonesToAnnounce(crossings, ana, 8, defaultConfig)).toEqual([]);
    const on = stewardConfigSchema.parse({ welcome: { announceMilestones: true } });
    expect(milestonesToAnnounce(crossings, ana, 8, on)).toEqual([crossings[0]]);
    expect(milestonesToAnnounce(crossings, ana, 9, on)).toEqual([]);
    // The account crossed it, whatever its login now; a crossing without an id is matched by login.
    expect(milestonesToAnnounce(crossings, { login: "ana-renamed", id: 1 }, 8, on)).toEqual([crossings[0]]);
    expect(milestonesToAnnounce(crossings, { login: "ana", id: 2 }, 8, on)).toEqual([]);
    expect(milestonesToAnnounce(crossings, { login: "bo", id: 3 }, 9, on)).toEqual([crossings[1]]);
  });
});
