import { describe, expect, it } from "vitest";
import { commandAuthority } from "../../src/people/command-authority.js";

const config = { maintainers: ["Listed-Lee"], ignoreUsers: ["ci-helper"] };
const author = (actorLogin: string, association: string | null, actorType = "User") => ({ actorLogin, actorType, association });

describe("who may command Steward", () => {
  it("lets owners, members, collaborators and the config's maintainers command it", () => {
    for (const association of ["OWNER", "MEMBER", "COLLABORATOR"]) expect(commandAuthority(author("mia", association), config)).toBe("maintainer");
    expect(commandAuthority(author("listed-lee", "NONE"), config)).toBe("maintainer");
  });

  it("refuses everyone else, contributors included", () => {
    for (const association of ["CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "NONE", null])
      expect(commandAuthority(author("carol", association), config)).toBe("other");
  });

  it("ignores bots, Steward itself and ignored users, even with a maintainer's association", () => {
    expect(commandAuthority(author("steward[bot]", "NONE", "Bot"), config)).toBe("bot");
    expect(commandAuthority(author("helper", "MEMBER", "Bot"), config)).toBe("bot");
    expect(commandAuthority(author("ci-helper", "MEMBER"), config)).toBe("bot");
  });
});
