import { describe, expect, it } from "vitest";
import { defaultConfig, stewardConfigSchema } from "../../src/config/schema.js";
import { isFirstByRecords, isFirstByUserHistory, screenOpening } from "../../src/welcome/decide-first-opening.js";
import type { UserItem } from "../../src/domain/user-history.js";

const person = (association: string, login = "newbie", type = "User") => ({ login, type, association });
const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const issue = (number: number): UserItem => ({ number, isPull: false, createdAt: at(number), mergedAt: null });
const pull = (number: number, merged = false): UserItem => ({
  number,
  isPull: true,
  createdAt: at(number),
  mergedAt: merged ? at(number + 1) : null,
});

describe("screenOpening", () => {
  it("lets newcomers through by association: FIRST_TIMER, FIRST_TIME_CONTRIBUTOR, NONE", () => {
    for (const association of ["FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "NONE"]) {
      expect(screenOpening("issue", person(association), defaultConfig)).toBeNull();
      expect(screenOpening("pull", person(association), defaultConfig)).toBeNull();
    }
  });

  it("never welcomes maintainers, by association or by the config's list", () => {
    for (const association of ["OWNER", "MEMBER", "COLLABORATOR"]) {
      expect(screenOpening("issue", person(association), defaultConfig)).toBe("maintainer");
    }
    const config = stewardConfigSchema.parse({ maintainers: ["Newbie"] });
    expect(screenOpening("pull", person("NONE"), config)).toBe("maintainer");
  });

  it("never welcomes bots: Bot type, [bot] login, ignoreUsers", () => {
    expect(screenOpening("pull", person("NONE", "renovate[bot]"), defaultConfig)).toBe("bot");
    expect(screenOpening("pull", person("FIRST_TIME_CONTRIBUTOR", "helper", "Bot"), defaultConfig)).toBe("bot");
    const config = stewardConfigSchema.parse({ ignoreUsers: ["ci-runner"] });
    expect(screenOpening("issue", person("NONE", "ci-runner"), config)).toBe("bot");
  });

  it("never welcomes mannequins", () => {
    expect(screenOpening("issue", person("MANNEQUIN"), defaultConfig)).toBe("mannequin");
    expect(screenOpening("issue", person("NONE", "ghost-import", "Mannequin"), defaultConfig)).toBe("mannequin");
  });

  it("a CONTRIBUTOR's pull request is no first contribution; their first issue still can be", () => {
    expect(screenOpening("pull", person("CONTRIBUTOR"), defaultConfig)).toBe("already-contributor");
    expect(screenOpening("issue", person("CONTRIBUTOR"), defaultConfig)).toBeNull();
  });

  it("respects the switches", () => {
    const off = stewardConfigSchema.parse({ welcome: { enabled: false } });
    expect(screenOpening("issue", person("NONE"), off)).toBe("disabled");
    const noIssue = stewardConfigSchema.parse({ welcome: { firstIssue: false } });
    expect(screenOpening("issue", person("NONE"), noIssue)).toBe("disabled");
    expect(screenOpening("pull", person("NONE"), noIssue)).toBeNull();
    const noPull = stewardConfigSchema.parse({ welcome: { firstPullRequest: false } });
    expect(screenOpening("pull", person("NONE"), noPull)).toBe("disabled");
  });
});

describe("first from records", () => {
  it("is first only without earlier openings of the kind", () => {
    expect(isFirstByRecords(0)).toBe(true);
    expect(isFirstByRecords(1)).toBe(false);
  });
});

describe("first from the user's items (one API read)", () => {
  it("a first issue after pull requests is still a first issue, and vice versa", () => {
    const history = { items: [pull(2), pull(5), issue(9)], complete: true };
    expect(isFirstByUserHistory("issue", 9, history)).toBe(true);
    expect(isFirstByUserHistory("pull", 5, history)).toBe(false);
    expect(isFirstByUserHistory("pull", 2, history)).toBe(true);
  });

  it("someone who opened a PR but never an issue is not welcomed to their second PR", () => {
    expect(isFirstByUserHistory("pull", 7, { items: [pull(3), pull(7)], complete: true })).toBe(false);
  });

  it("a later item of the same kind does not take the first away", () => {
    expect(isFirstByUserHistory("issue", 4, { items: [issue(4), issue(6)], complete: true })).toBe(true);
  });

  it("an incomplete read without the item itself is no proof", () => {
    const many = Array.from({ length: 30 }, (_, i) => pull(i + 1));
    expect(isFirstByUserHistory("issue", 99, { items: many, complete: false })).toBe(false);
    expect(isFirstByUserHistory("issue", 99, { items: [...many.slice(0, 29), issue(99)], complete: false })).toBe(true);
  });

  it("an item the read does not show yet (a lagging index) counts as first when the read is complete", () => {
    expect(isFirstByUserHistory("issue", 12, { items: [], complete: true })).toBe(true);
  });
});
