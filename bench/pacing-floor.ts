import { parse } from "graphql";
import { analyzeQuery } from "../src/sandbox/graphql/cost.js";
import { loadGitHubSchema, type Sandbox } from "../src/sandbox/index.js";
import type { BackfillRequest } from "./backfill-requests.js";

/** GitHub's primary rate limit resets an hour after a window's first request. */
const RATE_WINDOW_MS = 60 * 60_000;

/** The least time GitHub's rate limit lets any client take for a sequence of GraphQL requests. */
export interface PacingFloor {
  /** Points the requests cost, by GitHub's formula (the sandbox's). */
  points: number;
  /** Hourly windows they need at `limit` points each, sent in order, each window filled. */
  windows: number;
  /** The sandbox's time to answer the last window's requests, sent back to back. */
  lastWindowMs: number;
  /** (windows - 1) hours + lastWindowMs. */
  floorMs: number;
}

/** Each request's cost in points, as GitHub (and the sandbox) compute it before running it. */
async function requestCosts(requests: readonly BackfillRequest[]): Promise<number[]> {
  const schema = await loadGitHubSchema();
  return requests.map((r) => analyzeQuery(schema, parse(r.query), undefined, r.variables).cost);
}

/**
 * The pacing floor of the backfill's requests: a client that wastes nothing sends them back to
 * back, spends each window's `limit` points to the last one, and waits for the reset only when the
 * next request does not fit. It finishes no sooner than (windows - 1) hours after its first request
 * plus the time the last window's requests take to be answered, measured here by sending them to
 * the sandbox again (after the backfill, so the backfill's own timing is untouched).
 */
export async function pacingFloor(
  sandbox: Sandbox,
  installationId: number,
  requests: readonly BackfillRequest[],
  limit: number,
): Promise<PacingFloor> {
  const costs = await requestCosts(requests);
  let windows = 1;
  let used = 0;
  let lastStart = 0;
  costs.forEach((cost, i) => {
    if (used + cost > limit) {
      windows++;
      used = 0;
      lastStart = i;
    }
    used += cost;
  });
  const lastWindowMs = await replay(sandbox, installationId, requests.slice(lastStart));
  return {
    points: costs.reduce((a, b) => a + b, 0),
    windows,
    lastWindowMs,
    floorMs: (windows - 1) * RATE_WINDOW_MS + lastWindowMs,
  };
}

/** Sends the requests one after the other, as the backfill does, and times the whole. */
async function replay(sandbox: Sandbox, installationId: number, requests: readonly BackfillRequest[]): Promise<number> {
  const url = `${sandbox.address()?.url}/api/graphql`;
  const headers = { authorization: `token ${sandbox.createInstallationToken(installationId)}`, "content-type": "application/json" };
  const started = performance.now();
  for (const request of requests) {
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query: request.query, variables: request.variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (!response.ok || body.errors) throw new Error(`replaying a backfill request failed: ${response.status} ${JSON.stringify(body.errors)}`);
  }
  return performance.now() - started;
}
