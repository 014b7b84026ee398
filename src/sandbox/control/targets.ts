import { DEMO_REPO, seedDemoWorld } from "../../demo/demo-world.js";
import { seedHistory } from "../model/seed-history.js";
import type { RecordedRequest } from "../recorder.js";
import type { Sandbox } from "../server.js";
import { createActivity } from "../webhooks/activity.js";
import { createInstallationActivity } from "../webhooks/installation-activity.js";
import { playScenario } from "../webhooks/scenario.js";
import type { WebhookSender } from "../webhooks/sender.js";
import {
  ACTIVITY_VERBS,
  INSTALLATION_METHODS,
  SANDBOX_METHODS,
  SANDBOX_MODEL_METHODS,
  type ActivityControl,
  type ModelControl,
  type SandboxControl,
  type SandboxInfo,
  type TargetName,
} from "./protocol.js";
import type { SettableClock } from "./settable-clock.js";

/** A callable method of a target; arguments arrive as decoded JSON. */
export type ControlMethod = (...args: unknown[]) => unknown;

/** Every callable method, by target and name. Maps, so no name can reach a prototype. */
export type ControlTargets = Record<TargetName, ReadonlyMap<string, ControlMethod>>;

/** What the targets act on. */
export interface ControlContext {
  sandbox: Sandbox;
  sender: WebhookSender;
  clock: SettableClock;
  /** The process's address and key; known once it listens. */
  info(): Omit<SandboxInfo, "webhookUrl">;
}

/**
 * Binds the allowlisted methods of `protocol.ts` to the live sandbox. Anything not bound here
 * cannot be called, whatever name a request sends.
 */
export function controlTargets(ctx: ControlContext): ControlTargets {
  const { sandbox, sender, clock } = ctx;
  const model = sandbox.model;
  const modelExtras: Pick<ModelControl, "seedHistory" | "seedDemo"> = {
    seedHistory: (options) => seedHistory(model, options),
    seedDemo(options = {}) {
      seedDemoWorld(model, new Date(options.installedAt ?? clock.now()));
      return { repo: DEMO_REPO, account: DEMO_REPO.split("/")[0] ?? DEMO_REPO };
    },
  };
  const activity = createActivity(sandbox, sender);
  const activityExtras: Pick<ActivityControl, "playScenario"> = { playScenario: (options) => playScenario(activity, options) };
  const sandboxControl: SandboxControl = {
    info: () => ({ ...ctx.info(), webhookUrl: sender.url }),
    app: () => sandbox.app,
    setWebhookTarget(target) {
      sender.retarget(target);
      return { url: sender.url };
    },
    deliveries: () => [...sender.deliveries],
    redeliver: (id) => sender.redeliver(id),
    failNext: (spec) => sandbox.failNext(spec),
    pendingFaults: () => sandbox.pendingFaults(),
    clearFaults: () => sandbox.clearFaults(),
    setLatency: (ms) => sandbox.setLatency(ms),
    requests: (method, path) =>
      // `requests(undefined, /x/)` arrives as `[null, ...]`: JSON has no undefined.
      sandbox.requests.filter((r) => (method == null || r.method === method.toUpperCase()) && (path == null || pathMatches(r, path))),
    resetRequests: () => sandbox.resetRequests(),
    violations: () => [...sandbox.violations],
    resetViolations: () => sandbox.resetViolations(),
    now: () => clock.now().toISOString(),
    setNow(at) {
      clock.set(at);
      return clock.now().toISOString();
    },
    createInstallationToken: (id, permissions) => sandbox.createInstallationToken(id, permissions),
  };
  return {
    model: new Map([...bind(model, SANDBOX_MODEL_METHODS), ...bind(modelExtras, ["seedHistory", "seedDemo"])]),
    activity: new Map([...bind(activity, ACTIVITY_VERBS), ...bind(activityExtras, ["playScenario"])]),
    installations: bind(createInstallationActivity(sandbox, sender), INSTALLATION_METHODS),
    sandbox: bind(sandboxControl, SANDBOX_METHODS),
  };
}

/** As `Sandbox.requestsMatching`: a string is the exact path or the route template, a RegExp is tested on the path. */
function pathMatches(request: RecordedRequest, path: string | RegExp): boolean {
  if (typeof path === "string") return request.path === path || request.route === `${request.method} ${path}`;
  path.lastIndex = 0;
  return path.test(request.path);
}

/** The listed methods of `object`, each called on `object` itself (the model's private fields need it). */
function bind<T extends object>(object: T, names: readonly (keyof T & string)[]): ReadonlyMap<string, ControlMethod> {
  const methods = new Map<string, ControlMethod>();
  for (const name of names) {
    const method = object[name];
    if (typeof method !== "function") throw new Error(`sandbox: control method ${name} is not a function`);
    methods.set(name, (...args) => (method as ControlMethod).apply(object, args));
  }
  return methods;
}
