import { describe, expect, it } from "vitest";
import { elephantFactor } from "../../../src/metrics/health/elephant-factor.js";
import type { PersonActivity } from "../../../src/metrics/health/people-activity.js";

const person = (id: number | null, activity: number): PersonActivity => ({
  key: id === null ? `x${activity}` : `id:${id}`,
  id,
  login: `u${id}`,
  activity,
  merges: 0,
});

describe("elephantFactor", () => {
  it("adds up each company's people and names it by its most used spelling", () => {
    const companies = new Map([
      [1, { companyKey: "acme", company: "Acme, Inc." }],
      [2, { companyKey: "acme", company: "@acme" }],
      [3, { companyKey: "acme", company: "@acme" }],
      [4, { companyKey: "globex", company: "Globex" }],
    ]);
    const result = elephantFactor([person(1, 3), person(2, 2), person(3, 2), person(4, 6), person(5, 1)], companies);
    expect(result).toEqual({ factor: 1, total: 14, knownShare: 13 / 14, companies: [{ company: "@acme", count: 7 }] });
  });

  it("counts people without a company in the whole, under no company", () => {
    const companies = new Map([[1, { companyKey: "acme", company: "Acme" }]]);
    // Acme made 4 of 10: the unknown 6 are not one company, so no set of companies reaches half.
    expect(elephantFactor([person(1, 4), person(2, 3), person(null, 3)], companies)).toEqual({
      factor: null,
      total: 10,
      knownShare: 0.4,
      companies: [],
    });
  });

  it("says nothing over no activity", () => {
    expect(elephantFactor([], new Map())).toEqual({ factor: 0, total: 0, knownShare: null, companies: [] });
  });

  it("decides between tied companies by name", () => {
    const companies = new Map([
      [1, { companyKey: "b", company: "Beta" }],
      [2, { companyKey: "a", company: "Alpha" }],
    ]);
    expect(elephantFactor([person(1, 2), person(2, 2)], companies).companies).toEqual([{ company: "Alpha", count: 2 }]);
  });
});
