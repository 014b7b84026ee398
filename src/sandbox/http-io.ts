import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DOCS_URL } from "./errors.js";

/** A fully decided HTTP answer: JSON `body`, or raw `text` with its content type. */
export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  text?: string;
  contentType?: string;
}

/** GitHub's error answer `{ message, documentation_url }` plus any extra fields. */
export function errorOutcome(status: number, message: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Outcome {
  return { status, headers, body: { message, ...extra, documentation_url: DOCS_URL } };
}

/** Reads the whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; `ok: false` when the text is not JSON (GitHub answers 400 then). */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Writes an outcome with the headers every GitHub answer carries. */
export function sendOutcome(res: ServerResponse, outcome: Outcome): void {
  const headers: Record<string, string> = {
    "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
    "x-github-media-type": "github.v3; format=json",
    ...outcome.headers,
  };
  let payload: string | undefined;
  if (outcome.text !== undefined) {
    payload = outcome.text;
    headers["content-type"] = outcome.contentType ?? "text/plain; charset=utf-8";
  } else if (outcome.status !== 204 && outcome.body !== undefined) {
    payload = JSON.stringify(outcome.body);
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (payload !== undefined) headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(outcome.status, headers);
  res.end(payload);
}
