import { seedDemoWorld } from "../../demo/demo-world.js";
import { createSandbox } from "../server.js";
import { createWebhookSender } from "../webhooks/sender.js";
import { bannerLines, removeReadyFile, writeReadyFile } from "./announce.js";
import { resolveAppKey } from "./app-key.js";
import { createControlHandler } from "./handler.js";
import type { ProcessConfig } from "./process-config.js";
import type { SandboxInfo } from "./protocol.js";
import { SettableClock } from "./settable-clock.js";
import { controlTargets } from "./targets.js";

/** A sandbox process that is listening. */
export interface RunningSandboxProcess {
  info: SandboxInfo;
  /** Closes the server and removes the ready file; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the sandbox as its own process would: key, clock, optional demo seed, the control API
 * on the same server, then the banner on stdout and the ready file once it listens.
 */
export async function runSandboxProcess(config: ProcessConfig, print: (line: string) => void = console.log): Promise<RunningSandboxProcess> {
  const key = resolveAppKey(config.key);
  const clock = new SettableClock();
  const sender = createWebhookSender({ url: config.webhookUrl, secret: config.webhookSecret, appId: config.appId });
  let where: Omit<SandboxInfo, "webhookUrl"> | undefined;
  const listening = () => {
    if (!where) throw new Error("sandbox: not listening yet");
    return where;
  };
  const sandbox = createSandbox({
    appId: config.appId,
    publicKeyPem: key.publicKeyPem,
    now: clock.now,
    control: (self) => createControlHandler(controlTargets({ sandbox: self, sender, clock, info: listening })),
  });
  if (config.seed === "demo") seedDemoWorld(sandbox.model, clock.now());
  const address = await sandbox.listen(config.port, config.host);
  where = {
    url: address.url,
    host: address.host,
    port: address.port,
    appId: config.appId,
    privateKeyPath: key.privateKeyPath,
    clientId: sandbox.app.clientId,
    clientSecret: sandbox.app.clientSecret,
    pid: process.pid,
  };
  const info: SandboxInfo = { ...where, webhookUrl: sender.url };
  for (const line of bannerLines(info, config.webhookSecret, config.seed === "demo")) print(line);
  if (key.generated) print(`[sandbox] generated the app's private key into ${key.privateKeyPath}`);
  if (config.readyFile) writeReadyFile(config.readyFile, info);
  let stopped: Promise<void> | undefined;
  return {
    info,
    stop() {
      stopped ??= sandbox.close().finally(() => {
        if (config.readyFile) removeReadyFile(config.readyFile);
      });
      return stopped;
    },
  };
}
