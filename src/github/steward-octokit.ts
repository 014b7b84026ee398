import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import type { WritePacer } from "../effects/write-pacer.js";

/**
 * Requests GitHub counts as content creation (its secondary limit: 80 a minute, 500 an hour),
 * reactions included, as the sandbox counts them. A
 * request hook sees the route template (`/repos/{owner}/{repo}/issues`) or, for a request made
 * with a literal path, the path itself: a segment is matched as "anything but a slash".
 */
const CONTENT_CREATION = [
  /^\/repos\/[^/]+\/[^/]+\/issues$/u,
  /^\/repos\/[^/]+\/[^/]+\/issues\/[^/]+\/comments$/u,
  /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/[^/]+\/reactions$/u,
  /^\/repos\/[^/]+\/[^/]+\/pulls\/[^/]+\/(reviews|comments)$/u,
];

/** True for a request that creates content: a new issue, comment or review, or a GraphQL mutation. */
export function createsContent(method: string, url: string, body: unknown): boolean {
  if (method !== "POST") return false;
  const path = new URL(url, "http://github.invalid").pathname.replace(/^\/api\/v3(?=\/)/u, "");
  if (path === "/graphql" || path === "/api/graphql") {
    const query = typeof body === "object" && body !== null ? (body as { query?: unknown }).query : undefined;
    return typeof query === "string" && /^\s*mutation\b/u.test(query);
  }
  return CONTENT_CREATION.some((pattern) => pattern.test(path));
}

/**
 * The Octokit class Steward's server and CLI authenticate with: Probot's, with one pace for content
 * creation. Probot's throttling spaces comment and issue creation three seconds apart per
 * installation and process, and every other write and GraphQL call one second apart, on top of any
 * pacing of Steward's, which made WRITE_PACE_PER_MINUTE meaningless. Here Steward's pacer is the
 * only one (per installation, a sliding minute and hour), applied to every caller (webhook handlers
 * and jobs alike); Probot's throttling is kept only for what it does when GitHub says a rate limit
 * was hit (wait for `retry-after`, then retry).
 */
export function stewardOctokit(pacer: WritePacer): typeof ProbotOctokit {
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: null, minTime: 0 });
  const groups = { write: unpaced(), notifications: unpaced() };
  const Paced = ProbotOctokit.plugin((octokit, options) => {
    // Probot gives each installation's client its installation id as the throttling id.
    const installationId = Number((options as { throttle?: { id?: string } }).throttle?.id);
    octokit.hook.wrap("request", async (request, options) => {
      if (!Number.isInteger(installationId) || !createsContent(options.method, options.url, options)) return request(options);
      const answered = await pacer.acquire(installationId);
      try {
        return await request(options);
      } finally {
        answered();
      }
    });
  });
  return Paced.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object), ...groups },
  })) as typeof ProbotOctokit;
}
