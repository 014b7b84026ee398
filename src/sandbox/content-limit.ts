import { SandboxHttpError } from "./errors.js";

/** The secondary rate limit on content creation, e.g. GitHub's `{ perMinute: 80, perHour: 500 }`. */
export interface ContentCreationLimit {
  perMinute?: number;
  perHour?: number;
}

/** REST routes that create content and so count against GitHub's content-creation limit. */
export const CONTENT_CREATING_ROUTES = new Set([
  "POST /repos/{owner}/{repo}/issues",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  "POST /repos/{owner}/{repo}/pulls",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "POST /repos/{owner}/{repo}/releases",
  "POST /gists",
]);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Enforces a content-creation limit per installation over sliding windows of wall-clock time.
 * Over the limit it throws GitHub's 403 with `retry-after` and the "secondary rate limit" wording
 * that Octokit's throttling plugin recognizes.
 */
export class ContentCreationLimiter {
  readonly #history = new Map<number, number[]>();

  constructor(
    private readonly limit: ContentCreationLimit | undefined,
    private readonly wallClock: () => number,
  ) {}

  /** Counts one content-creating request, or throws when it would exceed the limit. */
  admit(installationId: number): void {
    if (!this.limit) return;
    const now = this.wallClock();
    const recent = (this.#history.get(installationId) ?? []).filter((t) => t > now - HOUR_MS);
    const waits: number[] = [];
    const lastMinute = recent.filter((t) => t > now - MINUTE_MS);
    if (this.limit.perMinute !== undefined && lastMinute.length >= this.limit.perMinute) {
      waits.push((lastMinute[lastMinute.length - this.limit.perMinute] ?? now) + MINUTE_MS - now);
    }
    if (this.limit.perHour !== undefined && recent.length >= this.limit.perHour) {
      waits.push((recent[recent.length - this.limit.perHour] ?? now) + HOUR_MS - now);
    }
    if (waits.length > 0) {
      const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      this.#history.set(installationId, recent);
      throw new SandboxHttpError(
        403,
        "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID.",
        {},
        { "retry-after": String(retryAfter) },
      );
    }
    recent.push(now);
    this.#history.set(installationId, recent);
  }
}
