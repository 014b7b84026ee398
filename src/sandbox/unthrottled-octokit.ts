import { ProbotOctokit } from "probot";

/**
 * Probot's Octokit without its pacing and retries, for runs against the sandbox on a simulated
 * clock (tests, the demo), where real-time pacing only makes them slow. Probot passes its own
 * `throttle` options to the constructor, so they are merged into rather than replaced.
 */
export function unthrottledOctokit(): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object), enabled: false },
    retry: { enabled: false },
  }));
}
