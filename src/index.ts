import type { ApplicationFunction } from "probot";
import { ITEM_ACTIVITY_HANDLERS } from "./activity-handlers.js";
import { createRepoConfigLoader, type RepoConfigLoader } from "./config/repo-config-loader.js";
import { healthzHandler } from "./http/healthz.js";
import { handleInstallationEvent, handleInstallationRepositoriesEvent } from "./ingest/installation-events.js";
import type { ItemActivity } from "./ingest/item-activity.js";
import { pushTouchesConfig } from "./ingest/push-touches-config.js";
import { recordWebhook } from "./ingest/record-webhook.js";
import { LEDGER_EVENTS } from "./ingest/to-ledger-entry.js";
import type { DB } from "./store/db.js";
import { unpaced } from "./effects/write-pacer.js";
import { backfillGrantedRepositories } from "./metrics/backfill-granted-repositories.js";
import type { JobDeps } from "./scheduler/job-deps.js";

export interface StewardDeps {
  db: DB;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Shared with the scheduler, so both see one cache; created here when not given. */
  configs?: RepoConfigLoader;
}

/** The Probot app: wires Steward's handlers and routes, nothing else. */
export function createStewardApp({ db, now, configs: sharedConfigs }: StewardDeps): ApplicationFunction {
  return (app, { addHandler }) => {
    addHandler(healthzHandler(db));
    const configs = sharedConfigs ?? createRepoConfigLoader({ db, log: app.log, now });

    const jobs: JobDeps = { db, now, log: app.log, configs, pacer: unpaced, github: (id) => app.auth(id) };
    // The history backfill of newly granted repositories runs after the delivery is answered.
    app.on("installation", async (context) => {
      await handleInstallationEvent(db, context.payload, now());
      void backfillGrantedRepositories(jobs, context.payload);
    });
    app.on("installation_repositories", async (context) => {
      await handleInstallationRepositoriesEvent(db, context.payload, now());
      void backfillGrantedRepositories(jobs, context.payload);
    });
    app.on("push", async (context) => {
      if (pushTouchesConfig(context.payload)) configs.invalidate(context.payload.repository.id);
    });

    app.on([...LEDGER_EVENTS], async (context) => {
      const { fresh, entry } = await recordWebhook(db, context, now());
      if (!fresh || !entry.repository) return;
      const { config } = await configs.load(context.octokit, entry.repository);
      const payload = context.payload as unknown as Record<string, unknown>;
      const activity: ItemActivity = {
        db,
        now,
        log: context.log,
        octokit: context.octokit,
        deliveryId: context.id,
        name: context.name,
        action: typeof payload.action === "string" ? payload.action : null,
        payload,
        repository: entry.repository,
        installationId: entry.installationId,
        config,
        entry,
      };
      for (const { feature, handle } of ITEM_ACTIVITY_HANDLERS) {
        try {
          await handle(activity);
        } catch (error) {
          context.log.error({ err: error }, `${entry.repository.fullName}: ${feature} failed on delivery ${context.id}`);
        }
      }
    });
  };
}
