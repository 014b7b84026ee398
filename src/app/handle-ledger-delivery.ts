import type { Logger } from "probot";
import type { RepoConfigLoader } from "../runtime/repo-config-loader.js";
import type { GitHubClient } from "../github/octokit.js";
import type { DB } from "../store/db.js";
import type { ItemActivity, ItemActivityHandler } from "../runtime/item-activity.js";
import { recordWebhook } from "../ingest/record-webhook.js";
import { str } from "../domain/payload-fields.js";

export interface LedgerDeliveryDeps {
  db: DB;
  now: () => Date;
  configs: RepoConfigLoader;
  /** The features, in the order they run for each fresh delivery (ITEM_ACTIVITY_HANDLERS). */
  handlers: ReadonlyArray<{ feature: string; handle: ItemActivityHandler }>;
}

/** One verified delivery of a ledger event, with the GitHub client and log to handle it with. */
export interface LedgerDelivery {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  octokit: GitHubClient;
  log: Logger;
}

/**
 * Records a delivery of a ledger event once, then, when it is fresh and about a repository, runs
 * every feature on it with the repository's configuration. A feature that fails is logged and
 * the others still run; a failure to record rejects (the delivery is answered 500 and GitHub may
 * redeliver it, which the ledger then records once).
 *
 * It is composition, not ingest: ingest only records facts (store, no API call), while reading
 * steward.yml and the features' reactions need the installation's GitHub client.
 */
export async function handleLedgerDelivery(deps: LedgerDeliveryDeps, delivery: LedgerDelivery): Promise<void> {
  const { fresh, entry } = await recordWebhook(deps.db, delivery, deps.now());
  if (!fresh || !entry.repository) return;
  const { config } = await deps.configs.load(delivery.octokit, entry.repository);
  const activity: ItemActivity = {
    db: deps.db,
    now: deps.now,
    log: delivery.log,
    octokit: delivery.octokit,
    deliveryId: delivery.id,
    name: delivery.name,
    action: str(delivery.payload.action),
    payload: delivery.payload,
    repository: entry.repository,
    installationId: entry.installationId,
    config,
    entry,
  };
  for (const { feature, handle } of deps.handlers) {
    try {
      await handle(activity);
    } catch (error) {
      delivery.log.error({ err: error }, `${entry.repository.fullName}: ${feature} failed on delivery ${delivery.id}`);
    }
  }
}
