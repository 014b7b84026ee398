import { describe, expect, it } from "vitest";
import type { RollupData } from "../../../src/digest/rollup/rollup-data.js";
import { renderRollup, rollupMarker, rollupTitle } from "../../../src/digest/rollup/render-rollup.js";

function sample(isPrivate: boolean): RollupData {
  return {
    repository: { fullName: "acme/.github", private: isPrivate },
    organization: "acme",
    week: { key: "2026-W48", title: "Community digest: 2026-W48 (Nov 23 - Nov 29)" },
    rows: [
      { fullName: "acme/a", response: { decided: 4, withinGoal: 3 }, waiting: 2, newContributors: 2, stars: { now: 10, before: 8 } },
      { fullName: "acme/b|x", response: { decided: 0, withinGoal: 0 }, waiting: 0, newContributors: 1, stars: { now: 5, before: 5 } },
      { fullName: "acme/c", response: null, waiting: null, newContributors: null, stars: null },
    ],
    contributors: {
      total: { now: 12, before: 9 },
      newcomers: [
        { login: "ada", repositories: ["acme/a", "acme/b|x"], newToOrganization: true },
        { login: "bob", repositories: ["acme/a"], newToOrganization: false },
      ],
      crossed: [10],
      next: 50,
    },
    leads: [
      { login: "buyer", repositories: ["acme/a"] },
      { login: "cto", repositories: ["acme/a", "acme/c"] },
    ],
    problems: [],
    previous: { week: "2026-W47", issueNumber: 4 },
  };
}

describe("renderRollup", () => {
  it("shows the table with totals, people counted once, and the marker", () => {
    const body = renderRollup(sample(false));
    expect(rollupTitle(sample(false).week)).toBe("Organization digest: 2026-W48 (Nov 23 - Nov 29)");
    expect(body).toContain("| **All 3** | 75% (3 of 4) | 2 | 2 people | 15 | +2 |");
    expect(body).toContain("| acme/a | 75% (3 of 4) | 2 | 2 | 10 | +2 |");
    expect(body).toContain("| acme/b\\|x | – | 0 | 1 | 5 | ±0 |");
    expect(body).toContain("| acme/c | – | – | – | – | – |");
    expect(body).toContain("2 people had a first contribution merged in one of the repositories this week, 1 of them new to the whole organization.");
    expect(body).toContain("- @\u200bada in acme/a, acme/b|x");
    expect(body).toContain("- @\u200bbob in acme/a (contributed elsewhere before)");
    expect(body).toContain("**Contributors (distinct people across the repositories):** 12 / 50");
    expect(body).toContain("The organization reached **10 contributors** this week.");
    expect(body).toContain("Previous roll-up: #4 (2026-W47).");
    expect(body.endsWith(rollupMarker("2026-W48"))).toBe(true);
  });

  it("gives a public roll-up repository only the count of leads", () => {
    const body = renderRollup(sample(false));
    expect(body).toContain(
      "2 people showed interest this week in 2 repositories, each counted once. Names are shown only when the roll-up repository is private.",
    );
    expect(body).not.toContain("buyer");
    expect(body).not.toContain("cto");
  });

  it("names the leads in a private roll-up repository", () => {
    const body = renderRollup(sample(true));
    expect(body).toContain("- @\u200bbuyer in acme/a");
    expect(body).toContain("- @\u200bcto in acme/a, acme/c");
    expect(body).not.toContain("Names are shown only");
  });
});
