import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { metricsHandler } from "../../src/http/metrics-endpoint.js";

describe("GET /metrics", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(token: string | null): Promise<string> {
    const registry = new Registry();
    new Counter({ name: "steward_example_total", help: "An example.", registers: [registry] }).inc(3);
    const handle = metricsHandler(registry, token);
    server = createServer(async (req, res) => {
      if (!(await handle(req, res))) res.writeHead(404).end("elsewhere");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("serves the registry in Prometheus' text format to anyone when no token is set", async () => {
    const url = await serve(null);
    const response = await fetch(`${url}/metrics?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain("steward_example_total 3");
    expect((await fetch(`${url}/metrics`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${url}/metricsx`)).status).toBe(404);
  });

  it("with a token, answers 401 to a request without that bearer token", async () => {
    const url = await serve("s3cret");
    const status = async (authorization?: string) =>
      (await fetch(`${url}/metrics`, authorization === undefined ? {} : { headers: { authorization } })).status;
    expect(await status()).toBe(401);
    expect(await status("Bearer wrong")).toBe(401);
    expect(await status("Bearer s3cre")).toBe(401);
    expect(await status("Bearer s3crets")).toBe(401);
    expect(await status("Basic s3cret")).toBe(401);
    expect(await status("s3cret")).toBe(401);
    const refused = await fetch(`${url}/metrics`);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await refused.text()).not.toContain("steward_example_total");
    expect(await status("Bearer s3cret")).toBe(200);
    // The scheme is case-insensitive (RFC 9110).
    expect(await status("bearer s3cret")).toBe(200);
  });
});
