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
 * Whose budget a request spends: an installation id, or `user:<id>` for a user access token
 * (GitHub limits those per user).
 */
export type RateBucket = number | string;

/**
 * Primary rate-limit accounting per bucket and resource ("core" for REST, "graphql"),
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
  consume(resource: string, bucket: RateBucket, cost = 1): RateSnapshot {
    this.#window(resource, bucket).used += cost;
    return this.snapshot(resource, bucket);
  }

  snapshot(resource: string, bucket: RateBucket): RateSnapshot {
    const window = this.#window(resource, bucket);
    return {
      limit: this.limit,
      used: window.used,
      remaining: Math.max(0, this.limit - window.used),
      reset: Math.ceil((window.start + WINDOW_MS) / 1000),
      resource,
    };
  }

  #window(resource: string, bucket: RateBucket): { start: number; used: number } {
    const key = `${resource}:${bucket}`;
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
