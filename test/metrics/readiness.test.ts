import { describe, expect, it } from "vitest";
import { readinessChecklist, type ReadinessInput } from "../../src/metrics/readiness.js";

const all = { readme: true, contributing: true, codeOfConduct: true, issueTemplate: true, pullRequestTemplate: true };
const base: ReadinessInput = {
  license: "AGPL-3.0",
  profile: all,
  profileNote: "",
  stars: 1000,
  contributors: 10,
  responseShare: 0.9,
  responseNote: "",
};
const states = (input: ReadinessInput) => Object.fromEntries(readinessChecklist(input).map((i) => [i.id, i.state]));

describe("readinessChecklist", () => {
  it("meets every item for an AGPL project with the files, 1,000 stars, 10 contributors and 90% answered in time", () => {
    expect(states(base)).toEqual({
      license: "met",
      readme: "met",
      contributing: "met",
      "code-of-conduct": "met",
      "issue-templates": "met",
      "pr-template": "met",
      "stars-1000": "met",
      "contributors-10": "met",
      "response-goal": "met",
    });
  });

  it("favours BSL, notes MIT and Apache as a risk and no license as missing", () => {
    expect(states({ ...base, license: "BUSL-1.1" }).license).toBe("met");
    expect(states({ ...base, license: "MIT" }).license).toBe("risk");
    expect(states({ ...base, license: "Apache-2.0" }).license).toBe("risk");
    expect(states({ ...base, license: null }).license).toBe("missing");
    expect(states({ ...base, license: undefined }).license).toBe("unknown");
  });

  it("leaves the files unknown for a fork, with the reason", () => {
    const items = readinessChecklist({ ...base, profile: null, profileNote: "a fork has no community profile" });
    expect(items.find((i) => i.id === "readme")).toMatchObject({ state: "unknown", detail: "a fork has no community profile" });
    expect(states({ ...base, profile: { ...all, contributing: false } }).contributing).toBe("missing");
  });

  it("misses the thresholds just below them, and says why the response share is unknown", () => {
    expect(states({ ...base, stars: 999, contributors: 9, responseShare: 0.89 })).toMatchObject({
      "stars-1000": "missing",
      "contributors-10": "missing",
      "response-goal": "missing",
    });
    const unknown = readinessChecklist({ ...base, responseShare: null, responseNote: "no community item was decided" });
    expect(unknown.at(-1)).toMatchObject({ state: "unknown", detail: "no community item was decided" });
  });
});
