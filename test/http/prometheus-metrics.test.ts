import { describe, expect, it } from "vitest";
import { prometheusMetrics } from "../../src/http/prometheus-metrics.js";
import { pendingProgress, saveBackfillProgress } from "../../src/store/backfill-state.js";
import { forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { useTestStore } from "../helpers/test-store.js";

/** The sample lines of one metric in the text format, e.g. `name{label="x"} 1`. */
function samples(text: string, name: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe("prometheusMetrics", () => {
  const store = useTestStore();

  it("renders what was counted under Steward's names, with bounded labels", async () => {
    const { metrics, registry } = prometheusMetrics(store.db);
    metrics.delivery("issues", "stored", 0.02);
    metrics.delivery("issues", "duplicate", 0.001);
    metrics.delivery("made_up_by_a_client", "handled", 0.001);
    metrics.refused("signature");
    metrics.featureHandled("welcome", "succeeded", 0.01);
    metrics.jobRun("sweep", "succeeded", 1.5);
    metrics.jobRun("sweep", "skipped", null);
    metrics.githubRequest({ method: "get", status: 200, installationId: 77, rateLimit: { resource: "core", remaining: 4999 } });
    metrics.githubRequest({ method: "POST", status: 502, installationId: 77, rateLimit: { resource: "core", remaining: 4998 } });
    metrics.githubRequest({ method: "GET", status: null, installationId: null, rateLimit: null });
    metrics.githubRequest({ method: "GET", status: 201, installationId: null, rateLimit: { resource: "graphql", remaining: 4000 } });
    metrics.effect("welcome.first-issue", "performed");
    metrics.effect("digest", "busy");
    const text = await registry.metrics();

    expect(samples(text, "steward_webhook_deliveries_total")).toEqual([
      'steward_webhook_deliveries_total{event="issues",outcome="stored"} 1',
      'steward_webhook_deliveries_total{event="issues",outcome="duplicate"} 1',
      'steward_webhook_deliveries_total{event="other",outcome="handled"} 1',
    ]);
    expect(text).toContain('steward_webhook_duration_seconds_count{event="issues"} 2');
    expect(samples(text, "steward_webhook_refused_total")).toEqual(['steward_webhook_refused_total{reason="signature"} 1']);
    expect(text).toContain('steward_handler_duration_seconds_count{feature="welcome",outcome="succeeded"} 1');
    expect(samples(text, "steward_job_runs_total")).toEqual([
      'steward_job_runs_total{job="sweep",outcome="succeeded"} 1',
      'steward_job_runs_total{job="sweep",outcome="skipped"} 1',
    ]);
    // A skipped run has no duration.
    expect(text).toContain('steward_job_duration_seconds_count{job="sweep"} 1');
    expect(samples(text, "steward_github_requests_total")).toEqual([
      'steward_github_requests_total{method="GET",status="2xx"} 2',
      'steward_github_requests_total{method="POST",status="5xx"} 1',
      'steward_github_requests_total{method="GET",status="error"} 1',
    ]);
    expect(samples(text, "steward_github_rate_limit_remaining")).toEqual([
      'steward_github_rate_limit_remaining{installation="77",resource="core"} 4998',
      'steward_github_rate_limit_remaining{installation="app",resource="graphql"} 4000',
    ]);
    expect(samples(text, "steward_effects_total")).toEqual([
      'steward_effects_total{kind="welcome.first-issue",outcome="performed"} 1',
      'steward_effects_total{kind="digest",outcome="busy"} 1',
    ]);
    expect(samples(text, "steward_process_start_time_seconds")).toHaveLength(1);
  });

  it("reads backfill progress from the store at each scrape, by repository name and kind", async () => {
    const { registry } = prometheusMetrics(store.db);
    const now = new Date("2026-11-23T10:00:00Z");
    const repository = (id: number, name: string) => ({ id, installationId: 7, owner: "acme", name, fullName: `acme/${name}`, private: false });
    await registerInstallation(
      store.db,
      { id: 7, accountLogin: "acme", accountType: "Organization" },
      [repository(1, "widget"), repository(2, "gadget")],
      now,
    );
    await saveBackfillProgress(store.db, { ...pendingProgress(1, "stars", null, now), status: "running", done: 40, total: 120 });
    await saveBackfillProgress(store.db, { ...pendingProgress(1, "issues", null, now), status: "done", done: 15, total: null });
    await saveBackfillProgress(store.db, { ...pendingProgress(2, "pulls", null, now), done: 0 });

    const first = await registry.metrics();
    expect(samples(first, "steward_backfill_records")).toEqual([
      'steward_backfill_records{repository="acme/gadget",kind="pulls"} 0',
      'steward_backfill_records{repository="acme/widget",kind="issues"} 15',
      'steward_backfill_records{repository="acme/widget",kind="stars"} 40',
    ]);
    expect(samples(first, "steward_backfill_expected_records")).toEqual([
      'steward_backfill_expected_records{repository="acme/widget",kind="stars"} 120',
    ]);
    expect(samples(first, "steward_backfill_finished")).toEqual([
      'steward_backfill_finished{repository="acme/gadget",kind="pulls"} 0',
      'steward_backfill_finished{repository="acme/widget",kind="issues"} 1',
      'steward_backfill_finished{repository="acme/widget",kind="stars"} 0',
    ]);

    await saveBackfillProgress(store.db, { ...pendingProgress(1, "stars", null, now), status: "done", done: 120, total: 120 });
    await forgetRepositories(store.db, [2]);
    const second = await registry.metrics();
    expect(samples(second, "steward_backfill_records")).toEqual([
      'steward_backfill_records{repository="acme/widget",kind="issues"} 15',
      'steward_backfill_records{repository="acme/widget",kind="stars"} 120',
    ]);
    expect(samples(second, "steward_backfill_finished")).toEqual([
      'steward_backfill_finished{repository="acme/widget",kind="issues"} 1',
      'steward_backfill_finished{repository="acme/widget",kind="stars"} 1',
    ]);
  });

  it("gives each server its own registry, so two in one process count apart", async () => {
    const one = prometheusMetrics(store.db);
    const two = prometheusMetrics(store.db);
    one.metrics.refused("payload");
    expect(await one.registry.metrics()).toContain('steward_webhook_refused_total{reason="payload"} 1');
    expect(await two.registry.metrics()).not.toContain('reason="payload"');
  });
});
