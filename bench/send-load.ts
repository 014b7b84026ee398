import autocannon from "autocannon";
import type { SignedDelivery } from "./signed-deliveries.js";

/** What one load run measured, from the client's side. */
export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  durationSeconds: number;
}

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  /** Exactly this many requests are sent and answered. */
  amount: number;
  /** The delivery for the n-th request of the whole benchmark (so ids never repeat). */
  delivery: (n: number) => SignedDelivery;
  /** The n of this run's first request. */
  firstN: number;
}

/**
 * Sends `amount` signed deliveries with autocannon over `connections` keep-alive connections and
 * reads requests per second and latency percentiles. Every answer must be a 2xx: a refused or
 * failed delivery makes the measure meaningless, so it throws.
 */
export async function sendLoad(options: LoadOptions): Promise<LoadResult> {
  let n = options.firstN;
  // autocannon ends an `amount` run on its next one-second tick, so its own start and finish
  // round the duration up; time the run from the first request to the last answer instead.
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: options.path,
        setupRequest: (request) => {
          const delivery = options.delivery(n++);
          return { ...request, method: "POST", path: options.path, headers: delivery.headers, body: delivery.body };
        },
        onResponse: () => {
          lastAnswerAt = performance.now();
        },
      },
    ],
  });
  const answered = result["2xx"];
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || answered !== options.amount) {
    throw new Error(
      `load on ${options.url}: ${answered} of ${options.amount} answered 2xx (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
  }
  const durationSeconds = (lastAnswerAt - startedAt) / 1000;
  return {
    requests: answered,
    requestsPerSecond: answered / durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    durationSeconds,
  };
}
