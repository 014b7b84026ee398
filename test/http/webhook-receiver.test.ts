import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { createProbot, type Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WebhookEvent } from "../../src/http/event-octokits.js";
import { signBody } from "../../src/http/webhook-signature.js";
import { webhookReceiver } from "../../src/http/webhook-receiver.js";
import { appKeys } from "../helpers/e2e-harness.js";
import { type MetricCall, recordedMetrics } from "../helpers/recorded-metrics.js";

const SECRET = "receiver-secret";
const PATH = "/api/github/webhooks";

describe("the webhook receiver", () => {
  let server: Server;
  let url: string;
  let probot: Probot;
  let logLines: string[];
  let direct: WebhookEvent[];
  let probotSaw: string[];
  let failDirect: Error | null;
  let counted: MetricCall[];

  beforeEach(async () => {
    logLines = [];
    direct = [];
    probotSaw = [];
    failDirect = null;
    const recorded = recordedMetrics();
    counted = recorded.calls;
    const log = pino({ level: "info" }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));
    probot = createProbot({ overrides: { appId: 1, privateKey: appKeys().privateKey, secret: SECRET, log } });
    await probot.load((app) => {
      app.on("ping", async (context) => {
        probotSaw.push(context.id);
        if ((context.payload as { zen?: string }).zen === "fail") throw Object.assign(new Error("handler broke"), { status: 503 });
      });
    });
    const receive = webhookReceiver({
      path: PATH,
      secret: SECRET,
      log: probot.log,
      probot,
      direct: (event) => {
        if (event.name !== "issues") return undefined;
        direct.push(event);
        return failDirect ? Promise.reject(failDirect) : Promise.resolve("fresh" as const);
      },
      metrics: recorded.metrics,
    });
    server = createServer(async (req, res) => {
      if (!(await receive(req, res))) res.writeHead(404).end("elsewhere");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function post(body: string, headers: Record<string, string | null> = {}, path = PATH) {
    const all: Record<string, string | null> = {
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": "d-1",
      "x-hub-signature-256": signBody(SECRET, body),
      ...headers,
    };
    const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
    const response = await fetch(url + path, { method: "POST", headers: sent, body });
    return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
  }

  it("parses a verified delivery once and hands it to the direct handler and Probot, answering 200 ok", async () => {
    expect(await post('{"action":"opened","n":1}')).toEqual({ status: 200, text: "ok\n", type: "text/plain" });
    expect(direct).toEqual([{ id: "d-1", name: "issues", payload: { action: "opened", n: 1 }, rawBody: '{"action":"opened","n":1}' }]);
    expect(await post('{"zen":"hi"}', { "x-github-event": "ping", "x-github-delivery": "p-1" })).toMatchObject({ status: 200 });
    expect(probotSaw).toEqual(["p-1"]);
    expect(direct).toHaveLength(1);
    // The direct handler's outcome names what became of a delivery; Probot's handlers only handle.
    expect(counted).toEqual([
      ["delivery", "issues", "stored"],
      ["delivery", "ping", "handled"],
    ]);
  });

  it("answers a handler's failure with its status, or 500, and the error", async () => {
    const probotFailure = await post('{"zen":"fail"}', { "x-github-event": "ping" });
    expect(probotFailure).toMatchObject({ status: 503, type: "application/json" });
    expect(JSON.parse(probotFailure.text)).toEqual({ error: "Error: handler broke" });
    failDirect = new Error("disk full");
    const directFailure = await post('{"action":"opened"}');
    expect(directFailure.status).toBe(500);
    expect(JSON.parse(directFailure.text)).toEqual({ error: "Error: disk full" });
    expect(logLines.some((line) => line.includes("issues delivery d-1 failed"))).toBe(true);
    expect(counted).toEqual([
      ["delivery", "ping", "failed"],
      ["delivery", "issues", "failed"],
    ]);
  });

  it("refuses a bad signature, missing headers, a wrong content type and invalid JSON as Probot does", async () => {
    expect((await post("{}", { "x-hub-signature-256": "sha256=00" })).status).toBe(400);
    const missing = await post("{}", { "x-github-event": null, "x-github-delivery": null });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text)).toEqual({ error: "Required headers missing: x-github-event, x-github-delivery" });
    expect((await post("{}", { "content-type": "text/plain" })).status).toBe(415);
    const invalid = await post("{not json");
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toEqual({ error: "SyntaxError: Invalid JSON" });
    expect((await post("[1,2]")).status).toBe(400);
    expect(direct).toEqual([]);
    expect(counted).toEqual([
      ["refused", "signature"],
      ["refused", "headers"],
      ["refused", "content_type"],
      ["refused", "payload"],
      ["refused", "payload"],
    ]);
  });

  it("guards the path with a trailing slash too, answers another method 404, and leaves other paths alone", async () => {
    expect((await post("{}", { "x-hub-signature-256": "sha256=00" }, `${PATH}/`)).status).toBe(400);
    const get = await fetch(url + PATH);
    expect(get.status).toBe(404);
    expect(await get.json()).toEqual({ error: `Unknown route: GET ${PATH}` });
    expect(await (await fetch(`${url}/elsewhere`)).text()).toBe("elsewhere");
  });
});
