import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { notifyTargets } from "../../src/sla/notify-targets.js";

/**
 * Logins in steward.yml as GitHub allows them (issue 14, defect 6): one refused login made the
 * whole file fall back to the defaults, so an Enterprise Managed Users maintainer silenced it all.
 */
describe("logins in steward.yml", () => {
  const accepted: Array<[string, string]> = [
    ["a plain login", "octocat"],
    ["a one-character login", "a"],
    ["hyphens inside", "mona-the-octocat"],
    ["digits first", "42-answers"],
    ["an Enterprise Managed Users login (handle_shortcode)", "mona-lisa_acme"],
    ["an EMU login in capitals", "Mona_ACME42"],
    ["39 characters with the shortcode", `${"a".repeat(34)}_acme`],
    ["an older account's trailing hyphen", "legacy-"],
    ["an older account's doubled hyphen", "old--name"],
  ];

  it.each(accepted)("accepts %s as a maintainer, an ignored user and a person to notify", (_name, login) => {
    const { config, problems } = validateConfig({ maintainers: [login], ignoreUsers: [login], response: { notify: [login, `@${login}`] } });
    expect(problems).toEqual([]);
    expect(config.maintainers).toEqual([login]);
    expect(config.ignoreUsers).toEqual([login]);
  });

  it("keeps the rest of the file when the maintainers are EMU logins", () => {
    const { config, problems } = validateConfig({ maintainers: ["jdoe_octo", "mona_octo"], response: { goalHours: 48 } });
    expect(problems).toEqual([]);
    expect(config.response.goalHours).toBe(48);
  });

  it("mentions an EMU login configured in notify, as GitHub does", () => {
    const { config } = validateConfig({ response: { notify: ["mona_acme", "@jdoe-x_acme"] } });
    expect(notifyTargets({ configured: config.response.notify, assignees: [], repositoryOwner: "acme", ownerType: "Organization" })).toEqual([
      "@mona_acme",
      "@jdoe-x_acme",
    ]);
  });

  it("accepts a team of an organization in notify, with underscores in the slug", () => {
    expect(validateConfig({ response: { notify: ["@acme/core_team", "@acme-corp/maintainers"] } }).problems).toEqual([]);
  });

  it("accepts apps in ignoreUsers, where a list of bots makes sense", () => {
    expect(validateConfig({ ignoreUsers: ["dependabot[bot]", "renovate[bot]", "my-ci-app[bot]"] }).problems).toEqual([]);
  });

  it("refuses an app among the maintainers: a bot is never a maintainer", () => {
    const { config, problems } = validateConfig({ maintainers: ["octocat", "dependabot[bot]"] });
    expect(config).toEqual(defaultConfig);
    expect(problems).toEqual([{ path: "maintainers.1", message: expect.stringContaining("bot") }]);
  });

  const refused: Array<[string, string]> = [
    ["an empty string", ""],
    ["a leading hyphen", "-octocat"],
    ["a space", "octo cat"],
    ["an @ in front (in maintainers)", "@octocat"],
    ["a dot", "mona.lisa"],
    ["two underscores", "mona_acme_x"],
    ["an underscore with no shortcode", "mona_"],
    ["an underscore first", "_acme"],
    ["40 characters", "a".repeat(40)],
    ["40 characters with the shortcode", `${"a".repeat(35)}_acme`],
    ["a non-Latin letter", "ёжик"],
  ];

  it.each(refused)("refuses %s in maintainers", (_name, login) => {
    const { problems } = validateConfig({ maintainers: [login] });
    expect(problems.map((p) => p.path)).toEqual(["maintainers.0"]);
  });
});
