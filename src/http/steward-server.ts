import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createProbot, type Options, type Probot } from "probot";
import type { StewardEnv } from "../config/env.js";
import { createRepoConfigLoader } from "../config/repo-config-loader.js";
import { realTimeWritePacer } from "../effects/write-pacer.js";
import { createStewardApp, ledgerEventHandler } from "../index.js";
import type { JobDeps } from "../scheduler/job-deps.js";
import type { DB } from "../store/db.js";
import { eventOctokits } from "./event-octokits.js";
import type { RequestHandler } from "./webhook-guard.js";
import { webhookReceiver } from "./webhook-receiver.js";

export interface StewardServerOptions {
  env: StewardEnv;
  /** What Probot reads its own settings from (APP_ID, PRIVATE_KEY, GHE_HOST, ...). */
  processEnv: NodeJS.ProcessEnv;
  db: DB;
  now?: () => Date;
  /** Extra Probot options, e.g. a test's Octokit without throttling. */
  probotOverrides?: Partial<Options>;
}

export interface RunningServer {
  probot: Probot;
  /** What the scheduler's jobs use: the server's store, clock, log, config cache and app auth. */
  jobs: JobDeps;
  server: Server;
  /** The base URL, e.g. http://127.0.0.1:3000, with the real port when `PORT=0`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts Steward's HTTP server: the webhook receiver (guard, then Probot's handlers and Steward's
 * ledger handler), then the app's own routes such as /healthz, then 404. Owning the `http.Server`
 * (instead of Probot's `run` and middleware) is what puts the guard in front, reads and verifies
 * each body once, and lets `PORT=0` pick a free port.
 */
export async function startStewardServer(options: StewardServerOptions): Promise<RunningServer> {
  const { env } = options;
  const probot = createProbot({
    env: options.processEnv,
    overrides: { secret: env.webhookSecret, logLevel: env.logLevel as Options["logLevel"], ...options.probotOverrides },
  });
  const now = options.now ?? (() => new Date());
  const configs = createRepoConfigLoader({ db: options.db, log: probot.log, now });
  const jobs: JobDeps = {
    db: options.db,
    now,
    log: probot.log,
    configs,
    github: (installationId) => probot.auth(installationId),
    pacer: realTimeWritePacer(env.writePacePerMinute),
  };
  const deps = { db: options.db, now, configs, jobs };
  const routes: RequestHandler[] = [];
  await probot.load(createStewardApp(deps), {
    cwd: process.cwd(),
    addHandler: (handler) => routes.push(async (req, res) => (await handler(req, res)) === true),
  });
  routes.unshift(
    webhookReceiver({
      path: env.webhookPath,
      secret: env.webhookSecret,
      log: probot.log,
      probot,
      direct: ledgerEventHandler(deps, eventOctokits(probot), probot.log),
    }),
  );

  const server = createServer(async (req, res) => {
    try {
      for (const route of routes) if (await route(req, res)) return;
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found" }));
    } catch (error) {
      probot.log.error(error as Error, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === "IPv6" ? `[${address}]` : address;
  probot.log.info(`Steward listening on http://${host}:${port}, webhooks at ${env.webhookPath}`);
  return {
    probot,
    jobs,
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
