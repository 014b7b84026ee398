import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Logger, Probot } from "probot";
import type { DeliveryOutcome, OperationalMetrics } from "../domain/operational-metrics.js";
import type { RecordOutcome } from "../store/ledger.js";
import type { WebhookEvent } from "./event-octokits.js";
import { headerValue, verifiedBody, type RequestHandler } from "./webhook-guard.js";

export interface WebhookReceiverOptions {
  path: string;
  secret: string;
  log: Logger;
  /** Its app's `on(...)` handlers get every verified delivery, as through Probot's middleware. */
  probot: Probot;
  /**
   * Steward's own handling of some events, run alongside Probot's; undefined for the others. What
   * it resolves with (the ledger's outcome) is what the delivery is counted as.
   */
  direct?: (event: WebhookEvent) => Promise<RecordOutcome> | undefined;
  /** GitHub gives up after 10 s: past this, answer 202 and let the work finish. */
  timeoutMs?: number;
  /** Where deliveries and refusals are counted. */
  metrics?: OperationalMetrics;
}

const REQUIRED_HEADERS = ["x-github-event", "x-github-delivery"] as const;
const JSON_CONTENT_TYPE = /^\s*(application\/json)\s*(?:;|$)/u;

/**
 * Receives GitHub webhooks at `path`, in place of Probot's middleware: reads and verifies each
 * body once (the guard), parses it once, and hands the event to Probot's webhooks (no second read,
 * HMAC and parse) and to Steward's direct handler. Answers as Probot's middleware does: 200
 * "ok\n"; 404 for another method; 415 for a body that is not JSON; 400 for missing headers or
 * invalid JSON; a handler's error status (else 500) with `{"error": ...}`; 202 after the timeout.
 */
export function webhookReceiver(options: WebhookReceiverOptions): RequestHandler {
  const path = withoutTrailingSlashes(options.path);
  const timeoutMs = options.timeoutMs ?? 9000;
  return async (req, res) => {
    const pathname = withoutTrailingSlashes(pathOf(req));
    if (pathname !== path) return false;
    if (req.method !== "POST") {
      answer(res, 404, { error: `Unknown route: ${req.method} ${pathname}` });
      return true;
    }
    const body = await verifiedBody(req, res, options);
    if (body === null) return true;
    if (!JSON_CONTENT_TYPE.test(headerValue(req, "content-type") ?? "")) {
      options.metrics?.refused("content_type");
      answer(res, 415, { error: `Unsupported "Content-Type" header value. Must be "application/json"` });
      return true;
    }
    const missing = REQUIRED_HEADERS.filter((name) => headerValue(req, name) === undefined);
    if (missing.length > 0) {
      options.metrics?.refused("headers");
      answer(res, 400, { error: `Required headers missing: ${missing.join(", ")}` });
      return true;
    }
    const text = body.toString("utf8");
    const payload = parseObject(text);
    if (payload === null) {
      options.metrics?.refused("payload");
      answer(res, 400, { error: "SyntaxError: Invalid JSON" });
      return true;
    }
    const event: WebhookEvent = {
      id: headerValue(req, "x-github-delivery")!,
      name: headerValue(req, "x-github-event")!,
      payload,
      rawBody: text,
    };
    await dispatch(options, event, res, timeoutMs);
    return true;
  };
}

async function dispatch(options: WebhookReceiverOptions, event: WebhookEvent, res: ServerResponse, timeoutMs: number): Promise<void> {
  const started = performance.now();
  const counted = (outcome: DeliveryOutcome) => options.metrics?.delivery(event.name, outcome, (performance.now() - started) / 1000);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    answer(res, 202, "still processing\n");
  }, timeoutMs);
  try {
    // Probot's receive returns at once when its app has no handler for the event.
    const [, recorded] = await Promise.all([options.probot.webhooks.receive(event as never), options.direct?.(event)]);
    clearTimeout(timer);
    counted(recorded ? DELIVERY_OUTCOMES[recorded] : "handled");
    if (!timedOut) answer(res, 200, "ok\n");
  } catch (error) {
    clearTimeout(timer);
    counted("failed");
    // Probot's own handlers' errors are logged by its error handler; Steward's are logged here.
    const first = error instanceof AggregateError ? (error.errors[0] as Error & { status?: number }) : (error as Error & { status?: number });
    if (!(error instanceof AggregateError)) options.log.error({ err: error }, `${event.name} delivery ${event.id} failed`);
    if (!timedOut)
      answer(res, typeof first?.status === "number" ? first.status : 500, {
        error: `${first?.name ?? "Error"}: ${first?.message ?? "An unspecified error occurred"}`,
      });
  }
}

const DELIVERY_OUTCOMES: Record<RecordOutcome, DeliveryOutcome> = { fresh: "stored", duplicate: "duplicate", "not-served": "not_served" };

/** The JSON object a body holds, or null when it is not JSON or not an object. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function answer(res: ServerResponse, status: number, body: string | Record<string, unknown>): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/plain" : "application/json";
  res.writeHead(status, { "content-type": type, accept: "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function withoutTrailingSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/u, "");
  return trimmed === "" ? "/" : trimmed;
}
