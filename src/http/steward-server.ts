import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createProbot, type Logger, type Probot, type ProbotOctokit } from "probot";
import type { StewardEnv } from "../config/env.js";
import { createRepoConfigLoader, SCHEDULED_CONFIG_MAX_AGE_MS } from "../runtime/repo-config-loader.js";
import { isAppInstalledOn } from "../github/app-installation.js";
import { withRequestMetrics } from "../github/request-metrics.js";
import type { GitHubClient } from "../github/octokit.js";
import { createStewardApp, ledgerEventHandler, type StewardDeps } from "../index.js";
import type { BackgroundTasks } from "../runtime/background.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { stewardIdentitySource } from "../runtime/steward-identity.js";
import type { DB } from "../store/db.js";
import { eventOctokits } from "./event-octokits.js";
import { inFlightRequests } from "./in-flight.js";
import { metricsHandler } from "./metrics-endpoint.js";
import { prometheusMetrics } from "./prometheus-metrics.js";
import type { RequestHandler } from "./webhook-guard.js";
import { webhookReceiver } from "./webhook-receiver.js";
import { badgeRoutes } from "../web/badges/badge-routes.js";
import { dashboardHandler } from "../web/dashboard.js";
import { defaultConfig, type StewardConfig } from "../config/schema.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { githubEndpoints } from "../web/github/github-endpoints.js";

export interface StewardServerOptions {
  env: StewardEnv;
  /** What Probot reads its own settings from (APP_ID, PRIVATE_KEY, GHE_HOST, ...). */
  processEnv: NodeJS.ProcessEnv;
  db: DB;
  /** Steward's logger, made before the server: everything here logs through it, Probot included. */
  log: Logger;
  /** The Octokit class every client is made from (github/steward-octokit.ts in production). */
  Octokit: typeof ProbotOctokit;
  background: BackgroundTasks;
  now?: () => Date;
}

export interface RunningServer {
  probot: Probot;
  /** What the scheduler's jobs use: the server's store, clock, log, config cache and app auth. */
  jobs: JobDeps;
  server: Server;
  /** The base URL, e.g. http://127.0.0.1:3000, with the real port when `PORT=0`. */
  url: string;
  /**
   * Stops accepting connections and waits for the requests being served, at most `graceMs`
   * (then cuts what is left).
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts Steward's HTTP server: the webhook receiver (guard, then Probot's handlers and Steward's
 * ledger handler), then the app's own routes such as /healthz, then /metrics, badges, the dashboard, then 404. Owning the
 * `http.Server` (instead of Probot's `run` and middleware) is what puts the guard in front, reads
 * and verifies each body once, and lets `PORT=0` pick a free port.
 */
export async function startStewardServer(options: StewardServerOptions): Promise<RunningServer> {
  const { env, log, background } = options;
  const { metrics, registry } = prometheusMetrics(options.db);
  const probot = createProbot({
    env: options.processEnv,
    overrides: { secret: env.webhookSecret, log, Octokit: withRequestMetrics(options.Octokit, metrics) },
  });
  const now = options.now ?? (() => new Date());
  const configs = createRepoConfigLoader({ db: options.db, log, now });
  const jobs: JobDeps = {
    db: options.db,
    now,
    log,
    configs,
    github: (installationId) => probot.auth(installationId),
    steward: stewardIdentitySource(appIdOf(env), async () => (await probot.auth()) as GitHubClient, log),
    metrics,
  };
  const isInstalledOn: StewardDeps["isInstalledOn"] = async (installationId, repository) =>
    isAppInstalledOn((await probot.auth()) as GitHubClient, installationId, repository);
  const deps: StewardDeps = { db: options.db, now, configs, jobs, background, isInstalledOn };
  const routes: RequestHandler[] = [];
  await probot.load(createStewardApp(deps), {
    cwd: process.cwd(),
    addHandler: (handler) => routes.push(async (req, res) => (await handler(req, res)) === true),
  });
  routes.unshift(
    webhookReceiver({
      path: env.webhookPath,
      secret: env.webhookSecret,
      log,
      probot,
      direct: ledgerEventHandler(deps, eventOctokits(probot), log),
      metrics,
    }),
  );
  // The registry is this server's own, so its route is added here rather than by the app.
  routes.push(metricsHandler(registry, env.metricsToken));
  // A steward.yml is read through GitHub at most once per 10 minutes (the loader's cache); when it
  // cannot be read, the pages and badges still show, on the defaults, as the jobs would run.
  const configFor = async (repository: RepositoryRecord): Promise<StewardConfig> => {
    try {
      return (await configs.load(await jobs.github(repository.installationId), repository, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS })).config;
    } catch (error) {
      log.warn({ err: error }, `${repository.fullName}: its configuration could not be read; showing it with the defaults`);
      return defaultConfig;
    }
  };
  routes.push(badgeRoutes({ db: options.db, now, configFor }));
  routes.push(
    dashboardHandler({
      db: options.db,
      now,
      log,
      userAuth: env.userAuth,
      sessionSecret: env.sessionSecret,
      publicUrl: env.publicUrl,
      github: githubEndpoints(options.processEnv),
      configFor,
    }),
  );

  const inFlight = inFlightRequests();
  const server = createServer(
    inFlight.track(async (req, res) => {
      try {
        for (const route of routes) if (await route(req, res)) return;
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "not found" }));
      } catch (error) {
        log.error({ err: error }, "request failed");
        if (!res.headersSent) res.writeHead(500).end();
      }
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === "IPv6" ? `[${address}]` : address;
  log.info(`Steward listening on http://${host}:${port}, webhooks at ${env.webhookPath}`);
  return {
    probot,
    jobs,
    server,
    url: `http://${host}:${port}`,
    async close(graceMs = 0) {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeIdleConnections();
      await inFlight.drained(graceMs);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The server works as the app only: main.ts starts Probot's setup flow instead when APP_ID is unset. */
function appIdOf(env: StewardEnv): number {
  if (env.appId === null) throw new Error("APP_ID is not set: Steward's server authenticates as the app");
  return env.appId;
}
