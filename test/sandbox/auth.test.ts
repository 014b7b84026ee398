import { generateKeyPairSync } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, keys, quietLog, signJwt, start, type Started } from "./helpers.js";

describe("GitHub App authentication", () => {
  let started: Started;
  let orgInstallation: number;
  let userInstallation: number;

  beforeAll(async () => {
    started = await start();
    const { model } = started.sandbox;
    model.addUser({ login: "octo-org", type: "Organization" });
    model.addRepository({ fullName: "octo-org/widgets" });
    model.addRepository({ fullName: "octo-org/gadgets" });
    model.addRepository({ fullName: "someone/elsewhere" });
    orgInstallation = model.addInstallation({ account: "octo-org" }).id;
    userInstallation = model.addInstallation({ account: "someone", repositories: ["someone/elsewhere"] }).id;
  });
  afterAll(() => started.sandbox.close());

  const post = (path: string, authorization: string) =>
    fetch(`${started.baseUrl}${path}`, { method: "POST", headers: { authorization, accept: "application/vnd.github+json" } });

  it("refuses a JWT signed with another key", async () => {
    const other = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const res = await post(`/app/installations/${orgInstallation}/access_tokens`, `Bearer ${signJwt({}, other.privateKey)}`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { message: string; documentation_url: string };
    expect(body.message).toMatch(/JSON web token could not be decoded/);
    expect(body.documentation_url).toMatch(/^https:\/\/docs\.github\.com/);
  });

  it("refuses a wrong issuer, an expired JWT and a missing one", async () => {
    const path = `/app/installations/${orgInstallation}/access_tokens`;
    expect((await post(path, `Bearer ${signJwt({ iss: APP_ID + 1 })}`)).status).toBe(401);
    const past = Math.floor(Date.now() / 1000) - 3600;
    expect((await post(path, `Bearer ${signJwt({ iat: past, exp: past + 600 })}`)).status).toBe(401);
    expect((await fetch(`${started.baseUrl}/app`)).status).toBe(401);
  });

  it("issues an installation token for a good JWT (iss as a string works too)", async () => {
    const res = await post(`/app/installations/${orgInstallation}/access_tokens`, `Bearer ${signJwt({ iss: String(APP_ID) })}`);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expires_at: string; permissions: Record<string, string>; repository_selection: string };
    expect(body.token).toMatch(/^ghs_/);
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(body.permissions).toMatchObject({ issues: "write" });
    expect(body.repository_selection).toBe("all");
  });

  it("scopes a token to its installation's repositories (404 elsewhere, as GitHub)", async () => {
    const octokit = new Octokit({ auth: started.sandbox.createInstallationToken(orgInstallation), baseUrl: started.baseUrl, log: quietLog });
    expect((await octokit.rest.repos.get({ owner: "octo-org", repo: "gadgets" })).data.full_name).toBe("octo-org/gadgets");
    await expect(octokit.rest.repos.get({ owner: "someone", repo: "elsewhere" })).rejects.toMatchObject({ status: 404 });
    const other = new Octokit({ auth: started.sandbox.createInstallationToken(userInstallation), baseUrl: started.baseUrl, log: quietLog });
    await expect(other.rest.repos.get({ owner: "octo-org", repo: "widgets" })).rejects.toMatchObject({ status: 404 });
    const listed = await other.rest.apps.listReposAccessibleToInstallation();
    expect(listed.data.repositories.map((r) => r.full_name)).toEqual(["someone/elsewhere"]);
  });

  it("keeps app routes and installation routes apart", async () => {
    const token = started.sandbox.createInstallationToken(orgInstallation);
    expect((await fetch(`${started.baseUrl}/app`, { headers: { authorization: `token ${token}` } })).status).toBe(401);
    expect((await fetch(`${started.baseUrl}/repos/octo-org/widgets`, { headers: { authorization: `Bearer ${signJwt()}` } })).status).toBe(401);
    expect((await fetch(`${started.baseUrl}/repos/octo-org/widgets`, { headers: { authorization: "token ghs_nope" } })).status).toBe(401);
    expect((await fetch(`${started.baseUrl}/repos/octo-org/widgets`)).status).toBe(401);
    const jwt = { authorization: `Bearer ${signJwt()}` };
    const found = await fetch(`${started.baseUrl}/repos/octo-org/widgets/installation`, { headers: jwt });
    expect(((await found.json()) as { id: number }).id).toBe(orgInstallation);
    expect((await fetch(`${started.baseUrl}/orgs/octo-org/installation`, { headers: jwt })).status).toBe(200);
    expect((await fetch(`${started.baseUrl}/users/octo-org/installation`, { headers: jwt })).status).toBe(404);
  });

  it("works with Probot's own Octokit: JWT, token exchange, then installation calls", async () => {
    const octokit = new ProbotOctokit({
      auth: { appId: APP_ID, privateKey: keys.privateKey, installationId: orgInstallation },
      baseUrl: started.baseUrl,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    started.sandbox.resetRequests();
    const { data } = await octokit.rest.repos.get({ owner: "octo-org", repo: "widgets" });
    expect(data.name).toBe("widgets");
    const calls = started.sandbox.requests.map((r) => `${r.method} ${r.path} ${r.headers["authorization"]}`);
    expect(calls).toEqual([
      `POST /app/installations/${orgInstallation}/access_tokens bearer [redacted]`,
      "GET /repos/octo-org/widgets token [redacted]",
    ]);
  });
});
