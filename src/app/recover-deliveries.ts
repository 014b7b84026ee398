import type { ItemActivityHandler } from "../runtime/item-activity.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { toLedgerEntry } from "../ingest/to-ledger-entry.js";
import { listUnhandledDeliveries } from "../store/unhandled-deliveries.js";
import { runFeatures } from "./handle-ledger-delivery.js";

export interface RecoveryReport {
  /** Deliveries whose features all ran to the end this time. */
  finished: number;
  /** Deliveries still unhandled: a feature failed again, or no client could be had. */
  deferred: number;
}

export interface RecoveryOptions {
  /** Only deliveries received longer ago than this: younger ones may still be in hand. */
  olderThanMs: number;
  limit?: number;
}

/**
 * Runs the features again on deliveries that were recorded but not handled to the end (the
 * process died, was stopped mid-delivery, or a feature failed), from their stored payloads. The
 * features' claims and markers keep every effect single, so running one twice costs only reads.
 * A delivery that fails again stays for the next run: nothing is dropped.
 */
export async function recoverDeliveries(
  deps: JobDeps,
  handlers: ReadonlyArray<{ feature: string; handle: ItemActivityHandler }>,
  options: RecoveryOptions,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { finished: 0, deferred: 0 };
  const before = new Date(Date.now() - options.olderThanMs);
  for (const delivery of await listUnhandledDeliveries(deps.db, before, options.limit ?? 500)) {
    const entry = toLedgerEntry({ id: delivery.id, name: delivery.event, payload: delivery.payload, receivedAt: delivery.receivedAt });
    if (delivery.installationId === null) continue;
    try {
      const octokit = await deps.github(delivery.installationId);
      const log = deps.log.child({ name: "recovery", id: delivery.id });
      const done = await runFeatures(
        { db: deps.db, now: deps.now, configs: deps.configs, steward: deps.steward, handlers, metrics: deps.metrics },
        { ...delivery, name: delivery.event, octokit, log },
        entry,
      );
      if (done) report.finished++;
      else report.deferred++;
    } catch (error) {
      report.deferred++;
      deps.log.warn(`delivery ${delivery.id} not recovered yet: ${(error as Error).message}`);
    }
  }
  if (report.finished + report.deferred > 0) {
    deps.log.info(`recovered ${report.finished} unfinished deliveries; ${report.deferred} left for the next run`);
  }
  return report;
}
