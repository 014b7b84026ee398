import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JOBS } from "../../src/scheduler/jobs.js";
import { startScheduler } from "../../src/scheduler/start-scheduler.js";
import { pendingProgress, saveBackfillProgress } from "../../src/store/backfill-state.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { openIssue } from "../welcome/welcome-payloads.js";

/** The value of one sample (`name{labels} value`) in the text format, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics, end to end", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("counts a stored delivery, its redelivery, a forged one, the features' work, GitHub's answers, a job and the backfill", async () => {
    const opened = openIssue(e2e, "alice", "NONE", "2026-03-02T10:00:00Z");
    expect((await e2e.deliver("issues", opened.payload, { id: "delivery-1" })).status).toBe(200);
    expect((await e2e.deliver("issues", opened.payload, { id: "delivery-1" })).status).toBe(200);
    expect((await e2e.deliver("issues", opened.payload, { id: "delivery-2", signature: "sha256=00" })).status).toBe(400);
    const sweep = JOBS.find((job) => job.id === "sweep")!;
    const scheduler = startScheduler(e2e.server.jobs, [{ ...sweep, cron: "off" }]);
    await scheduler.runNow("sweep");
    await scheduler.stop();
    const now = new Date();
    await saveBackfillProgress(e2e.db, { ...pendingProgress(e2e.target.repositoryId, "stars", null, now), status: "running", done: 40, total: 120 });

    const response = await fetch(`${e2e.server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const value = (series: string) => sample(text, series);

    expect(value('steward_webhook_deliveries_total{event="issues",outcome="stored"}')).toBe(1);
    expect(value('steward_webhook_deliveries_total{event="issues",outcome="duplicate"}')).toBe(1);
    expect(value('steward_webhook_refused_total{reason="signature"}')).toBe(1);
    expect(value('steward_webhook_duration_seconds_count{event="issues"}')).toBe(2);
    // The features ran once: the redelivery found the first delivery handled.
    for (const feature of ["welcome", "response", "waiting label", "conversion"]) {
      expect(value(`steward_handler_duration_seconds_count{feature="${feature}",outcome="succeeded"}`)).toBe(1);
    }
    expect(value('steward_effects_total{kind="welcome.first-issue",outcome="performed"}')).toBe(1);
    expect(value('steward_job_runs_total{job="sweep",outcome="succeeded"}')).toBe(1);
    expect(value('steward_job_duration_seconds_count{job="sweep"}')).toBe(1);
    expect(value('steward_github_requests_total{method="GET",status="2xx"}')).toBeGreaterThan(0);
    expect(value('steward_github_requests_total{method="POST",status="2xx"}')).toBeGreaterThanOrEqual(1);
    expect(value('steward_github_rate_limit_remaining{installation="77",resource="core"}')).toBeGreaterThan(0);
    expect(value('steward_backfill_records{repository="acme/widget",kind="stars"}')).toBe(40);
    expect(value('steward_backfill_expected_records{repository="acme/widget",kind="stars"}')).toBe(120);
    expect(value('steward_backfill_finished{repository="acme/widget",kind="stars"}')).toBe(0);
    // No delivery id, item number or login is a label.
    expect(text).not.toMatch(/delivery-1|alice|#\d/);
  });
});
