/** A rate-limit bucket's state, shaped like GitHub's `GET /rate_limit` resources. */
export interface RateSnapshot {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds at which the window resets. */
  reset: number;
  resource: string;
}

const WINDOW_MS = 60 * 60 * 1000;

/**
 * Primary rate-limit accounting per installation and resource ("core" for REST, "graphql"),
 * in hourly windows of wall-clock time. It only reports (headers, `rateLimit`, `/rate_limit`);
 * it never refuses a request, so long benchmarks are not cut short.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly wallClock: () => number,
    private readonly limit = 5000,
  ) {}

  /** Spends `cost` points and returns the state after it. */
  consume(resource: string, installationId: number, cost = 1): RateSnapshot {
    this.#window(resource, installationId).used += cost;
    return this.snapshot(resource, installationId);
  }

  snapshot(resource: string, installationId: number): RateSnapshot {
    const window = this.#window(resource, installationId);
    return {
      limit: this.limit,
      used: window.used,
      remaining: Math.max(0, this.limit - window.used),
      reset: Math.ceil((window.start + WINDOW_MS) / 1000),
      resource,
    };
  }

  #window(resource: string, installationId: number): { start: number; used: number } {
    const key = `${resource}:${installationId}`;
    const now = this.wallClock();
    let window = this.#windows.get(key);
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, used: 0 };
      this.#windows.set(key, window);
    }
    return window;
  }
}

/** GitHub's `x-ratelimit-*` response headers. */
export function rateLimitHeaders(snapshot: RateSnapshot): Record<string, string> {
  return {
    "x-ratelimit-limit": String(snapshot.limit),
    "x-ratelimit-remaining": String(snapshot.remaining),
    "x-ratelimit-reset": String(snapshot.reset),
    "x-ratelimit-used": String(snapshot.used),
    "x-ratelimit-resource": snapshot.resource,
  };
}
