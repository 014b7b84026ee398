import type { OperationalMetrics } from "../../src/domain/operational-metrics.js";

/** One call to the metrics port: the method's name and its arguments, durations left out. */
export type MetricCall = [method: keyof OperationalMetrics, ...args: unknown[]];

/**
 * A metrics port that records every call, for tests of the code that counts. Durations vary from
 * run to run, so they are kept apart: `seconds` holds each call's duration, `calls` the rest.
 */
export function recordedMetrics() {
  const calls: MetricCall[] = [];
  const seconds: Array<number | null> = [];
  const metrics: OperationalMetrics = {
    delivery: (event, outcome, took) => (calls.push(["delivery", event, outcome]), seconds.push(took)),
    refused: (reason) => calls.push(["refused", reason]),
    featureHandled: (feature, outcome, took) => (calls.push(["featureHandled", feature, outcome]), seconds.push(took)),
    jobRun: (job, outcome, took) => (calls.push(["jobRun", job, outcome]), seconds.push(took)),
    githubRequest: (request) => calls.push(["githubRequest", request]),
    effect: (kind, outcome) => calls.push(["effect", kind, outcome]),
  };
  return { metrics, calls, seconds };
}
