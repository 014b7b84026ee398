import { sql } from "drizzle-orm";
import { pino } from "pino";
import type { Logger } from "probot";
import { describe, expect, it } from "vitest";
import { createRepoConfigLoader } from "../../src/runtime/repo-config-loader.js";
import type { GitHubClient } from "../../src/github/octokit.js";
import { runBackfill } from "../../src/metrics/run-backfill.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { events } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

const STARS = 100_000;
const start = Date.parse("2015-01-01T00:00:00Z");
const empty = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

/**
 * A GitHub answering GraphQL from memory: a repository with 100,000 stargazers and no issues,
 * pull requests or discussions, paging exactly like the real connection (cursor = offset of the last edge).
 */
function fakeGitHub(calls: string[]): GitHubClient {
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const rateLimit = { cost: 1, remaining: 4000, resetAt: "2026-01-01T00:00:00Z" };
    if (query.includes("stargazers(")) {
      calls.push("stars");
      const from = variables.after === null ? 0 : Number(variables.after) + 1;
      const to = Math.min(STARS, from + 100);
      const edges = Array.from({ length: to - from }, (_, i) => ({
        starredAt: new Date(start + (from + i) * 60_000).toISOString(),
        node: { __typename: "User", login: `fan-${from + i}`, databaseId: from + i, company: null },
      }));
      return {
        repository: { stargazers: { totalCount: STARS, pageInfo: { hasNextPage: to < STARS, endCursor: String(to - 1) }, edges } },
        rateLimit,
      };
    }
    calls.push(query.includes("pullRequests(") ? "pulls" : query.includes("discussions(") ? "discussions" : "issues");
    return { repository: { issues: empty, pullRequests: empty, discussions: empty }, rateLimit };
  };
  return { graphql } as unknown as GitHubClient;
}

describe("backfill of a repository with 100,000 stars", () => {
  it("reads them in ceil(N/100) requests and stores each star once", async () => {
    const store = await createTestStore();
    try {
      const calls: string[] = [];
      const log = pino({ level: "silent" }) as unknown as Logger;
      const now = () => new Date("2026-01-01T00:00:00Z");
      const deps: JobDeps = {
        db: store.db,
        now,
        log,
        configs: createRepoConfigLoader({ db: store.db, log, now }),
        github: async () => fakeGitHub(calls),
        steward: async () => ({ appId: 1, botLogin: "steward[bot]" }),
      };
      const repository = { id: 1, installationId: 2, owner: "big", name: "repo", fullName: "big/repo", private: false };
      const report = await runBackfill(deps, { repository, since: null });
      expect(report.complete).toBe(true);
      expect(calls.filter((c) => c === "stars")).toHaveLength(Math.ceil(STARS / 100));
      expect(report.kinds.find((k) => k.kind === "stars")).toMatchObject({ done: STARS, total: STARS, requests: STARS / 100 });
      expect(store.db.select({ n: sql<number>`count(*)` }).from(events).get()?.n).toBe(STARS);
    } finally {
      store.dispose();
    }
  }, 30_000);
});
