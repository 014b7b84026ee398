import { runBackfill } from "../src/metrics/run-backfill.js";
import { registerInstallation } from "../src/store/installations.js";
import type { RepositoryRecord } from "../src/domain/repository.js";
import { createTestStore } from "../test/helpers/test-store.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { createBenchWorld } from "./bench-servers.js";
import { benchJobDeps } from "./sandbox-job-deps.js";
import { seedSandboxHistory, type HistorySize } from "./seed-sandbox-history.js";

const FULL: HistorySize = { stars: 10_000, issues: 5_000, pulls: 2_000 };
const QUICK: HistorySize = { stars: 1_000, issues: 500, pulls: 200 };
const KINDS = [
  { kind: "stars", size: (s: HistorySize) => s.stars, label: "stars" },
  { kind: "issues", size: (s: HistorySize) => s.issues, label: "issues" },
  { kind: "pulls", size: (s: HistorySize) => s.pulls, label: "pull requests" },
] as const;

const pages = (n: number) => Math.ceil(n / 100);
const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * What a per-issue REST tool spends on the same history: the stargazer and issue list pages, then
 * one comments request per issue or PR (plus its further pages) and one reviews request per PR.
 */
function perIssueRestEstimate(size: HistorySize, longThreads: number): number {
  return pages(size.stars) + pages(size.issues + size.pulls) + size.issues + size.pulls + longThreads + size.pulls;
}

/**
 * Backfill economy: Steward's history backfill of a sandbox repository (stars, issues, pull requests
 * with their comments and reviews), counting the requests the sandbox recorded per kind against
 * ceil(N/100) + 2 and the GraphQL points the sandbox charged, as GitHub computes them.
 */
export const backfillEconomy: Benchmark = {
  name: "backfill-economy",
  title: "2. Backfill economy",
  async run({ quick, progress }) {
    const size = quick ? QUICK : FULL;
    const world = await createBenchWorld(null);
    const store = await createTestStore();
    try {
      const seeded = Date.now();
      const { longThreads } = seedSandboxHistory(world.sandbox.model, "acme/widget", size);
      progress(`sandbox seeded with ${fmt(size.stars)} stars, ${fmt(size.issues)} issues, ${fmt(size.pulls)} PRs in ${Date.now() - seeded} ms`);
      const now = () => new Date("2026-11-30T00:00:00Z");
      const repository: RepositoryRecord = {
        id: world.target.repositoryId,
        installationId: world.target.installationId,
        owner: "acme",
        name: "widget",
        fullName: "acme/widget",
        private: false,
      };
      await registerInstallation(store.db, { id: repository.installationId, accountLogin: "acme", accountType: "Organization" }, [repository], now());
      const deps = benchJobDeps(store.db, world.sandbox, { now });
      const octokit = await deps.github(repository.installationId);
      const pointsBefore = (await octokit.request("GET /rate_limit")).data.resources.graphql?.used ?? 0;
      world.sandbox.resetRequests();
      const started = Date.now();
      const report = await runBackfill(deps, { repository, since: null }, async () => {});
      const seconds = (Date.now() - started) / 1000;
      const recorded = [...world.sandbox.requests];
      const pointsAfter = (await octokit.request("GET /rate_limit")).data.resources.graphql?.used ?? 0;
      if (!report.complete) throw new Error(`backfill did not complete: ${JSON.stringify(report.kinds)}`);
      const graphql = recorded.filter((r) => r.method === "POST" && r.path === "/graphql");
      const rest = recorded.length - graphql.length;
      if (graphql.length !== report.requests)
        throw new Error(`sandbox saw ${graphql.length} GraphQL requests, the backfill counted ${report.requests}`);
      progress(`backfill done in ${seconds.toFixed(1)} s: ${graphql.length} GraphQL and ${rest} REST requests`);

      const rows: BenchRow[] = [];
      for (const { kind, size: of, label } of KINDS) {
        const state = report.kinds.find((k) => k.kind === kind);
        if (!state || state.done !== of(size)) throw new Error(`${kind}: stored ${state?.done ?? 0} of ${of(size)}`);
        rows.push({
          figure: `requests for ${fmt(of(size))} ${label}`,
          unit: "req",
          value: state.requests,
          reference: { label: "ceil(N/100) + 2", value: pages(of(size)) + 2 },
          target: { on: "ratio", max: 1 },
        });
      }
      const total = graphql.length + rest;
      rows.push({
        figure: "all requests (GraphQL + REST)",
        unit: "req",
        value: total,
        reference: { label: "per-issue REST tool (estimate)", value: perIssueRestEstimate(size, longThreads) },
      });
      rows.push({
        figure: "GraphQL points used",
        unit: "points",
        value: pointsAfter - pointsBefore,
        reference: { label: "1 point per GraphQL request", value: graphql.length },
      });
      rows.push({ figure: "backfill time", unit: "s", value: Number(seconds.toFixed(1)) });
      return rows;
    } finally {
      store.dispose();
      await world.close();
    }
  },
};
