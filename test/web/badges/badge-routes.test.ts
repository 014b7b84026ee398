import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import type { RepositoryRecord } from "../../../src/domain/repository.js";
import { recordWebhook } from "../../../src/ingest/record-webhook.js";
import { registerInstallation, setInstallationSuspended } from "../../../src/store/installations.js";
import { BADGE_FILLS } from "../../../src/web/badges/badge-colors.js";
import { badgeRoutes } from "../../../src/web/badges/badge-routes.js";
import { useTestStore } from "../../helpers/test-store.js";
import { examplePayload, forRepository } from "../../helpers/webhook-examples.js";

const H = 3_600_000;
const DAY = 24 * H;
const START = new Date("2026-11-30T12:00:00Z");
const served = { installationId: 7, repositoryId: 70, owner: "acme", name: "widget" };

describe("badgeRoutes over HTTP", () => {
  const store = useTestStore();
  let clock: Date;
  let configReads: number;
  let server: Server;
  let base: string;
  let delivery = 0;

  beforeEach(async () => {
    clock = START;
    configReads = 0;
    const handler = badgeRoutes({
      db: store.db,
      now: () => clock,
      configFor: () => {
        configReads++;
        return defaultConfig;
      },
    });
    // 418 marks a request the handler left to the routes after it; 500 a handler that threw, as the server answers it.
    server = createServer(async (req, res) => {
      try {
        if (!(await handler(req, res))) res.writeHead(418).end();
      } catch {
        if (!res.headersSent) res.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const repositories: RepositoryRecord[] = [
      { id: 70, installationId: 7, owner: "acme", name: "widget", fullName: "acme/widget", private: false },
      { id: 71, installationId: 7, owner: "acme", name: "secret", fullName: "acme/secret", private: true },
      { id: 72, installationId: 7, owner: "acme", name: "quiet", fullName: "acme/quiet", private: false },
    ];
    await registerInstallation(store.db, { id: 7, accountLogin: "acme", accountType: "Organization" }, repositories, START);
    await registerInstallation(
      store.db,
      { id: 8, accountLogin: "paused", accountType: "Organization" },
      [{ id: 80, installationId: 8, owner: "paused", name: "tool", fullName: "paused/tool", private: false }],
      START,
    );
    await setInstallationSuspended(store.db, 8, true);
  });

  afterEach(async () => {
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeAllConnections();
    await closed;
  });

  /** A community issue opened `daysAgo` before the start, answered by a maintainer `answeredAfterMs` later. */
  async function answeredIssue(number: number, daysAgo: number, answeredAfterMs: number | null, target = served) {
    const openedAt = new Date(START.getTime() - daysAgo * DAY);
    const issue = {
      ...(examplePayload("issues", "opened").issue as Record<string, unknown>),
      id: 10_000 + number,
      number,
      title: `Issue ${number}`,
      user: { login: "carol", id: 500, type: "User" },
      author_association: "NONE",
      state: "open",
      labels: [],
      assignees: [],
      created_at: openedAt.toISOString(),
      updated_at: openedAt.toISOString(),
      closed_at: null,
    };
    await deliver("issues", forRepository({ ...examplePayload("issues", "opened"), issue }, target), openedAt);
    if (answeredAfterMs === null) return;
    const answeredAt = new Date(openedAt.getTime() + answeredAfterMs);
    const example = examplePayload("issue_comment", "created");
    const comment = {
      ...(example.comment as Record<string, unknown>),
      id: 20_000 + number,
      user: { login: "mia", id: 7, type: "User" },
      author_association: "MEMBER",
      created_at: answeredAt.toISOString(),
      updated_at: answeredAt.toISOString(),
    };
    const payload = forRepository({ ...example, issue: { ...issue, updated_at: answeredAt.toISOString() }, comment }, target);
    await deliver("issue_comment", payload, answeredAt);
  }

  async function deliver(name: string, payload: Record<string, unknown>, at: Date) {
    const { outcome } = await recordWebhook(store.db, { id: `d${delivery++}`, name, payload }, at);
    expect(outcome).toBe("fresh");
  }

  /** Five answers in the last 30 days (1h, 2h, 3h 20m, 5h, 30h): one past the 24h goal. */
  async function seedMonth() {
    await answeredIssue(1, 10, 2 * H);
    await answeredIssue(2, 9, 5 * H);
    await answeredIssue(3, 8, 30 * H);
    await answeredIssue(4, 7, 3 * H + 20 * 60_000);
    await answeredIssue(5, 6, 1 * H);
    // Opened and answered before the window: counted nowhere.
    await answeredIssue(6, 45, 200 * H);
  }

  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  it("shows the median first response and the share within the goal of the last 30 days", async () => {
    await seedMonth();
    const median = await get("/badges/acme/widget/first-response.svg");
    expect(median.status).toBe(200);
    expect(median.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(median.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=300");
    expect(median.headers.get("x-content-type-options")).toBe("nosniff");
    expect(median.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(median.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    const medianSvg = await median.text();
    expect(medianSvg).toContain('aria-label="first response: 3h 20m"');
    expect(medianSvg).toContain(BADGE_FILLS.green);

    const share = await get("/badges/acme/widget/response-goal.svg?style=flat");
    const shareSvg = await share.text();
    expect(shareSvg).toContain('aria-label="within 24h goal: 80%"');
    expect(shareSvg).toContain(BADGE_FILLS.yellow);
    // Both badges came from one reading of the figures.
    expect(configReads).toBe(1);
  });

  it("matches the owner and the repository in any case, as GitHub does", async () => {
    await seedMonth();
    const lower = await (await get("/badges/acme/widget/first-response.svg")).text();
    const upper = await get("/badges/ACME/Widget/first-response.svg");
    expect(upper.status).toBe(200);
    expect(await upper.text()).toBe(lower);
  });

  it("says no data, in grey, for a served repository without answers yet", async () => {
    // Waiting 2 h: within the goal, so not decided yet (past the goal it would count as a miss).
    await answeredIssue(1, 2 / 24, null);
    const svg = await (await get("/badges/acme/widget/first-response.svg")).text();
    expect(svg).toContain('aria-label="first response: no data"');
    expect(svg).toContain(BADGE_FILLS.grey);
    expect(await (await get("/badges/acme/widget/response-goal.svg")).text()).toContain('aria-label="within 24h goal: no data"');
  });

  it("answers the same 404 for an unknown, a private and a suspended repository", async () => {
    await answeredIssue(1, 3, 2 * H, { ...served, repositoryId: 71, name: "secret" });
    const answers = [];
    for (const path of [
      "/badges/acme/nothing/first-response.svg",
      "/badges/acme/secret/first-response.svg",
      "/badges/ACME/SECRET/response-goal.svg",
      "/badges/paused/tool/response-goal.svg",
      "/badges/acme/bad%2Fname/first-response.svg",
      "/badges/acme/%E0%A4%A/first-response.svg",
    ]) {
      const res = await get(path);
      answers.push({ status: res.status, type: res.headers.get("content-type"), body: await res.text() });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ status: 404, type: "application/json", body: '{"error":"not found"}' })]),
    );
    // A served public repository of an active installation is served.
    expect((await get("/badges/acme/quiet/first-response.svg")).status).toBe(200);
  });

  it("leaves other paths to the routes after it", async () => {
    for (const path of ["/badges/acme/widget/stars.svg", "/badges/acme/widget", "/badges/acme/widget/x/first-response.svg", "/healthz"]) {
      expect((await get(path)).status, path).toBe(418);
    }
  });

  it("answers If-None-Match with 304 and no body, and HEAD with the headers only", async () => {
    await seedMonth();
    const first = await get("/badges/acme/widget/first-response.svg");
    const etag = first.headers.get("etag")!;
    const body = await first.text();

    const again = await get("/badges/acme/widget/first-response.svg", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=300");
    expect(await again.text()).toBe("");
    const listed = await get("/badges/acme/widget/first-response.svg", { headers: { "if-none-match": `"other", W/${etag}` } });
    expect(listed.status).toBe(304);
    const stale = await get("/badges/acme/widget/first-response.svg", { headers: { "if-none-match": '"other"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);

    const head = await get("/badges/acme/widget/first-response.svg", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(head.headers.get("etag")).toBe(etag);
    expect(Number(head.headers.get("content-length"))).toBe(Buffer.byteLength(body));
    expect(await head.text()).toBe("");
    expect((await get("/badges/acme/nothing/first-response.svg", { method: "HEAD" })).status).toBe(404);
  });

  it("refuses other methods with 405 and Allow, without reading the store", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
      const res = await get("/badges/acme/widget/first-response.svg", { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
    }
    expect(configReads).toBe(0);
  });

  it("serves a badge from memory for 5 minutes of the injected clock, then computes it again", async () => {
    await seedMonth();
    const before = await get("/badges/acme/widget/response-goal.svg");
    const etag = before.headers.get("etag");
    expect(await before.text()).toContain('aria-label="within 24h goal: 80%"');

    // A late answer arrives: 4 of 6 within the goal now.
    await answeredIssue(7, 5, 48 * H);
    clock = new Date(START.getTime() + 5 * 60_000 - 1);
    const cached = await get("/badges/acme/widget/response-goal.svg");
    expect(cached.headers.get("etag")).toBe(etag);
    expect(await cached.text()).toContain('aria-label="within 24h goal: 80%"');
    // An unknown repository's 404 is remembered as well.
    await get("/badges/acme/later/first-response.svg");
    expect(configReads).toBe(1);

    clock = new Date(START.getTime() + 5 * 60_000);
    const fresh = await get("/badges/acme/widget/response-goal.svg");
    expect(fresh.headers.get("etag")).not.toBe(etag);
    const svg = await fresh.text();
    expect(svg).toContain('aria-label="within 24h goal: 66%"');
    expect(svg).toContain(BADGE_FILLS.red);
    expect(configReads).toBe(2);
  });
});
