import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";

/** Issue 14: `response.issues` and `response.pullRequests`, each an optional override of the goal and exempt labels. */
describe("response.issues and response.pullRequests in steward.yml", () => {
  it("are optional, and accept either field alone", () => {
    const { config, problems } = validateConfig({ response: { issues: {}, pullRequests: { goalHours: 2.5 } } });
    expect(problems).toEqual([]);
    expect(config.response.issues).toEqual({});
    expect(config.response.pullRequests).toEqual({ goalHours: 2.5 });
    expect(validateConfig({ response: { pullRequests: { exemptLabels: ["wip"] } } }).config.response.pullRequests).toEqual({ exemptLabels: ["wip"] });
  });

  it("are validated with their path: unknown keys, bad goals and bad labels are named", () => {
    const { config, problems } = validateConfig({
      response: { pullRequests: { goalHours: 0, exemptLabels: [""] }, issues: { goalHours: 24 * 91, waitingLabel: "x" } },
    });
    expect(config.response.pullRequests).toBeUndefined();
    expect(problems.map((p) => p.path).sort()).toEqual(
      ["response.issues", "response.issues.goalHours", "response.pullRequests.exemptLabels.0", "response.pullRequests.goalHours"].sort(),
    );
    expect(problems.find((p) => p.path === "response.issues")?.message).toContain("waitingLabel");
    expect(validateConfig({ response: { pullRequests: "fast" } }).problems.map((p) => p.path)).toEqual(["response.pullRequests"]);
    expect(validateConfig({ response: { issues: { goalHours: "4h" } } }).problems.map((p) => p.path)).toEqual(["response.issues.goalHours"]);
  });
});
