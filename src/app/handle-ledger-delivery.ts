import type { Logger } from "probot";
import { performance } from "node:perf_hooks";
import type { LedgerEntry } from "../domain/ledger.js";
import type { OperationalMetrics } from "../domain/operational-metrics.js";
import { str } from "../domain/payload-fields.js";
import type { RepositoryRef } from "../domain/repository.js";
import type { GitHubClient } from "../github/octokit.js";
import { recordWebhook } from "../ingest/record-webhook.js";
import type { ItemActivity, ItemActivityHandler } from "../runtime/item-activity.js";
import type { RepoConfigLoader } from "../runtime/repo-config-loader.js";
import type { StewardIdentitySource } from "../runtime/steward-identity.js";
import type { DB } from "../store/db.js";
import type { RecordOutcome } from "../store/ledger.js";
import { isKnownInstallation, serveRepository } from "../store/installations.js";
import { findUnhandledDelivery, markDeliveryHandled, noteHandlingFailure } from "../store/unhandled-deliveries.js";

export interface LedgerDeliveryDeps {
  db: DB;
  now: () => Date;
  configs: RepoConfigLoader;
  /** The features, in the order they run for each delivery (ITEM_ACTIVITY_HANDLERS). */
  handlers: ReadonlyArray<{ feature: string; handle: ItemActivityHandler }>;
  /** The events the features act on (ITEM_ACTIVITY_EVENTS); others are only recorded. */
  events: ReadonlySet<string>;
  /** Who Steward is on GitHub, for the features' marker checks (JobDeps.steward). */
  steward: StewardIdentitySource;
  /**
   * Asks GitHub (as the app) whether the app is installed on a repository, through this
   * installation: how a repository Steward does not know yet gets served outside installation
   * events, and why a removed one never comes back through a late delivery.
   */
  isInstalledOn(installationId: number, repository: RepositoryRef): Promise<boolean>;
  /** Where each feature's handling time and its effects are counted (JobDeps.metrics). */
  metrics?: OperationalMetrics;
}

/** One verified delivery of a ledger event, with the GitHub client and log to handle it with. */
export interface LedgerDelivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  /** The verified body as received, stored as the payload without serializing it again. */
  rawBody?: string;
  octokit: GitHubClient;
  log: Logger;
}

/**
 * Records a delivery of a ledger event once, then runs every feature on it with the repository's
 * configuration. The payload stays stored until every feature ran to the end, so a delivery cut
 * short (a crash, a kill, a failed handler) is run again by its redelivery or by the recovery job;
 * the features' claims keep every effect single. A delivery about a repository Steward does not
 * serve stores nothing. A failure to record rejects (answered 500; GitHub may redeliver it).
 *
 * It is composition, not ingest: ingest only records facts (store, no API call), while reading
 * steward.yml and the features' reactions need the installation's GitHub client.
 * Resolves with what recording the delivery did, which the webhook receiver counts.
 */
export async function handleLedgerDelivery(deps: LedgerDeliveryDeps, delivery: LedgerDelivery): Promise<RecordOutcome> {
  const acted = { keepPayload: deps.events.has(delivery.name) };
  let recorded = await recordWebhook(deps.db, delivery, deps.now(), acted);
  if (recorded.outcome === "not-served" && (await adopt(deps, recorded.entry))) {
    recorded = await recordWebhook(deps.db, delivery, deps.now(), acted);
  }
  const { outcome, entry } = recorded;
  if (outcome === "not-served") {
    delivery.log.debug(`${delivery.name} delivery ${delivery.id} is about a repository Steward does not serve; nothing stored`);
    return outcome;
  }
  if (!entry.repository || !acted.keepPayload) return outcome;
  // A redelivery runs the features only when the first delivery did not get to finish them.
  if (outcome === "duplicate" && !(await findUnhandledDelivery(deps.db, delivery.id))) return outcome;
  await runFeatures(deps, delivery, entry);
  return outcome;
}

/**
 * Runs every feature on a recorded delivery; a feature that fails is logged and the others still
 * run. The stored payload is dropped only when all of them succeeded.
 */
export async function runFeatures(
  deps: Omit<LedgerDeliveryDeps, "isInstalledOn" | "events">,
  delivery: LedgerDelivery,
  entry: LedgerEntry,
): Promise<boolean> {
  const repository = entry.repository;
  if (!repository) return true;
  const failures: string[] = [];
  try {
    const { config } = await deps.configs.load(delivery.octokit, repository);
    const activity: ItemActivity = {
      db: deps.db,
      now: deps.now,
      log: delivery.log,
      octokit: delivery.octokit,
      steward: deps.steward,
      deliveryId: delivery.id,
      name: delivery.name,
      action: str(delivery.payload.action),
      payload: delivery.payload,
      repository,
      installationId: entry.installationId,
      config,
      entry,
      metrics: deps.metrics,
    };
    for (const { feature, handle } of deps.handlers) {
      const started = performance.now();
      try {
        await handle(activity);
        deps.metrics?.featureHandled(feature, "succeeded", (performance.now() - started) / 1000);
      } catch (error) {
        deps.metrics?.featureHandled(feature, "failed", (performance.now() - started) / 1000);
        failures.push(`${feature}: ${(error as Error).message}`);
        delivery.log.error({ err: error }, `${repository.fullName}: ${feature} failed on delivery ${delivery.id}; it runs again later`);
      }
    }
  } catch (error) {
    failures.push(`configuration: ${(error as Error).message}`);
    delivery.log.error({ err: error }, `${repository.fullName}: delivery ${delivery.id} could not be handled; it runs again later`);
  }
  if (failures.length === 0) await markDeliveryHandled(deps.db, delivery.id);
  else await noteHandlingFailure(deps.db, delivery.id, failures.join("; "));
  return failures.length === 0;
}

/** Serves a repository of a known installation once GitHub confirms the app is installed on it. */
async function adopt(deps: LedgerDeliveryDeps, entry: LedgerEntry): Promise<boolean> {
  const repository = entry.repository;
  const installationId = entry.installationId;
  if (!repository || installationId === null || !(await isKnownInstallation(deps.db, installationId))) return false;
  if (!(await deps.isInstalledOn(installationId, repository))) return false;
  return serveRepository(deps.db, { ...repository, installationId }, deps.now());
}
