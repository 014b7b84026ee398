import { describe, expect, it } from "vitest";
import { isBot, isCommunity, isMaintainer } from "../../src/people/roles.js";

const config = { maintainers: ["Alice"], ignoreUsers: ["ci-robot"] };

describe("roles", () => {
  it.each([
    [{ login: "dependabot[bot]", type: "Bot" }, true],
    [{ login: "renovate[bot]" }, true],
    [{ login: "dependabot", type: "Bot" }, true],
    [{ login: "CI-Robot", type: "User" }, true],
    [{ login: "octocat", type: "User" }, false],
  ])("isBot(%j) is %s", (person, expected) => {
    expect(isBot(person, config)).toBe(expected);
  });

  it("makes OWNER, MEMBER and COLLABORATOR maintainers, and the configured ones whatever their association", () => {
    for (const association of ["OWNER", "MEMBER", "COLLABORATOR"]) expect(isMaintainer({ login: "x", association }, config)).toBe(true);
    for (const association of ["CONTRIBUTOR", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "MANNEQUIN", "NONE", null]) {
      expect(isMaintainer({ login: "x", association }, config)).toBe(false);
    }
    expect(isMaintainer({ login: "alice", association: "NONE" }, config)).toBe(true);
  });

  it("never makes a bot a maintainer or a community member", () => {
    const bot = { login: "helper[bot]", type: "Bot", association: "MEMBER" };
    expect(isMaintainer(bot, config)).toBe(false);
    expect(isCommunity(bot, config)).toBe(false);
  });

  it("puts everyone else in the community", () => {
    expect(isCommunity({ login: "newcomer", association: "FIRST_TIME_CONTRIBUTOR" }, config)).toBe(true);
    expect(isCommunity({ login: "alice", association: "NONE" }, config)).toBe(false);
  });
});
