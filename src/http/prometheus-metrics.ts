import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GitHubRequestSeen, OperationalMetrics } from "../domain/operational-metrics.js";
import { LEDGER_EVENTS } from "../ingest/to-ledger-entry.js";
import { listNamedBackfillProgress, type NamedBackfillProgress } from "../store/backfill-state.js";
import type { DB } from "../store/db.js";

export interface PrometheusMetrics {
  /** What the server, the scheduler, the GitHub client and the effects count into. */
  metrics: OperationalMetrics;
  /** What GET /metrics renders. */
  registry: Registry;
}

/**
 * The events Steward subscribes to (app.yml) and those GitHub sends every app. `X-GitHub-Event` is
 * not covered by the signature, so any other name is counted as "other" rather than becoming a label.
 */
const KNOWN_EVENTS = new Set<string>([
  ...LEDGER_EVENTS,
  "push",
  "repository",
  "installation",
  "installation_repositories",
  "installation_target",
  "github_app_authorization",
  "ping",
]);

/** From a few milliseconds (a duplicate) to GitHub's 10 s limit for a delivery. */
const DELIVERY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Jobs range from a sweep of a quiet repository to a backfill that waits out a rate limit. */
const JOB_BUCKETS = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600];

/**
 * A registry of its own per server, not prom-client's global one: two servers in one process
 * (tests, the demo) must not share or collide on counters. Backfill progress is read from the
 * store when scraped, so it is right whichever replica or CLI run saved it.
 */
export function prometheusMetrics(db: DB): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "steward_" });
  const registers = [registry];

  const deliveries = new Counter({
    name: "steward_webhook_deliveries_total",
    help: "Verified webhook deliveries by event and what became of them (stored, duplicate, not_served, handled, failed).",
    labelNames: ["event", "outcome"],
    registers,
  });
  const deliverySeconds = new Histogram({
    name: "steward_webhook_duration_seconds",
    help: "Time from a verified delivery's arrival to the end of its handling, by event.",
    labelNames: ["event"],
    buckets: DELIVERY_BUCKETS,
    registers,
  });
  const refused = new Counter({
    name: "steward_webhook_refused_total",
    help: "Requests to the webhook path answered without handling, by reason (signature, too_large, unreadable, content_type, headers, payload).",
    labelNames: ["reason"],
    registers,
  });
  const handlerSeconds = new Histogram({
    name: "steward_handler_duration_seconds",
    help: "One feature's handling of one delivery (welcome, response, conversion), by feature and outcome.",
    labelNames: ["feature", "outcome"],
    buckets: DELIVERY_BUCKETS,
    registers,
  });
  const jobRuns = new Counter({
    name: "steward_job_runs_total",
    help: "Scheduled job runs by job and outcome (succeeded, failed, skipped: another replica holds the lease).",
    labelNames: ["job", "outcome"],
    registers,
  });
  const jobSeconds = new Histogram({
    name: "steward_job_duration_seconds",
    help: "Duration of the job runs that started, by job.",
    labelNames: ["job"],
    buckets: JOB_BUCKETS,
    registers,
  });
  const githubRequests = new Counter({
    name: "steward_github_requests_total",
    help: "GitHub API requests by method and status class (2xx, 3xx, 4xx, 5xx, or error when no answer came).",
    labelNames: ["method", "status"],
    registers,
  });
  const rateLimitRemaining = new Gauge({
    name: "steward_github_rate_limit_remaining",
    help: "x-ratelimit-remaining of the latest GitHub answer, by installation (or app) and rate-limit resource.",
    labelNames: ["installation", "resource"],
    registers,
  });
  const effects = new Counter({
    name: "steward_effects_total",
    help: "Once-only effects by kind and outcome (performed, found, already_done; busy and failed are deferred to a later run).",
    labelNames: ["kind", "outcome"],
    registers,
  });
  backfillGauges(db, registers);

  const metrics: OperationalMetrics = {
    delivery(event, outcome, seconds) {
      const name = KNOWN_EVENTS.has(event) ? event : "other";
      deliveries.inc({ event: name, outcome });
      deliverySeconds.observe({ event: name }, seconds);
    },
    refused(reason) {
      refused.inc({ reason });
    },
    featureHandled(feature, outcome, seconds) {
      handlerSeconds.observe({ feature, outcome }, seconds);
    },
    jobRun(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      if (seconds !== null) jobSeconds.observe({ job }, seconds);
    },
    githubRequest(request) {
      githubRequests.inc({ method: request.method.toUpperCase(), status: statusClass(request.status) });
      if (request.rateLimit) {
        const installation = request.installationId === null ? "app" : String(request.installationId);
        rateLimitRemaining.set({ installation, resource: request.rateLimit.resource }, request.rateLimit.remaining);
      }
    },
    effect(kind, outcome) {
      effects.inc({ kind, outcome });
    },
  };
  return { metrics, registry };
}

function statusClass(status: GitHubRequestSeen["status"]): string {
  return status === null ? "error" : `${Math.floor(status / 100)}xx`;
}

/**
 * Three gauges filled from `backfill_state` at each scrape. The registry collects all metrics at
 * once, so the three share one read of the store; a failed read leaves them empty, not stale.
 */
function backfillGauges(db: DB, registers: Registry[]): void {
  let reading: Promise<NamedBackfillProgress[] | null> | null = null;
  const progress = () => {
    reading ??= listNamedBackfillProgress(db)
      .catch(() => null)
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  const gauge = (name: string, help: string, value: (row: NamedBackfillProgress) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ["repository", "kind"],
      registers,
      async collect() {
        const rows = await progress();
        this.reset();
        for (const row of rows ?? []) {
          const v = value(row);
          if (v !== null) this.set({ repository: row.repository, kind: row.kind }, v);
        }
      },
    });
  gauge("steward_backfill_records", "Records the history backfill has stored so far, by repository and kind.", (row) => row.done);
  gauge("steward_backfill_expected_records", "Records GitHub reported for the backfill, by repository and kind, once known.", (row) => row.total);
  gauge("steward_backfill_finished", "1 when a repository's backfill of a kind is done, else 0.", (row) => (row.status === "done" ? 1 : 0));
}
