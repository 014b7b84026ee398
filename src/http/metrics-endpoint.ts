import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Registry } from "prom-client";
import { headerValue, type RequestHandler } from "./webhook-guard.js";

/**
 * `GET /metrics`: the registry in Prometheus' text format. With a token (METRICS_TOKEN) only a
 * request carrying `Authorization: Bearer <token>` is served, others get 401; without one it is
 * open, for a server reachable only from inside its network.
 */
export function metricsHandler(registry: Registry, token: string | null): RequestHandler {
  const expected = token === null ? null : digest(token);
  return async (req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") return false;
    if (expected !== null && !carriesToken(req, expected)) {
      res.writeHead(401, { "content-type": "application/json", "www-authenticate": 'Bearer realm="metrics"' });
      res.end(JSON.stringify({ error: "a bearer token is required" }));
      return true;
    }
    const text = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType });
    res.end(text);
    return true;
  };
}

function carriesToken(req: IncomingMessage, expected: Buffer): boolean {
  const match = /^Bearer +(\S+) *$/iu.exec(headerValue(req, "authorization") ?? "");
  // Digests have one length whatever was sent, so the comparison's time tells nothing about the token.
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
