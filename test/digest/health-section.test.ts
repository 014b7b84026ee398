import { describe, expect, it } from "vitest";
import { healthSection } from "../../src/digest/render/health.js";
import type { HealthFigures } from "../../src/domain/figures.js";
import { sampleHealth } from "../fixtures/digest/sample-digest-data.js";

const render = (figures: HealthFigures, nameCompanies = false) => {
  const section = healthSection({ status: "ok", current: figures, previous: null }, { heading: "## Community health", nameCompanies });
  return [section.head, ...section.items].join("\n");
};

describe("the digest's community health section", () => {
  it("names companies only where allowed, the number always", () => {
    expect(render(sampleHealth)).toContain("**1** company behind half of the activity; 75%");
    expect(render(sampleHealth)).not.toContain("Acme");
    expect(render(sampleHealth, true)).toContain("**1** company behind half of the activity (Acme | Corp)");
  });

  it("says plainly when there is nothing to count, or too few known companies", () => {
    const empty: HealthFigures = {
      ...sampleHealth,
      busFactor: { merges: { factor: 0, total: 0, people: [] }, firstResponses: { factor: 0, total: 0, people: [] } },
      elephantFactor: { factor: null, total: 20, knownShare: 0.2, companies: [] },
      retention: { ...sampleHealth.retention, cohort: 0, retained: 0, share: null },
      closure: { issues: { opened: 0, closed: 0, ratio: null }, pullRequests: { opened: 2, closed: 1, ratio: 0.5 } },
      staleBacklog: { idleDays: 30, count: 0, oldest: [] },
    };
    const text = render(empty);
    expect(text).toContain("no merged pull requests to count; no first responses to count.");
    expect(text).toContain("not known: only 20% of the activity is by people whose profile names a company.");
    expect(text).toContain("no first-time contributors in the week of Sep 7, 2026.");
    expect(text).toContain("issues 0 closed, none opened; pull requests 1 ÷ 2 = 0.50.");
    expect(text).toContain("no open issue or pull request has gone 30 days without activity.");
  });

  it("names at most five people per factor, without pinging them", () => {
    const people = ["a", "b", "c", "d", "e", "f", "g"].map((login) => ({ login, count: 1 }));
    const text = render({ ...sampleHealth, busFactor: { ...sampleHealth.busFactor, merges: { factor: 7, total: 13, people } } });
    expect(text).toContain("**7** people made half of the 13 merged pull requests (@\u200ba, @\u200bb, @\u200bc, @\u200bd, @\u200be and 2 more)");
  });

  it("gives the reason when the figures could not be computed", () => {
    const section = healthSection(
      { status: "unavailable", reason: "the community health figures could not be computed (boom)" },
      { heading: "## Community health", nameCompanies: false },
    );
    expect(section.head).toContain("_Not available yet: the community health figures could not be computed (boom)._");
  });
});
