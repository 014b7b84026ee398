import type { Logger } from "probot";

export interface WebhookProxyOptions {
  /** The channel, e.g. https://smee.io/abc123: a server-sent event stream of GitHub's deliveries. */
  source: string;
  /** Steward's own webhook URL, where each delivery is posted as GitHub would post it. */
  target: string;
  log: Logger;
  /** Wait before reconnecting after the stream ended; channels close idle streams now and then. */
  reconnectMs?: number;
}

/** Keys of a channel event that are not request headers. */
const NOT_HEADERS = new Set(["body", "query", "timestamp", "host", "content-length"]);

/**
 * Forwards the deliveries of a webhook proxy channel (the smee.io protocol Probot apps use) to
 * Steward's webhook path, so an app registered with the channel's URL works on a machine GitHub
 * cannot reach. Each event carries the original headers and the JSON body; the signature is
 * checked by Steward's receiver as for any delivery.
 */
export function startWebhookProxy(options: WebhookProxyOptions): { stop(): void } {
  const controller = new AbortController();
  const reconnectMs = options.reconnectMs ?? 2_000;
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        await readChannel(options, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return;
        options.log.warn(`webhook proxy ${options.source}: ${(error as Error).message}; reconnecting`);
      }
      await new Promise((resolve) => setTimeout(resolve, reconnectMs).unref());
    }
  };
  void loop();
  options.log.info(`forwarding webhooks from ${options.source} to ${options.target}`);
  return { stop: () => controller.abort() };
}

async function readChannel(options: WebhookProxyOptions, signal: AbortSignal): Promise<void> {
  const response = await fetch(options.source, { headers: { accept: "text/event-stream" }, signal });
  if (!response.ok || !response.body) throw new Error(`the channel answered HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true }).replace(/\r\n?/gu, "\n");
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event.type === "message" && event.data) await forward(options, event.data);
    }
  }
}

/** One server-sent event: its type (`message` unless named) and its data lines joined. */
export function parseEvent(block: string): { type: string; data: string } {
  let type = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /u, "");
    if (field === "event") type = value;
    else if (field === "data") data.push(value);
  }
  return { type, data: data.join("\n") };
}

async function forward(options: WebhookProxyOptions, data: string): Promise<void> {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(data) as Record<string, unknown>;
  } catch {
    options.log.warn(`webhook proxy: an event that is not JSON was skipped`);
    return;
  }
  if (event.body === undefined) return;
  const body = JSON.stringify(event.body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const [key, value] of Object.entries(event)) {
    if (!NOT_HEADERS.has(key.toLowerCase()) && typeof value === "string") headers[key] = value;
  }
  try {
    const answer = await fetch(options.target, { method: "POST", headers, body });
    await answer.arrayBuffer();
    options.log.debug(`webhook proxy: ${headers["x-github-event"] ?? "delivery"} forwarded, HTTP ${answer.status}`);
  } catch (error) {
    options.log.warn(`webhook proxy: could not forward a delivery to ${options.target}: ${(error as Error).message}`);
  }
}
