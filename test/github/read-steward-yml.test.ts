import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStewardYml } from "../../src/github/read-steward-yml.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { appKeys } from "../helpers/e2e-harness.js";

describe("readStewardYml against the sandbox", () => {
  let sandbox: Sandbox;
  let octokit: InstanceType<typeof ProbotOctokit>;

  beforeAll(async () => {
    sandbox = createSandbox({ appId: 1, publicKeyPem: appKeys().publicKey });
    const { url } = await sandbox.listen();
    const installation = sandbox.model.addInstallation({ account: "acme", accountType: "Organization" });
    for (const name of ["widget", "gadget", "plain", ".github"]) sandbox.model.addRepository({ fullName: `acme/${name}` });
    octokit = new ProbotOctokit({
      auth: { token: sandbox.createInstallationToken(installation.id) },
      baseUrl: `${url}/api/v3`,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    sandbox.model.setFile("acme/.github", ".github/steward.yml", "maintainers: [alice, bob]\nresponse:\n  goalHours: 12\n  notify: [alice]\n");
    sandbox.model.setFile("acme/widget", ".github/steward.yml", "_extends: .github\nmaintainers: [carol]\nresponse:\n  goalHours: 8\n");
    sandbox.model.setFile("acme/gadget", ".github/steward.yml", "welcome:\n  enabled: false\n");
  });
  afterAll(() => sandbox.close());

  it("merges an extended file: sections merge, the repository's lists and values win", async () => {
    expect(await readStewardYml(octokit, { owner: "acme", repo: "widget" })).toEqual({
      maintainers: ["carol"],
      response: { goalHours: 8, notify: ["alice"] },
    });
  });

  it("reads the repository's own file without the org file when it does not extend it", async () => {
    expect(await readStewardYml(octokit, { owner: "acme", repo: "gadget" })).toEqual({ welcome: { enabled: false } });
  });

  it("falls back to the owner's .github repository, and null where there is no file at all", async () => {
    expect(await readStewardYml(octokit, { owner: "acme", repo: "plain" })).toMatchObject({ response: { goalHours: 12 } });
    sandbox.model.deleteFile("acme/.github", ".github/steward.yml");
    expect(await readStewardYml(octokit, { owner: "acme", repo: "plain" })).toBeNull();
    expect(sandbox.violations).toEqual([]);
  });
});
