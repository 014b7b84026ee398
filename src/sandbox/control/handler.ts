import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../http-io.js";
import type { ControlHandler } from "../server.js";
import { decode, encode } from "./json-codec.js";
import { CALL_PATH, HEALTH_PATH } from "./protocol.js";
import type { ControlTargets } from "./targets.js";

/** A control request that is refused before any method runs. */
class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the control API: `POST /_sandbox/call` runs one allowlisted method and answers
 * `{ result }`; `GET /_sandbox/health` answers `{ ok: true }`. A method that throws (the model
 * refusing an unknown repository, a second star) is a 422 with its message, so a test sees why.
 */
export function createControlHandler(targets: ControlTargets): ControlHandler {
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://sandbox.invalid").pathname;
    try {
      if (path === HEALTH_PATH) return send(res, 200, { ok: true });
      if (path !== CALL_PATH) throw new Refused(404, `sandbox: no control endpoint ${path} (use POST ${CALL_PATH})`);
      if (req.method !== "POST") throw new Refused(405, `sandbox: ${CALL_PATH} takes POST`);
      const { method, args } = await parseCall(req, targets);
      let result: unknown;
      try {
        result = await method(...args);
      } catch (error) {
        throw new Refused(422, error instanceof Error ? error.message : String(error));
      }
      send(res, 200, { result: encode(result) });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      send(res, error.status, { error: error.message });
    }
  };
}

/** Reads `{ target, method, args }` and finds the method, or refuses with 400/404. */
async function parseCall(req: IncomingMessage, targets: ControlTargets) {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    throw new Refused(400, "sandbox: the body must be JSON: { target, method, args }");
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new Refused(400, "sandbox: the body must be an object: { target, method, args }");
  const { target, method, args = [] } = body as Record<string, unknown>;
  if (typeof target !== "string" || typeof method !== "string") throw new Refused(400, "sandbox: target and method must be strings");
  if (!Array.isArray(args)) throw new Refused(400, "sandbox: args must be an array");
  if (!Object.hasOwn(targets, target)) {
    throw new Refused(404, `sandbox: unknown target ${JSON.stringify(target)} (one of ${Object.keys(targets).join(", ")})`);
  }
  const found = targets[target as keyof ControlTargets].get(method);
  if (!found) throw new Refused(404, `sandbox: ${target}.${method} is not a control method`);
  return { method: found, args: args.map(decode) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}
