import { generateKeyPairSync, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { parseEnv } from "../../src/config/env.js";
import { signBody } from "../../src/http/webhook-signature.js";
import { startStewardServer, type RunningServer } from "../../src/http/steward-server.js";
import { createSandbox } from "../../src/sandbox/index.js";
import { unthrottledOctokit } from "../../src/sandbox/unthrottled-octokit.js";
import { backgroundTasks } from "../../src/runtime/background.js";
import { registerInstallation } from "../../src/store/installations.js";
import { createSqliteTestStore } from "./test-store.js";

export const WEBHOOK_SECRET = "e2e-secret";

/** One RSA key pair per test process: generating one takes a noticeable fraction of a second. */
let keyPair: { privateKey: string; publicKey: string } | undefined;
export function appKeys() {
  keyPair ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return keyPair;
}

export interface Target {
  installationId: number;
  repositoryId: number;
  owner: string;
  name: string;
}

export interface DeliveryOptions {
  id?: string;
  /** Override the signature header; `null` leaves it out. */
  signature?: string | null;
}

/**
 * The real Steward server, on a free port, against a fresh sandbox holding one installation and
 * one repository, with a fresh SQLite file. Logs are captured as lines for assertions.
 */
export async function startE2E(options: { now?: () => Date } = {}) {
  const keys = appKeys();
  const appId = 4242;
  const sandbox = createSandbox({ appId, publicKeyPem: keys.publicKey });
  const sandboxAddress = await sandbox.listen();
  const installation = sandbox.model.addInstallation({ id: 77, account: "acme", accountType: "Organization", repositorySelection: "all" });
  const repository = sandbox.model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
  const target: Target = { installationId: installation.id, repositoryId: repository.id, owner: "acme", name: "widget" };

  const store = await createSqliteTestStore();
  // What installation.created would have registered: Steward serves only what it was installed on.
  await registerInstallation(
    store.db,
    { id: installation.id, accountLogin: "acme", accountType: "Organization" },
    [{ id: repository.id, installationId: installation.id, owner: "acme", name: "widget", fullName: "acme/widget", private: false }],
    new Date(),
  );
  const logLines: string[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    }),
  );
  const processEnv = {
    APP_ID: String(appId),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET,
    GHE_HOST: sandboxAddress.host,
    GHE_PROTOCOL: "http",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: store.path,
  };
  const server: RunningServer = await startStewardServer({
    env: parseEnv(processEnv),
    processEnv,
    db: store.db,
    log: log as never,
    background: backgroundTasks(log as never),
    ...(options.now ? { now: options.now } : {}),
    // Without pacing and 5xx retries: these in-process tests are about handling, and fast. The
    // production composition (pacing included) is tested through the entry points in test/production.
    Octokit: unthrottledOctokit(),
  });

  async function deliver(name: string, payload: unknown, opts: DeliveryOptions = {}) {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": name,
      "x-github-delivery": opts.id ?? randomUUID(),
      "user-agent": "GitHub-Hookshot/sandbox",
    };
    const signature = opts.signature === undefined ? signBody(WEBHOOK_SECRET, body) : opts.signature;
    if (signature !== null) headers["x-hub-signature-256"] = signature;
    const response = await fetch(`${server.url}/api/github/webhooks`, { method: "POST", headers, body });
    return { status: response.status, text: await response.text() };
  }

  return {
    sandbox,
    store,
    db: store.db,
    server,
    target,
    logLines,
    deliver,
    processEnv,
    async close() {
      await server.close();
      await sandbox.close();
      store.dispose();
    },
  };
}

export type E2E = Awaited<ReturnType<typeof startE2E>>;
