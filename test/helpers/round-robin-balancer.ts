import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** What the balancer did with one request: where it went first, and where its copy went, if any. */
export interface Routed {
  delivery: string;
  primary: string;
  copy: string | null;
  status: number;
}

export interface RoundRobinBalancer {
  url: string;
  /** The replicas' base URLs, changed as replicas stop and start. */
  setTargets(targets: string[]): void;
  readonly routed: readonly Routed[];
  close(): Promise<void>;
}

/**
 * A load balancer in front of several Steward replicas, as a deployment has one: each request goes
 * to the next replica in turn, and one in `copyEvery` is also sent, at the same moment, to the
 * replica after it (a retry storm, or GitHub redelivering while the first attempt still runs), so
 * two replicas handle the same delivery concurrently. A replica that refuses the connection (dead)
 * is skipped for the next, as a balancer's health check would. The sender gets the first answer.
 */
export async function startRoundRobinBalancer(options: { copyEvery: number }): Promise<RoundRobinBalancer> {
  let targets: string[] = [];
  let next = 0;
  let seen = 0;
  const routed: Routed[] = [];

  const forward = async (target: string, request: IncomingMessage, body: Buffer) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name, value]) => typeof value === "string" && !["host", "content-length", "connection"].includes(name),
      ),
    ) as Record<string, string>;
    const response = await fetch(`${target}${request.url}`, { method: request.method, headers, body });
    return { status: response.status, text: await response.text() };
  };

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    seen += 1;
    const copied = seen % options.copyEvery === 0;
    const order = targets.map((_, i) => targets[(next + i) % targets.length]!);
    next = (next + 1) % Math.max(targets.length, 1);
    const copyTarget = copied && order.length > 1 ? order[1]! : null;
    const copy = copyTarget ? forward(copyTarget, request, body).catch(() => null) : Promise.resolve(null);
    let answer: { status: number; text: string } | null = null;
    let primary = "";
    for (const target of order) {
      try {
        answer = await forward(target, request, body);
        primary = target;
        break;
      } catch {
        // Refused: that replica is down; the next one takes the request.
      }
    }
    await copy;
    routed.push({ delivery: String(request.headers["x-github-delivery"] ?? ""), primary, copy: copyTarget, status: answer?.status ?? 502 });
    response.writeHead(answer?.status ?? 502, { "content-type": "text/plain" });
    response.end(answer?.text ?? "no replica answered");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTargets(list) {
      targets = [...list];
    },
    routed,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
