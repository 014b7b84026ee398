import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { withRequestMetrics } from "../../src/github/request-metrics.js";
import { recordedMetrics } from "../helpers/recorded-metrics.js";

/** A fetch that answers each request with the next of `answers`, or fails when it is an Error. */
function scriptedFetch(answers: Array<{ status: number; headers?: Record<string, string> } | Error>): typeof fetch {
  return async () => {
    const next = answers.shift();
    if (!next) throw new Error("no answer scripted");
    if (next instanceof Error) throw next;
    const body = next.status === 204 ? null : JSON.stringify(next.status < 400 ? { ok: true } : { message: "nope" });
    return new Response(body, { status: next.status, headers: { "content-type": "application/json", ...next.headers } });
  };
}

function client(answers: Parameters<typeof scriptedFetch>[0], auth: Record<string, unknown>) {
  const { metrics, calls } = recordedMetrics();
  const Counted = withRequestMetrics(ProbotOctokit, metrics);
  const octokit = new Counted({ auth, request: { fetch: scriptedFetch(answers) }, throttle: { enabled: false }, retry: { enabled: false } });
  return { octokit, calls };
}

describe("withRequestMetrics", () => {
  it("counts each request with its status and the installation's remaining rate limit", async () => {
    const { octokit, calls } = client(
      [
        { status: 200, headers: { "x-ratelimit-remaining": "4999", "x-ratelimit-resource": "core" } },
        { status: 404, headers: { "x-ratelimit-remaining": "4998", "x-ratelimit-resource": "core" } },
        { status: 200, headers: { "x-ratelimit-remaining": "", "x-ratelimit-resource": "core" } },
        new Error("socket hang up"),
      ],
      { token: "ghs_test", installationId: 77 },
    );
    await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "widget" });
    await expect(octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "acme", repo: "widget", path: "x" })).rejects.toThrow();
    await octokit.request("POST /repos/{owner}/{repo}/issues", { owner: "acme", repo: "widget", title: "t" });
    await expect(octokit.request("GET /rate_limit")).rejects.toThrow();
    expect(calls).toEqual([
      ["githubRequest", { method: "GET", status: 200, installationId: 77, rateLimit: { resource: "core", remaining: 4999 } }],
      ["githubRequest", { method: "GET", status: 404, installationId: 77, rateLimit: { resource: "core", remaining: 4998 } }],
      ["githubRequest", { method: "POST", status: 200, installationId: 77, rateLimit: null }],
      ["githubRequest", { method: "GET", status: null, installationId: 77, rateLimit: null }],
    ]);
  });

  it("counts a client without an installation as the app's, and keeps an odd resource name out of the labels", async () => {
    const { octokit, calls } = client([{ status: 200, headers: { "x-ratelimit-remaining": "12", "x-ratelimit-resource": 'co"re' } }], {
      token: "jwt",
    });
    await octokit.request("GET /app");
    expect(calls).toEqual([["githubRequest", { method: "GET", status: 200, installationId: null, rateLimit: { resource: "core", remaining: 12 } }]]);
  });
});
