import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { formatProblems, validateConfig } from "../../src/config/validate-config.js";

describe("validateConfig", () => {
  it("gives the documented defaults for a missing or empty file", () => {
    expect(validateConfig(null)).toEqual({ config: defaultConfig, problems: [] });
    expect(validateConfig({}).config).toEqual(defaultConfig);
    expect(defaultConfig.response.goalHours).toBe(24);
    expect(defaultConfig.milestones).toEqual({
      stars: [100, 1000, 10000],
      contributors: [10, 50, 100],
      activeMembers: [100, 1000, 10000],
      mrr: [1000, 10000],
    });
    expect(defaultConfig.digest).toMatchObject({ day: "monday", time: "09:00", timezone: "UTC", label: "community-digest" });
  });

  it("fills the fields a file leaves out", () => {
    const { config, problems } = validateConfig({ response: { goalHours: 48 }, maintainers: ["octocat"] });
    expect(problems).toEqual([]);
    expect(config.response.goalHours).toBe(48);
    expect(config.response.atRiskRatio).toBe(0.75);
    expect(config.maintainers).toEqual(["octocat"]);
  });

  it("lists every problem with its path at once and falls back to the defaults", () => {
    const { config, problems } = validateConfig({
      response: { goalHours: -5, notify: ["octocat", "not a login!"], businessHours: { timezone: "Mars/Olympus" } },
      milestones: { stars: [1000, 100] },
      digest: { day: "someday" },
      respons: {},
    });
    expect(config).toEqual(defaultConfig);
    expect(problems.map((p) => p.path).sort()).toEqual(
      ["", "digest.day", "milestones.stars", "response.businessHours.timezone", "response.goalHours", "response.notify.1"].sort(),
    );
    expect(problems.find((p) => p.path === "")?.message).toContain("respons");
    expect(formatProblems(problems)).toContain("- response.goalHours: ");
  });

  it("accepts teams and logins in notify, and bots in ignoreUsers", () => {
    const { problems } = validateConfig({ response: { notify: ["@acme/maintainers", "octocat"] }, ignoreUsers: ["dependabot[bot]"] });
    expect(problems).toEqual([]);
  });

  it("rejects a file that is not a mapping", () => {
    expect(validateConfig(["a", "list"]).problems).toHaveLength(1);
    expect(validateConfig("text").problems).toHaveLength(1);
  });

  it("rejects working hours that end before they start", () => {
    const { problems } = validateConfig({ response: { businessHours: { enabled: true, start: "18:00", end: "09:00" } } });
    expect(problems).toEqual([{ path: "response.businessHours.end", message: "end must be after start" }]);
  });
});

describe("a steward.yml with a huge number of mistakes", () => {
  it("keeps the first 50 problems and counts the rest in one line", () => {
    const maintainers = Array.from({ length: 250_000 }, () => 42);
    const { config, problems } = validateConfig({ maintainers });
    expect(config).toEqual(defaultConfig);
    expect(problems).toHaveLength(51);
    expect(problems[0]?.path).toBe("maintainers.0");
    expect(problems[50]).toEqual({ path: "", message: "and 249,950 more problems" });
    expect(formatProblems(problems).split("\n")).toHaveLength(51);
  });

  it("leaves a short list as it is", () => {
    expect(validateConfig({ maintainers: [1, 2] }).problems.map((p) => p.path)).toEqual(["maintainers.0", "maintainers.1"]);
  });
});
