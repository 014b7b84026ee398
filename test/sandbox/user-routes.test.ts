import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quietLog, signIn, signJwt, start, type Started } from "./helpers.js";

interface Listed {
  total_count: number;
  repository_selection?: string;
  repositories?: Array<{ full_name: string; permissions: Record<string, boolean> }>;
  installations?: Array<{ id: number; account: { login: string } }>;
}

const ADMIN = { admin: true, maintain: true, push: true, triage: true, pull: true };
const MAINTAIN = { admin: false, maintain: true, push: true, triage: true, pull: true };
const WRITE = { admin: false, maintain: false, push: true, triage: true, pull: true };
const TRIAGE = { admin: false, maintain: false, push: false, triage: true, pull: true };
const READ = { admin: false, maintain: false, push: false, triage: false, pull: true };

describe("REST routes for a user access token", () => {
  let started: Started;
  let acme: number;
  let sol: number;
  let globex: number;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    started = await start();
    const { model } = started.sandbox;
    model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
    model.addRepository({ fullName: "acme/gadget" });
    model.addRepository({ fullName: "acme/vault", private: true });
    model.addRepository({ fullName: "sol/tools" });
    model.addRepository({ fullName: "sol/outside" });
    model.addRepository({ fullName: "globex/thing", ownerType: "Organization" });
    acme = model.addInstallation({ account: "acme" }).id;
    sol = model.addInstallation({ account: "sol", repositories: ["sol/tools"] }).id;
    globex = model.addInstallation({ account: "globex" }).id;
    model.addUser({ login: "maya", name: "Maya Lin", email: "maya@acme.test", company: "Acme", location: "Lyon" });
    model.addOrgMember("acme", "maya", "admin");
    model.addOrgMember("acme", "mo");
    model.setRepositoryRole("acme/widget", "omar", "maintain");
    model.setRepositoryRole("acme/widget", "wren", "write");
    model.setRepositoryRole("acme/widget", "tess", "triage");
    model.setRepositoryRole("acme/gadget", "rita", "read");
    model.setRepositoryRole("sol/tools", "maya", "write");
    model.setRepositoryRole("sol/outside", "nobody-here", "admin");
    model.addUser({ login: "nobody" });
    for (const login of ["maya", "mo", "omar", "wren", "tess", "rita", "sol", "nobody", "nobody-here"])
      tokens.set(login, (await signIn(started, login)).access_token);
  });
  afterAll(() => started.sandbox.close());

  const tokenOf = (login: string) => tokens.get(login) ?? "";
  const get = async (login: string, path: string) => {
    const res = await fetch(`${started.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${tokenOf(login)}`, accept: "application/vnd.github+json" },
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Listed & Record<string, unknown> };
  };
  const reposOf = async (login: string, installationId: number) =>
    Object.fromEntries(
      ((await get(login, `/user/installations/${installationId}/repositories`)).body.repositories ?? []).map((r) => [r.full_name, r.permissions]),
    );

  it("answers GET /user with the signed-in user's profile, through Octokit's `token` scheme too", async () => {
    const { status, body } = await get("maya", "/user");
    expect(status).toBe(200);
    const maya = started.sandbox.model.getUser("maya");
    expect(body).toMatchObject({ login: "maya", id: maya?.id, node_id: maya?.node_id, type: "User", name: "Maya Lin", email: "maya@acme.test" });
    expect(body).toMatchObject({ company: "Acme", location: "Lyon", html_url: expect.stringMatching(/\/maya$/), avatar_url: expect.any(String) });
    const octokit = new Octokit({ auth: tokenOf("omar"), baseUrl: started.baseUrl, log: quietLog });
    expect((await octokit.rest.users.getAuthenticated()).data).toMatchObject({ login: "omar", type: "User" });
  });

  it("lists only the installations on which the user holds a role on some repository", async () => {
    const accounts = async (login: string) => ((await get(login, "/user/installations")).body.installations ?? []).map((i) => i.account.login);
    expect(await accounts("maya")).toEqual(["acme", "sol"]);
    expect(await accounts("mo")).toEqual(["acme"]);
    expect(await accounts("omar")).toEqual(["acme"]);
    expect(await accounts("sol")).toEqual(["sol"]);
    // A role on a repository the installation was not given does not count.
    expect(await accounts("nobody-here")).toEqual([]);
    const none = await get("nobody", "/user/installations");
    expect(none.body).toEqual({ total_count: 0, installations: [] });
    const listed = (await get("maya", "/user/installations")).body.installations?.[0];
    expect(listed).toMatchObject({ id: acme, app_id: expect.any(Number), client_id: started.sandbox.app.clientId, target_type: "Organization" });
  });

  it("gives each repository the permissions of the user's strongest role", async () => {
    expect(await reposOf("maya", acme)).toEqual({ "acme/widget": ADMIN, "acme/gadget": ADMIN, "acme/vault": ADMIN });
    expect(await reposOf("mo", acme)).toEqual({ "acme/widget": READ, "acme/gadget": READ, "acme/vault": READ });
    expect(await reposOf("omar", acme)).toEqual({ "acme/widget": MAINTAIN });
    expect(await reposOf("wren", acme)).toEqual({ "acme/widget": WRITE });
    expect(await reposOf("tess", acme)).toEqual({ "acme/widget": TRIAGE });
    expect(await reposOf("rita", acme)).toEqual({ "acme/gadget": READ });
    expect(await reposOf("maya", sol)).toEqual({ "sol/tools": WRITE });
    expect(await reposOf("sol", sol)).toEqual({ "sol/tools": ADMIN });
    const answer = await get("omar", `/user/installations/${acme}/repositories`);
    expect(answer.body).toMatchObject({ total_count: 1, repository_selection: "all" });
    expect(answer.body.repositories?.[0]).toMatchObject({ name: "widget", private: false, owner: { login: "acme" } });
  });

  it("hides installations the user cannot reach behind a 404", async () => {
    for (const [login, id] of [
      ["maya", globex],
      ["omar", sol],
      ["nobody", acme],
      ["maya", 999_999],
    ] as const) {
      expect((await get(login, `/user/installations/${id}/repositories`)).status, `${login} ${id}`).toBe(404);
    }
    expect((await get("maya", "/user/installations/abc/repositories")).status).toBe(404);
  });

  it("pages both lists with per_page, page and Link headers", async () => {
    const first = await get("maya", `/user/installations/${acme}/repositories?per_page=2`);
    expect(first.body.total_count).toBe(3);
    expect(first.body.repositories?.map((r) => r.full_name)).toEqual(["acme/widget", "acme/gadget"]);
    expect(first.headers.get("link")).toMatch(/[?&]page=2[^>]*>; rel="next"/);
    const installations = await get("maya", "/user/installations?per_page=1&page=2");
    expect(installations.body.total_count).toBe(2);
    expect(installations.body.installations?.map((i) => i.id)).toEqual([sol]);
    expect(installations.headers.get("link")).toMatch(/rel="prev"/);
    const octokit = new Octokit({ auth: tokenOf("maya"), baseUrl: started.baseUrl, log: quietLog });
    const all = await octokit.paginate(octokit.rest.apps.listInstallationReposForAuthenticatedUser, { installation_id: acme, per_page: 1 });
    expect(all.map((r) => r.full_name)).toEqual(["acme/widget", "acme/gadget", "acme/vault"]);
    const installs = await octokit.paginate(octokit.rest.apps.listInstallationsForAuthenticatedUser, { per_page: 1 });
    expect(installs.map((i) => i.id)).toEqual([acme, sol]);
  });

  it("keeps user tokens, installation tokens and the app JWT on their own routes", async () => {
    const call = (path: string, authorization?: string) => fetch(`${started.baseUrl}${path}`, authorization ? { headers: { authorization } } : {});
    const installationToken = started.sandbox.createInstallationToken(acme);
    const asInstallation = await call("/user", `token ${installationToken}`);
    expect(asInstallation.status).toBe(403);
    expect(await asInstallation.json()).toMatchObject({ message: "Resource not accessible by integration" });
    const onRepo = await call("/repos/acme/widget", `token ${tokenOf("maya")}`);
    expect(onRepo.status).toBe(403);
    expect(await onRepo.json()).toMatchObject({ message: "Resource not accessible by integration" });
    const graphql = await fetch(`${started.address.url}/api/graphql`, {
      method: "POST",
      headers: { authorization: `bearer ${tokenOf("maya")}` },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(graphql.status).toBe(403);
    expect((await call("/user", `Bearer ${signJwt()}`)).status).toBe(401);
    expect((await call("/app", `Bearer ${tokenOf("maya")}`)).status).toBe(401);
    expect((await call("/user")).status).toBe(401);
    for (const credential of ["ghu_unknown", "ghs_unknown", "whatever"]) {
      const refused = await call("/user/installations", `token ${credential}`);
      expect(refused.status, credential).toBe(401);
      expect(await refused.json()).toMatchObject({ message: "Bad credentials" });
    }
    expect((await call("/repos/acme/widget", "token ghu_unknown")).status).toBe(401);
  });

  it("counts a user token's calls against that user's own rate limit", async () => {
    const used = (answer: { headers: Headers }) => Number(answer.headers.get("x-ratelimit-used"));
    const first = await get("rita", "/user");
    const between = [await get("tess", "/user"), await get("maya", "/user")];
    const second = await get("rita", "/user");
    expect(used(second)).toBe(used(first) + 1);
    expect(between.map(used).every((n) => n > 0)).toBe(true);
    expect(first.headers.get("x-ratelimit-limit")).toBe("5000");
  });

  it("keeps a token working across a rename, with the user's roles", async () => {
    started.sandbox.model.renameUser("wren", "wren-b");
    expect((await get("wren", "/user")).body).toMatchObject({ login: "wren-b" });
    expect(await reposOf("wren", acme)).toEqual({ "acme/widget": WRITE });
    expect(started.sandbox.violations).toEqual([]);
  });
});
