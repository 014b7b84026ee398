import type { ApplicationFunction, Logger } from "probot";
import { ITEM_ACTIVITY_EVENTS, ITEM_ACTIVITY_HANDLERS } from "./activity-handlers.js";
import type { RepoConfigLoader } from "./runtime/repo-config-loader.js";
import { healthzHandler } from "./http/healthz.js";
import { oncePerDelivery } from "./ingest/once-per-delivery.js";
import { handleInstallationEvent, handleInstallationRepositoriesEvent } from "./ingest/installation-events.js";
import { handleRepositoryEvent } from "./ingest/repository-events.js";
import { handleLedgerDelivery, type LedgerDeliveryDeps } from "./app/handle-ledger-delivery.js";
import { pushTouchesConfig } from "./ingest/push-touches-config.js";
import { LEDGER_EVENTS } from "./ingest/to-ledger-entry.js";
import type { EventOctokits, WebhookEvent } from "./http/event-octokits.js";
import type { DB } from "./store/db.js";
import type { RecordOutcome } from "./store/ledger.js";
import { backfillGrantedRepositories } from "./metrics/backfill-granted-repositories.js";
import type { JobDeps } from "./runtime/job-deps.js";
import type { BackgroundTasks } from "./runtime/background.js";

export interface StewardDeps {
  db: DB;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Shared with the scheduler and the ledger handler, so all see one cache. */
  configs: RepoConfigLoader;
  /** What background work started by a webhook (the history backfill) runs with. */
  jobs: JobDeps;
  /** Where work that outlives a delivery runs: failures logged, waited for at shutdown. */
  background: BackgroundTasks;
  /** Whether the app is installed on a repository (see LedgerDeliveryDeps). */
  isInstalledOn: LedgerDeliveryDeps["isInstalledOn"];
}

/**
 * The Probot app: wires Steward's installation, repository and push handlers and its routes, nothing else.
 * Ledger events (issues, comments, reviews, stars, forks) are handled by `ledgerEventHandler`.
 */
export function createStewardApp({ db, now, configs, jobs, background }: StewardDeps): ApplicationFunction {
  return (app, { addHandler }) => {
    addHandler(healthzHandler(db));
    // The history backfill of newly granted repositories runs after the delivery is answered.
    // Each once, though GitHub may redeliver them and replicas may receive the same one at once.
    app.on("installation", async (context) => {
      if (!(await oncePerDelivery(db, context, now(), () => handleInstallationEvent(db, context.payload, now())))) return;
      void background.run("history backfill", () => backfillGrantedRepositories(jobs, context.payload));
    });
    app.on("installation_repositories", async (context) => {
      if (!(await oncePerDelivery(db, context, now(), () => handleInstallationRepositoriesEvent(db, context.payload, now())))) return;
      void background.run("history backfill", () => backfillGrantedRepositories(jobs, context.payload));
    });
    app.on("push", async (context) => {
      if (pushTouchesConfig(context.payload)) configs.invalidate(context.payload.repository.id);
    });
    // Visibility, name, owner and deletion of a served repository (store only).
    app.on("repository", async (context) => {
      await oncePerDelivery(db, context, now(), () => handleRepositoryEvent(db, context.payload));
    });
  };
}

/**
 * Steward's handling of ledger events, which the webhook receiver calls directly with the
 * installation's reused client, so no Probot context (and no new Octokit) is built per delivery.
 * Returns undefined for the events it does not handle, else what recording the delivery did.
 */
export function ledgerEventHandler(
  deps: StewardDeps,
  octokits: EventOctokits,
  log: Logger,
): (event: WebhookEvent) => Promise<RecordOutcome> | undefined {
  const ledgerEvents = new Set<string>(LEDGER_EVENTS);
  const handling = {
    ...deps,
    steward: deps.jobs.steward,
    metrics: deps.jobs.metrics,
    handlers: ITEM_ACTIVITY_HANDLERS,
    events: ITEM_ACTIVITY_EVENTS,
  };
  return (event) => {
    if (!ledgerEvents.has(event.name)) return undefined;
    return octokits(event).then((octokit) => handleLedgerDelivery(handling, { ...event, octokit, log: log.child({ name: "event", id: event.id }) }));
  };
}
