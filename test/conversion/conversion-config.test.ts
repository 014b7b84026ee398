import { describe, expect, it } from "vitest";
import { DEFAULT_INTEREST_TERMS } from "../../src/config/sections/conversion.js";
import { validateConfig } from "../../src/config/validate-config.js";

describe("the conversion section of steward.yml", () => {
  it("defaults to the usual enterprise terms, no label", () => {
    const { config } = validateConfig({});
    expect(config.conversion).toEqual({ enabled: true, terms: DEFAULT_INTEREST_TERMS, labelLeads: false, leadLabel: "enterprise-interest" });
  });

  it("reports empty and non-string terms with their paths, all at once, and runs on defaults", () => {
    const outcome = validateConfig({ conversion: { terms: ["SSO", "  ", 42], leadLabel: "" } });
    expect(outcome.problems.map((p) => p.path)).toEqual(["conversion.terms.1", "conversion.terms.2", "conversion.leadLabel"]);
    expect(outcome.problems[0]!.message).toMatch(/a term cannot be empty/);
    expect(outcome.config.conversion.terms).toEqual(DEFAULT_INTEREST_TERMS);
  });
});
