import { generateKeyPairSync } from "node:crypto";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installationClient } from "../../src/github/app-client.js";
import { createSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { appKeys } from "../helpers/e2e-harness.js";

describe("installationClient", () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ appId: 31, publicKeyPem: appKeys().publicKey });
    const { host } = await sandbox.listen();
    sandbox.model.addInstallation({ id: 5, account: "acme", accountType: "Organization" });
    sandbox.model.addRepository({ fullName: "acme/widget" });
    env = { APP_ID: "31", PRIVATE_KEY: appKeys().privateKey, GHE_HOST: host, GHE_PROTOCOL: "http" };
  });
  afterAll(() => sandbox.close());

  it("signs a JWT, gets an installation token and reads the installation's repositories", async () => {
    const octokit = await installationClient(env, 5, { Octokit: ProbotOctokit.defaults({ retry: { enabled: false } }) });
    const { data } = await octokit.rest.repos.get({ owner: "acme", repo: "widget" });
    expect(data.full_name).toBe("acme/widget");
    expect(sandbox.requestsMatching("POST", "/app/installations/5/access_tokens")).toHaveLength(1);
    expect(sandbox.violations).toEqual([]);
  });

  it("fails with GitHub's 401 when the key is not the app's", async () => {
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
    const octokit = await installationClient({ ...env, PRIVATE_KEY: String(otherKey) }, 5, {
      Octokit: ProbotOctokit.defaults({ retry: { enabled: false } }),
    });
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "widget" })).rejects.toMatchObject({ status: 401 });
  });
});
