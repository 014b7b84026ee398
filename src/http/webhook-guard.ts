import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { isValidSignature } from "./webhook-signature.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * Stands in front of Probot's webhook middleware. Probot answers a bad signature with 400 but logs
 * the whole unverified payload, and it reads bodies of any size. This guard reads at most 25 MB,
 * verifies the signature, and answers bad requests itself with one short log line. A verified
 * body is handed on as a string, which Probot's middleware uses instead of re-reading the stream.
 */
export function webhookGuard(options: { path: string; secret: string; log: Logger }): RequestHandler {
  return async (req, res) => {
    if (req.method !== "POST" || pathOf(req) !== options.path) return false;
    const delivery = headerValue(req, "x-github-delivery") ?? "-";
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      options.log.warn(`webhook refused: ${tooLarge ? "body over 25 MB" : "body could not be read"} (delivery ${delivery})`);
      reject(res, tooLarge ? 413 : 400, tooLarge ? "payload too large" : "unreadable body");
      return true;
    }
    if (!isValidSignature(options.secret, body, headerValue(req, "x-hub-signature-256"))) {
      const event = headerValue(req, "x-github-event") ?? "-";
      options.log.warn(`webhook refused: bad or missing signature (event ${event}, delivery ${delivery})`);
      reject(res, 400, "signature does not match");
      return true;
    }
    (req as IncomingMessage & { body?: string }).body = body.toString("utf8");
    return false;
  };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function reject(res: ServerResponse, status: number, message: string): void {
  // The client may still be sending a body we refuse to read: close the connection after answering.
  res.writeHead(status, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: message }));
}
