/**
 * When the backfill must slow down or stop for GitHub's rate limits. Pure: the caller passes
 * what the API answered and the time.
 */

/** Points kept in reserve for the webhook handlers and the daily jobs. */
export const RESERVE_POINTS = 100;
/** Longer waits than this pause the backfill (resumed by the scheduler) instead of blocking. */
export const MAX_WAIT_MS = 60_000;
/** Rate-limited retries of one request before the backfill pauses. */
export const MAX_RETRIES = 3;

/** Whether to stop after a page: the remaining points are down to the reserve. */
export function mustPauseForPoints(remaining: number, reserve = RESERVE_POINTS): boolean {
  return remaining <= reserve;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
  errors?: Array<{ type?: unknown }>;
}

/**
 * How long GitHub asks us to wait before the failed request may be sent again, or null when the
 * failure is not a rate limit: a secondary limit (403/429 with `retry-after`), a spent primary
 * limit (`x-ratelimit-remaining: 0` until `x-ratelimit-reset`) or GraphQL's RATE_LIMITED error.
 */
export function rateLimitWaitMs(error: unknown, now: Date): number | null {
  const e = (error ?? {}) as ErrorLike;
  const headers = e.response?.headers ?? {};
  const status = typeof e.status === "number" ? e.status : null;
  const retryAfter = Number(headers["retry-after"]);
  if ((status === 403 || status === 429) && Number.isFinite(retryAfter) && headers["retry-after"] !== undefined) {
    return Math.max(0, retryAfter) * 1000;
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  const spent = String(headers["x-ratelimit-remaining"]) === "0";
  const graphqlLimited = Array.isArray(e.errors) && e.errors.some((x) => x.type === "RATE_LIMITED");
  if ((spent && (status === 403 || status === 429)) || graphqlLimited) {
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now.getTime()) : MAX_WAIT_MS * 2;
  }
  return null;
}

/** A short, log-friendly description of a failed request. */
export function describeFailure(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === "number" ? `HTTP ${e.status}: ` : "";
  const message = typeof e.message === "string" ? e.message : String(error);
  return `${status}${message}`.replace(/\s+/g, " ").slice(0, 300);
}
