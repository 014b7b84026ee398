/**
 * A typed client for a sandbox process's control API (see src/sandbox/main.ts): the methods of
 * control/protocol.ts, over fetch. Results are plain JSON (`Plain<T>`): dates are ISO strings and
 * an installation's `repositoryIds` an array. Dates and RegExps in arguments are encoded for you.
 *
 *   const sandbox = connectSandbox("http://127.0.0.1:3100");
 *   await sandbox.model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
 *   await sandbox.installations.install("acme");
 *   const { record, delivery } = await sandbox.activity.openIssue("acme/widget", { user: "noor", title: "Crash" });
 */
import { decode, encode, type Plain } from "./control/json-codec.js";
import {
  CALL_PATH,
  CONTROL_METHODS,
  HEALTH_PATH,
  type ActivityControl,
  type InstallationsControl,
  type ModelControl,
  type SandboxControl,
  type TargetName,
} from "./control/protocol.js";

export type { Plain } from "./control/json-codec.js";
export type { HistoryOptions, HistorySummary, SandboxInfo } from "./control/protocol.js";

/** Each method of T, called remotely: same arguments, a promise of the plain result. */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Plain<Awaited<R>>> : never;
};

/** A connection to one sandbox process. */
export interface SandboxClient {
  readonly url: string;
  readonly model: Remote<ModelControl>;
  readonly activity: Remote<ActivityControl>;
  readonly installations: Remote<InstallationsControl>;
  readonly sandbox: Remote<SandboxControl>;
  /** Calls any method by name, for what the typed surface does not cover (or to test refusals). */
  call(target: string, method: string, args?: unknown[]): Promise<unknown>;
  /** True when the process answers its health check. */
  healthy(): Promise<boolean>;
}

/** The control API refused a call or failed it; `status` is the HTTP status (422: the method threw). */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly target: string,
    readonly method: string,
  ) {
    super(`${target}.${method}: ${message} (HTTP ${status})`);
    this.name = "SandboxControlError";
  }
}

/** Connects to the sandbox at `url` (e.g. the `url` of its ready file). Nothing is sent until a call. */
export function connectSandbox(url: string, options: { fetchImpl?: typeof fetch } = {}): SandboxClient {
  const base = url.replace(/\/+$/, "");
  const fetchImpl = options.fetchImpl ?? fetch;

  async function call(target: string, method: string, args: unknown[] = []): Promise<unknown> {
    const response = await fetchImpl(`${base}${CALL_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ target, method, args: withoutTrailingUndefined(args).map(encode) }),
    });
    const text = await response.text();
    let body: { result?: unknown; error?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SandboxControlError(response.status, `not a control API answer: ${text.slice(0, 200)}`, target, method);
    }
    if (!response.ok) throw new SandboxControlError(response.status, String(body.error ?? text), target, method);
    return decode(body.result);
  }

  /** An object with one function per allowlisted name of `target`. */
  const remote = <T>(target: TargetName): Remote<T> =>
    Object.fromEntries(CONTROL_METHODS[target].map((name) => [name, (...args: unknown[]) => call(target, name, args)])) as Remote<T>;

  return {
    url: base,
    model: remote<ModelControl>("model"),
    activity: remote<ActivityControl>("activity"),
    installations: remote<InstallationsControl>("installations"),
    sandbox: remote<SandboxControl>("sandbox"),
    call,
    async healthy() {
      try {
        return (await fetchImpl(`${base}${HEALTH_PATH}`)).ok;
      } catch {
        return false;
      }
    },
  };
}

/** Optional parameters left out stay out: JSON would turn a trailing undefined into null. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
