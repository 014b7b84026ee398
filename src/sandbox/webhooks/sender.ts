import { randomUUID } from "node:crypto";
import { signBody } from "../../http/webhook-signature.js";
import type { Webhook } from "./payloads.js";

/** Options of `createWebhookSender`. */
export interface WebhookSenderOptions {
  /** The app's webhook URL, e.g. `${server.url}/api/github/webhooks`. */
  url: string;
  /** The secret the app verifies `X-Hub-Signature-256` with. */
  secret: string;
  /** Defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  /** The GitHub App's id, sent as `X-GitHub-Hook-Installation-Target-ID`. Default 1. */
  appId?: number;
  /** The app's hook id, sent as `X-GitHub-Hook-ID`. Default 1. */
  hookId?: number;
  /** Delivery ids; random UUIDs as GitHub's by default. */
  newId?: () => string;
  /** GitHub gives up on a delivery after 10 seconds; so does the sender by default. */
  timeoutMs?: number;
}

/** One delivery attempt as the sender's log keeps it (GitHub's "Recent Deliveries"). */
export interface DeliveryRecord {
  /** The `X-GitHub-Delivery` id; a redelivery repeats it. */
  id: string;
  event: string;
  action: string | null;
  /** The answer's HTTP status; 0 when no answer came (connection refused, timeout). */
  status: number;
  /** The exact JSON body that was signed and sent. */
  body: string;
  redelivery: boolean;
  /** Why no answer came, when status is 0. */
  error?: string;
}

/** Posts webhooks the way GitHub does, and remembers every attempt. */
export interface WebhookSender {
  /** Sends a new delivery. A non-2xx answer or a network error is recorded, never thrown. */
  send(webhook: Webhook): Promise<DeliveryRecord>;
  /** Sends an earlier delivery again with the same id and body, as GitHub's "Redeliver" button. */
  redeliver(id: string): Promise<DeliveryRecord>;
  /** Every attempt, oldest first, redeliveries included. */
  readonly deliveries: readonly DeliveryRecord[];
  /** Where deliveries go now. */
  readonly url: string;
  /**
   * Points later deliveries (and redeliveries, re-signed as GitHub does) at another URL and/or
   * secret, as editing the app's webhook settings does; a sandbox process learns Steward's address late.
   */
  retarget(target: { url?: string; secret?: string }): void;
}

/** Creates a sender that signs each body with `secret` and POSTs it to `url`. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const fetchImpl = options.fetchImpl ?? fetch;
  const newId = options.newId ?? randomUUID;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deliveries: DeliveryRecord[] = [];
  let { url, secret } = options;

  async function post(attempt: Omit<DeliveryRecord, "status" | "error">): Promise<DeliveryRecord> {
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "GitHub-Hookshot/sandbox",
      "X-GitHub-Event": attempt.event,
      "X-GitHub-Delivery": attempt.id,
      "X-GitHub-Hook-ID": String(options.hookId ?? 1),
      "X-GitHub-Hook-Installation-Target-Type": "integration",
      "X-GitHub-Hook-Installation-Target-ID": String(options.appId ?? 1),
      "X-Hub-Signature-256": signBody(secret, attempt.body),
    };
    let record: DeliveryRecord;
    try {
      const response = await fetchImpl(url, {
        method: "POST",
        headers,
        body: attempt.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Read the answer whole so the connection is free for the next delivery.
      await response.arrayBuffer();
      record = { ...attempt, status: response.status };
    } catch (error) {
      record = { ...attempt, status: 0, error: error instanceof Error ? error.message : String(error) };
    }
    deliveries.push(record);
    return record;
  }

  return {
    deliveries,
    get url() {
      return url;
    },
    retarget(target) {
      url = target.url ?? url;
      secret = target.secret ?? secret;
    },
    async send(webhook) {
      const action = webhook.payload["action"];
      return post({
        id: newId(),
        event: webhook.event,
        action: typeof action === "string" ? action : null,
        body: JSON.stringify(webhook.payload),
        redelivery: false,
      });
    },
    async redeliver(id) {
      const original = deliveries.find((d) => d.id === id);
      if (!original) throw new Error(`sandbox: no delivery ${id} to redeliver`);
      return post({ id, event: original.event, action: original.action, body: original.body, redelivery: true });
    },
  };
}
