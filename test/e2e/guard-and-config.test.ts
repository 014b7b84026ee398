import { request } from "node:http";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signBody } from "../../src/http/webhook-signature.js";
import { loadConfigStatus } from "../../src/store/config-status.js";
import { findRepository } from "../../src/store/installations.js";
import { deliveries, events, items } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

const MB = 1024 * 1024;

/** Sends a POST whose headers promise `declared` bytes and whose body streams `send` bytes. */
function oversizedPost(url: string, declared: number | null, send: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": "too-big",
      "x-hub-signature-256": signBody(WEBHOOK_SECRET, "{}"),
    };
    if (declared !== null) headers["content-length"] = declared;
    const req = request(`${url}/api/github/webhooks`, { method: "POST", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may close the socket while we are still writing; the answer already came.
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    const chunk = Buffer.alloc(MB, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < send) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (declared === null) req.end();
    };
    pump();
  });
}

describe("the webhook guard", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("refuses a body declared over 25 MB before reading it", async () => {
    // Only 1 MB of the declared 26 MB is ever sent: the answer must come without the rest.
    expect(await oversizedPost(e2e.server.url, 26 * MB, 1 * MB)).toBe(413);
    expect(e2e.db.select({ n: count() }).from(deliveries).get()?.n).toBe(0);
  });

  it("refuses a chunked body as soon as it passes 25 MB", async () => {
    expect(await oversizedPost(e2e.server.url, null, 27 * MB)).toBe(413);
    expect(e2e.logLines.some((line) => line.includes("body over 25 MB"))).toBe(true);
  });
});

describe("repository config, end to end", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  const openIssue = (id: string) => e2e.deliver("issues", forRepository(examplePayload("issues", "opened"), e2e.target), { id });

  it("lists every problem of a broken steward.yml once, stores them, and runs on defaults", async () => {
    e2e.sandbox.model.setFile(
      "acme/widget",
      ".github/steward.yml",
      'response:\n  goalHours: -1\n  notify: ["not a login!"]\ndigest:\n  timezone: Mars/Base\nrespons: {}\n',
    );
    expect((await openIssue("first")).status).toBe(200);
    const status = await loadConfigStatus(e2e.db, e2e.target.repositoryId);
    expect(status?.valid).toBe(false);
    expect(status?.problems.map((p) => p.path).sort()).toEqual(["", "digest.timezone", "response.goalHours", "response.notify.0"]);
    const warnings = () => e2e.logLines.filter((line) => line.includes("steward.yml is invalid"));
    expect(warnings()).toHaveLength(1);
    for (const path of ["response.goalHours", "response.notify.0", "digest.timezone", "respons"]) {
      expect(warnings()[0]).toContain(path);
    }
    // The issue was still recorded: a broken config loses nothing.
    expect(e2e.db.select({ n: count() }).from(events).get()?.n).toBe(1);
    await openIssue("second");
    expect(warnings()).toHaveLength(1);
  });

  it("reports a file that is not YAML at all, with where it broke", async () => {
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "response: [goalHours: 3\n  - : :\n");
    await openIssue("yaml");
    const status = await loadConfigStatus(e2e.db, e2e.target.repositoryId);
    expect(status?.problems).toHaveLength(1);
    expect(status?.problems[0]?.message).toMatch(/steward\.yml could not be parsed: .*line/i);
  });

  it("keeps running and records the event when GitHub fails to serve the file", async () => {
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "response: [broken\n");
    e2e.sandbox.failNext({ method: "GET", path: /\/contents\//, status: 503 });
    expect((await openIssue("outage")).status).toBe(200);
    expect(e2e.db.select({ n: count() }).from(events).get()?.n).toBe(1);
    // An outage says nothing about the file: no problems recorded, one warning naming the status.
    expect(await loadConfigStatus(e2e.db, e2e.target.repositoryId)).toBeUndefined();
    expect(e2e.logLines.filter((line) => line.includes("could not read .github/steward.yml (HTTP 503)"))).toHaveLength(1);
  });

  it("reads a valid file through GitHub's contents API, as raw text", async () => {
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "response:\n  goalHours: 8\n");
    await openIssue("valid");
    expect(await loadConfigStatus(e2e.db, e2e.target.repositoryId)).toMatchObject({ valid: true, problems: [] });
    const reads = e2e.sandbox.requests.filter((r) => r.path.includes("/contents/"));
    expect(reads.length).toBeGreaterThan(0);
    expect(e2e.sandbox.violations).toEqual([]);
  });
});

describe("installations, end to end", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  function installationPayload(action: string) {
    const payload = examplePayload("installation", action);
    const installation = payload.installation as Record<string, unknown>;
    installation.id = e2e.target.installationId;
    installation.account = { ...(installation.account as object), login: "acme", type: "Organization" };
    payload.repositories = [
      { id: e2e.target.repositoryId, name: "widget", full_name: "acme/widget", private: false },
      { id: 9001, name: "gadget", full_name: "acme/gadget", private: true },
    ];
    return payload;
  }

  it("registers the repositories of a new installation and forgets all their data on uninstall", async () => {
    await e2e.deliver("installation", installationPayload("created"));
    expect(await findRepository(e2e.db, "acme/gadget")).toMatchObject({ id: 9001, private: true });
    await e2e.deliver("issues", forRepository(examplePayload("issues", "opened"), e2e.target));
    await e2e.deliver("star", forRepository(examplePayload("star", "created"), e2e.target));
    expect(e2e.db.select({ n: count() }).from(events).get()?.n).toBe(2);

    await e2e.deliver("installation", installationPayload("deleted"));
    expect(e2e.db.select({ n: count() }).from(events).get()?.n).toBe(0);
    expect(e2e.db.select({ n: count() }).from(items).get()?.n).toBe(0);
    expect(e2e.db.select().from(deliveries).where(eq(deliveries.repositoryId, e2e.target.repositoryId)).all()).toEqual([]);
    expect(await findRepository(e2e.db, "acme/widget")).toBeUndefined();
    expect(await findRepository(e2e.db, "acme/gadget")).toBeUndefined();
  });

  it("forgets a repository removed from the installation, and only that one", async () => {
    await e2e.deliver("installation", installationPayload("created"));
    const other = { ...e2e.target, repositoryId: 9001, name: "gadget" };
    await e2e.deliver("issues", forRepository(examplePayload("issues", "opened"), e2e.target));
    await e2e.deliver("issues", forRepository(examplePayload("issues", "opened"), other));
    const removal = examplePayload("installation_repositories", "removed");
    Object.assign(removal.installation as object, { id: e2e.target.installationId });
    removal.repositories_removed = [{ id: 9001, name: "gadget", full_name: "acme/gadget", private: true }];
    await e2e.deliver("installation_repositories", removal);
    expect(await findRepository(e2e.db, "acme/gadget")).toBeUndefined();
    expect(
      e2e.db
        .select()
        .from(events)
        .all()
        .map((e) => e.repositoryId),
    ).toEqual([e2e.target.repositoryId]);
  });
});
