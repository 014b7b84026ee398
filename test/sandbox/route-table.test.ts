import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRoute, loadGitHubRoutes, RouteTable } from "../../src/sandbox/index.js";
import { CONTENT_CREATING_ROUTES } from "../../src/sandbox/content-limit.js";
import { RateLimiter } from "../../src/sandbox/rate-limit.js";
import { implementedRoutes } from "../../src/sandbox/rest/router.js";
import { seedWidgets, start, type Started } from "./helpers.js";

describe("route table", () => {
  it("compiles templates with literal routes preferred over parameters", () => {
    const table = new RouteTable(["GET /repos/{owner}/{repo}/issues/{issue_number}", "GET /repos/{owner}/{repo}/issues/comments"]);
    expect(table.match("GET", "/repos/a/b/issues/comments")?.route.template).toBe("/repos/{owner}/{repo}/issues/comments");
    expect(table.match("GET", "/repos/a/b/issues/7")?.params).toEqual({ owner: "a", repo: "b", issue_number: "7" });
    expect(table.match("POST", "/repos/a/b/issues/7")).toBeUndefined();
  });

  it("decodes encoded slashes in {path} and strips query templates", () => {
    const contents = compileRoute("GET /repos/{owner}/{repo}/contents/{path}");
    expect(contents.regex.test("/repos/o/r/contents/.github%2Fsteward.yml")).toBe(true);
    const table = new RouteTable([contents.route, "POST {origin}/repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}"]);
    expect(table.match("GET", "/repos/o/r/contents/.github%2Fsteward.yml")?.params["path"]).toBe(".github/steward.yml");
    expect(table.match("POST", "/repos/o/r/releases/1/assets")).toBeDefined();
  });

  it("knows GitHub's real routes and not made-up ones", async () => {
    const github = await loadGitHubRoutes();
    expect(github.size).toBeGreaterThan(900);
    expect(github.match("GET", "/repos/octo/app/issues/12/comments")?.route.route).toBe("GET /repos/{owner}/{repo}/issues/{issue_number}/comments");
    expect(github.match("GET", "/repos/octo/app/issues/events")?.route.route).toBe("GET /repos/{owner}/{repo}/issues/events");
    expect(github.match("POST", "/repos/octo/app/issues/12/comment")).toBeUndefined();
    expect(github.match("GET", "/repos/octo/app/stars")).toBeUndefined();
  });

  it("only implements and rate-limits routes GitHub has", async () => {
    const github = await loadGitHubRoutes();
    const ours = implementedRoutes(new RateLimiter(Date.now)).map((d) => d.route);
    expect(ours.filter((r) => !github.has(r))).toEqual([]);
    expect([...CONTENT_CREATING_ROUTES].filter((r) => !github.has(r))).toEqual([]);
  });
});

describe("route fidelity over HTTP", () => {
  let started: Started;
  let token: string;
  beforeAll(async () => {
    started = await start();
    seedWidgets(started);
    token = started.sandbox.createInstallationToken(started.sandbox.model.listInstallations()[0]?.id ?? 0);
  });
  afterAll(() => started.sandbox.close());

  const call = (method: string, path: string) => fetch(`${started.baseUrl}${path}`, { method, headers: { authorization: `token ${token}` } });

  it("answers 404 and records a violation for a route GitHub does not have", async () => {
    const res = await call("GET", "/repos/octo-org/widgets/made-up-thing");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe("sandbox: GET /repos/octo-org/widgets/made-up-thing is not a GitHub REST route");
    expect(started.sandbox.violations.at(-1)).toMatchObject({ kind: "unknown-route", method: "GET", path: "/repos/octo-org/widgets/made-up-thing" });
    expect(started.reported.at(-1)?.kind).toBe("unknown-route");
  });

  it("answers 501 and records a violation for a real route it does not implement", async () => {
    const res = await call("GET", "/repos/octo-org/widgets/issues/events");
    expect(res.status).toBe(501);
    expect(((await res.json()) as { message: string }).message).toContain("GET /repos/{owner}/{repo}/issues/events");
    expect(started.sandbox.violations.at(-1)?.kind).toBe("unimplemented-route");
  });

  it("serves a real implemented route without a violation", async () => {
    const before = started.sandbox.violations.length;
    const res = await call("GET", "/repos/octo-org/widgets");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBe("5000");
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeLessThan(5000);
    expect(await res.json()).toMatchObject({ full_name: "octo-org/widgets", owner: { login: "octo-org", type: "Organization" } });
    expect(started.sandbox.violations.length).toBe(before);
  });

  it("flags paths outside /api/v3", async () => {
    const res = await fetch(`${started.address.url}/repos/octo-org/widgets`);
    expect(res.status).toBe(404);
    expect(started.sandbox.violations.at(-1)?.kind).toBe("outside-api");
  });
});
