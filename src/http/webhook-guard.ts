import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { OperationalMetrics } from "../domain/operational-metrics.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { isValidSignature } from "./webhook-signature.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * Reads a webhook's body (at most 25 MB) and verifies its signature. Probot would answer a bad
 * signature with 400 but log the whole unverified payload, and read bodies of any size; this
 * answers bad requests itself with one short log line and returns null. A verified body is
 * returned, and nothing verifies it again.
 */
export async function verifiedBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: { secret: string; log: Logger; metrics?: OperationalMetrics },
): Promise<Buffer | null> {
  const delivery = headerValue(req, "x-github-delivery") ?? "-";
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    options.log.warn(`webhook refused: ${tooLarge ? "body over 25 MB" : "body could not be read"} (delivery ${delivery})`);
    options.metrics?.refused(tooLarge ? "too_large" : "unreadable");
    refuse(res, tooLarge ? 413 : 400, tooLarge ? "payload too large" : "unreadable body");
    return null;
  }
  if (!isValidSignature(options.secret, body, headerValue(req, "x-hub-signature-256"))) {
    const event = headerValue(req, "x-github-event") ?? "-";
    options.log.warn(`webhook refused: bad or missing signature (event ${event}, delivery ${delivery})`);
    options.metrics?.refused("signature");
    refuse(res, 400, "signature does not match");
    return null;
  }
  return body;
}

/** A request header's (first) value. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(res: ServerResponse, status: number, message: string): void {
  // The client may still be sending a body we refuse to read: close the connection after answering.
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: message }));
}
