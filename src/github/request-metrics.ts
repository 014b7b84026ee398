import type { ProbotOctokit } from "probot";
import type { GitHubRequestSeen, OperationalMetrics } from "../domain/operational-metrics.js";

/**
 * The Octokit class `Octokit` with every request counted: its method, its status, and the rate
 * limit GitHub reported for the client's installation. Added last, the hook wraps the throttling
 * and retry plugins, so a request retried after a rate limit counts once, with its final answer.
 */
export function withRequestMetrics(Octokit: typeof ProbotOctokit, metrics: OperationalMetrics): typeof ProbotOctokit {
  return Octokit.plugin((octokit, options) => {
    // Probot puts the installation into each installation client's auth options; the app's own client has none.
    const installationId = Number((options as { auth?: { installationId?: unknown } }).auth?.installationId);
    const seen = (method: string, answer: Answer | undefined): GitHubRequestSeen => ({
      method,
      status: answer?.status ?? null,
      installationId: Number.isInteger(installationId) ? installationId : null,
      rateLimit: rateLimitOf(answer?.headers),
    });
    octokit.hook.wrap("request", async (request, options) => {
      try {
        const response = await request(options);
        metrics.githubRequest(seen(options.method, response));
        return response;
      } catch (error) {
        // A RequestError carries GitHub's answer; a network failure carries none.
        const answer = (error as { response?: Answer } | null)?.response;
        metrics.githubRequest(seen(options.method, answer));
        throw error;
      }
    });
  }) as typeof ProbotOctokit;
}

interface Answer {
  status: number;
  headers: Record<string, unknown>;
}

function rateLimitOf(headers: Record<string, unknown> | undefined): GitHubRequestSeen["rateLimit"] {
  const header = headers?.["x-ratelimit-remaining"];
  const remaining = typeof header === "string" || typeof header === "number" ? Number(String(header).trim() || Number.NaN) : Number.NaN;
  if (!Number.isFinite(remaining)) return null;
  const resource = headers?.["x-ratelimit-resource"];
  return { resource: typeof resource === "string" && /^[a-z_]{1,40}$/u.test(resource) ? resource : "core", remaining };
}
