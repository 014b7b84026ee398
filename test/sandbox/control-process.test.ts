import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidSignature } from "../../src/http/webhook-signature.js";
import { SandboxControlError } from "../../src/sandbox/control-client.js";
import { startSandboxProcess, type SandboxProcess } from "../helpers/sandbox-process.js";
import { signJwt } from "./helpers.js";

const SECRET = "process-secret";
const REPO = "acme/widget";

/** A stand-in for Steward's webhook endpoint: keeps each delivery's headers and exact body. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api/github/webhooks`, received };
}

describe("the sandbox as its own process", () => {
  let sandbox: SandboxProcess;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startSandboxProcess({ env: { APP_ID: "4242", STEWARD_WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET } });
    await sandbox.client.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await sandbox.client.model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  });

  afterAll(async () => {
    await sandbox?.stop();
    await new Promise((done) => receiver?.server.close(done));
  });

  it("writes the ready file and prints the lines Steward needs", async () => {
    const ready = JSON.parse(readFileSync(sandbox.readyFile, "utf8")) as Record<string, unknown>;
    expect(ready).toMatchObject({
      url: sandbox.url,
      host: `127.0.0.1:${sandbox.port}`,
      appId: 4242,
      privateKeyPath: expect.stringMatching(/app\.pem$/),
      clientId: "Iv1.sandbox4242",
      clientSecret: "sandbox-client-secret-4242",
    });
    expect(sandbox.output()).toContain(`[sandbox] listening on ${sandbox.url}`);
    expect(sandbox.output()).toContain(
      `GHE_HOST=127.0.0.1:${sandbox.port}\nGHE_PROTOCOL=http\nGITHUB_CLIENT_ID=Iv1.sandbox4242\nGITHUB_CLIENT_SECRET=sandbox-client-secret-4242\n`,
    );
    // The written key is the one the sandbox checks app JWTs with.
    const jwt = signJwt({ iss: 4242 }, sandbox.privateKey);
    const response = await fetch(`${sandbox.url}/api/v3/app`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(response.status).toBe(200);
  });

  it("opens an issue: the model has it and the target got a correctly signed issues delivery", async () => {
    const before = receiver.received.length;
    const acted = await sandbox.client.activity.openIssue(REPO, { user: "noor", title: "Crash on start", at: new Date("2024-03-01T10:00:00Z") });
    expect(acted.delivery).toMatchObject({ event: "issues", action: "opened", status: 200 });
    expect(acted.record).toMatchObject({ number: 1, title: "Crash on start", created_at: "2024-03-01T10:00:00Z" });

    const [delivery] = receiver.received.slice(before);
    expect(delivery?.headers["x-github-event"]).toBe("issues");
    expect(delivery?.headers["x-github-delivery"]).toBe(acted.delivery.id);
    expect(isValidSignature(SECRET, Buffer.from(delivery?.body ?? ""), delivery?.headers["x-hub-signature-256"] as string)).toBe(true);
    expect(JSON.parse(delivery?.body ?? "{}")).toMatchObject({ action: "opened", issue: { number: 1 }, installation: { id: 77 } });

    expect(await sandbox.client.model.getIssue(REPO, 1)).toMatchObject({ title: "Crash on start", user: "noor", state: "open" });
  });

  it("redelivers with the same id and body", async () => {
    const { delivery } = await sandbox.client.activity.comment(REPO, 1, { user: "maya", body: "Thanks!" });
    const again = await sandbox.client.sandbox.redeliver(delivery.id);
    expect(again).toMatchObject({ id: delivery.id, redelivery: true, status: 200, body: delivery.body });
    const copies = receiver.received.filter((r) => r.headers["x-github-delivery"] === delivery.id);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.body).toBe(copies[0]?.body);
    expect((await sandbox.client.sandbox.deliveries()).filter((d) => d.id === delivery.id)).toHaveLength(2);
  });

  it("refuses what is not on the allowlist with a 4xx and records no violation", async () => {
    for (const [target, method] of [
      ["model", "constructor"],
      ["model", "repoState"],
      ["model", "__proto__"],
      ["process", "exit"],
      ["activity", "sender"],
    ]) {
      const refusal = await sandbox.client.call(target ?? "", method ?? "").catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(SandboxControlError);
      expect((refusal as SandboxControlError).status).toBe(404);
    }
    const bad = await fetch(`${sandbox.url}/_sandbox/call`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
    const refused = await sandbox.client.model.getIssue("acme/nothing", 1).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422, message: expect.stringContaining("unknown repository acme/nothing") });
    expect(await sandbox.client.sandbox.violations()).toEqual([]);
    expect(await sandbox.client.sandbox.requests("POST", /_sandbox/)).toEqual([]);
  });

  it("seeds a history in the past, keeps records plain and lets a test set the model clock", async () => {
    const now = await sandbox.client.sandbox.setNow("2025-06-01T00:00:00Z");
    expect(now).toBe("2025-06-01T00:00:00.000Z");
    const summary = await sandbox.client.model.seedHistory({ repo: "acme/old", stars: 250, issues: 120, pulls: 40 });
    expect(summary).toMatchObject({ stars: 250, issues: 120, pulls: 40, comments: 240, merged: 20, to: "2025-05-31T00:00:00Z" });
    const stars = await sandbox.client.model.listStargazers("acme/old");
    expect(stars).toHaveLength(250);
    expect(stars.every((s) => s.starred_at < "2025-05-31T00:00:01Z")).toBe(true);
    expect((await sandbox.client.model.getInstallation(77))?.repositoryIds).toEqual([]);
    await sandbox.client.sandbox.setNow(null);
  });

  it("takes faults and request filters with RegExps, and answers recorded requests as JSON", async () => {
    await sandbox.client.sandbox.resetRequests();
    await sandbox.client.sandbox.failNext({ path: /^\/app$/, status: 503 });
    expect(await sandbox.client.sandbox.pendingFaults()).toEqual([{ path: /^\/app$/, status: 503, times: 1 }]);
    const headers = { authorization: `Bearer ${signJwt({ iss: 4242 }, sandbox.privateKey)}` };
    expect((await fetch(`${sandbox.url}/api/v3/app`, { headers })).status).toBe(503);
    expect((await fetch(`${sandbox.url}/api/v3/app`, { headers })).status).toBe(200);
    const served = await sandbox.client.sandbox.requests("GET", "/app");
    expect(served.map((r) => [r.status, r.route, typeof r.at])).toEqual([
      [503, "GET /app", "string"],
      [200, "GET /app", "string"],
    ]);
    expect(await sandbox.client.sandbox.requests(undefined, /^\/app/)).toHaveLength(2);
  });

  it("gives roles through the control API, and signs a user in with the ready file's client credentials", async () => {
    await sandbox.client.model.addOrgMember("acme", "ola", "admin");
    await sandbox.client.model.setRepositoryRole(REPO, "pim", "triage");
    expect(await sandbox.client.model.repositoryRole(REPO, "ola")).toBe("admin");
    expect(await sandbox.client.model.repositoryRole(REPO, "pim")).toBe("triage");
    const refused = await sandbox.client.model.setRepositoryRole(REPO, "pim", "owner" as never).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422 });

    const form = { client_id: sandbox.clientId, redirect_uri: "http://127.0.0.1:9/cb", state: "st", login: "pim" };
    const redirected = await fetch(`${sandbox.url}/login/oauth/authorize`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });
    const code = new URL(redirected.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const exchanged = await fetch(`${sandbox.url}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ client_id: sandbox.clientId, client_secret: sandbox.clientSecret, code }),
    });
    const { access_token } = (await exchanged.json()) as { access_token: string };
    const repos = await fetch(`${sandbox.url}/api/v3/user/installations/77/repositories`, { headers: { authorization: `Bearer ${access_token}` } });
    const body = (await repos.json()) as { repositories: Array<{ full_name: string; permissions: Record<string, boolean> }> };
    expect(body.repositories.map((r) => [r.full_name, r.permissions.triage, r.permissions.push])).toEqual([[REPO, true, false]]);
  });

  it("installs through the installations target and delivers installation.created", async () => {
    const { record, delivery } = await sandbox.client.installations.install("octo", { repositories: [] });
    expect(delivery).toMatchObject({ event: "installation", action: "created", status: 200 });
    expect(await sandbox.client.model.listInstallations()).toContainEqual(expect.objectContaining({ id: record.id, account: "octo" }));
  });

  it("seeds the demo with --seed demo and stops cleanly on SIGTERM", async () => {
    const other = await startSandboxProcess({ args: ["--seed", "demo"] });
    expect((await other.client.model.listStargazers("acme/widget")).length).toBeGreaterThan(100);
    expect(other.output()).toContain('"method":"install","args":["acme"]');
    expect(other.output()).toContain('sign in to Steward\'s dashboard as "maya"');
    expect(await other.client.model.repositoryRole("acme/widget", "omar")).toBe("maintain");
    expect(await other.client.healthy()).toBe(true);
    const exit = await other.stop();
    expect(exit.killed).toBe(false);
    expect(await other.client.healthy()).toBe(false);
  });
});
