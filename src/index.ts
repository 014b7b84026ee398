import type { ApplicationFunction } from "probot";
import { createRepoConfigLoader } from "./config/repo-config-loader.js";
import { healthzHandler } from "./http/healthz.js";
import { handleInstallationEvent, handleInstallationRepositoriesEvent } from "./ingest/installation-events.js";
import { pushTouchesConfig } from "./ingest/push-touches-config.js";
import { recordWebhook } from "./ingest/record-webhook.js";
import { LEDGER_EVENTS } from "./ingest/to-ledger-entry.js";
import type { DB } from "./store/db.js";

export interface StewardDeps {
  db: DB;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}

/** The Probot app: wires Steward's handlers and routes, nothing else. */
export function createStewardApp({ db, now }: StewardDeps): ApplicationFunction {
  return (app, { addHandler }) => {
    addHandler(healthzHandler(db));
    const configs = createRepoConfigLoader({ db, log: app.log, now });

    app.on("installation", (context) => handleInstallationEvent(db, context.payload, now()));
    app.on("installation_repositories", (context) =>
      handleInstallationRepositoriesEvent(db, context.payload, now()),
    );
    app.on("push", async (context) => {
      if (pushTouchesConfig(context.payload)) configs.invalidate(context.payload.repository.id);
    });

    app.on([...LEDGER_EVENTS], async (context) => {
      const { fresh, entry } = await recordWebhook(db, context, now());
      if (!fresh || !entry.repository || !entry.item) return;
      // Every feature that reacts to issues and pull requests needs the repository's config; reading
      // it here also surfaces a broken steward.yml as soon as the repository is active.
      await configs.load(context.octokit, entry.repository);
    });
  };
}
