import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parsePublicKey, TokenStore } from "./auth.js";
import { ContentCreationLimiter, type ContentCreationLimit } from "./content-limit.js";
import { dispatchGraphQL, dispatchRest, type DispatchDeps, type SandboxRequest } from "./dispatch.js";
import { SandboxHttpError } from "./errors.js";
import { FaultInjector, faultBody, type FaultSpec } from "./faults.js";
import { errorOutcome, parseJsonBody, readBody, sendOutcome, type Outcome } from "./http-io.js";
import { isoSeconds } from "./model/ids.js";
import { SandboxModel } from "./model/model.js";
import type { Permission } from "./model/types.js";
import { UserTokenStore } from "./oauth/user-tokens.js";
import { answerWebFlow, loggableParams, webFlowRoute } from "./oauth/web-flow.js";
import { RateLimiter } from "./rate-limit.js";
import { Recorder, redactHeaders, type RecordedRequest, type Violation } from "./recorder.js";
import { implementedRoutes, RestRouter } from "./rest/router.js";
import type { AppInfo } from "./rest/types.js";

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** The GitHub App id; app JWTs must carry it as `iss`. */
  appId: number | string;
  /** PEM of the app's public key; app JWTs must be signed with the matching private key. */
  publicKeyPem: string;
  /** Model clock: timestamps of seeded and created records. Defaults to real time. */
  now?: () => Date;
  /**
   * Wall clock in ms for JWT checks, token expiry and rate-limit windows. Defaults to Date.now:
   * Probot signs JWTs with the real clock even when the model clock is frozen in the past.
   */
  wallClock?: () => number;
  /** The app's slug; its bot account `<slug>[bot]` authors everything written with a token. */
  appSlug?: string;
  appName?: string;
  /**
   * The app's OAuth client secret, which the web flow's code exchange must present (the client id
   * is always `Iv1.sandbox<appId>`). Default: `sandbox-client-secret-<appId>`.
   */
  clientSecret?: string;
  /** A model to serve; a fresh empty one by default. */
  model?: SandboxModel;
  /** Secondary rate limit on content creation (GitHub: 80 per minute, 500 per hour); none by default. */
  contentCreationLimit?: ContentCreationLimit;
  /** Primary rate limit reported per hour and installation (never enforced). Default 5000. */
  rateLimit?: number;
  /**
   * Clock of the rate-limit windows alone, in ms; the wall clock by default. A benchmark moves it
   * to a window's reset instead of waiting the hour, while JWTs and tokens keep real time.
   */
  rateLimitClock?: () => number;
  /** Called for every violation; logs with console.error by default. */
  onViolation?: (violation: Violation) => void;
  /**
   * Serves `/_sandbox/*` (the control API of a sandbox process, see `control/`): given the
   * sandbox, returns the handler. Those requests bypass the GitHub pipeline: never recorded,
   * never a violation, unreachable under /api.
   */
  control?: (sandbox: Sandbox) => ControlHandler;
}

/** Answers one request under CONTROL_PREFIX, body unread. */
export type ControlHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Where the control API lives: outside both /api/v3 and /api/graphql. */
export const CONTROL_PREFIX = "/_sandbox/";

/** Where a listening sandbox is. */
export interface SandboxAddress {
  /** e.g. http://127.0.0.1:41234 — REST lives under `${url}/api/v3`. */
  url: string;
  port: number;
  /** "127.0.0.1:41234", the value for Probot's GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
}

/** A running (or ready to run) GitHub API simulator. */
export interface Sandbox {
  model: SandboxModel;
  app: AppInfo;
  /** Every request served, in order (the array is emptied in place by `resetRequests`). */
  readonly requests: RecordedRequest[];
  /** Every fidelity violation seen: unknown or unimplemented routes, invalid or unanswerable GraphQL. */
  readonly violations: Violation[];
  listen(port?: number, host?: string): Promise<SandboxAddress>;
  close(): Promise<void>;
  /** The address once listening. */
  address(): SandboxAddress | null;
  failNext(spec: FaultSpec): void;
  pendingFaults(): FaultSpec[];
  clearFaults(): void;
  /** Delays every API answer by `ms` (0: none), e.g. to stop a backfill midway in a test. */
  setLatency(ms: number): void;
  /** Requests with `method` whose path matches (a string may also name the route template). */
  requestsMatching(method: string, path: RegExp | string): RecordedRequest[];
  resetRequests(): void;
  resetViolations(): void;
  /** Issues an installation token directly, for tests that use a plain Octokit without app auth. */
  createInstallationToken(installationId: number, permissions?: Record<string, Permission>): string;
}

/** Creates a sandbox serving `model` (or a new empty one). Call `listen()` to start it. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const wallClock = options.wallClock ?? Date.now;
  const model = options.model ?? new SandboxModel(options.now ? { now: options.now } : {});
  const slug = options.appSlug ?? "steward";
  const app: AppInfo = {
    id: Number(options.appId),
    slug,
    name: options.appName ?? "Steward",
    botLogin: `${slug}[bot]`,
    created_at: isoSeconds(new Date(wallClock())),
    clientId: `Iv1.sandbox${Number(options.appId)}`,
    clientSecret: options.clientSecret ?? defaultClientSecret(options.appId),
  };
  model.addUser({ login: app.botLogin, type: "Bot" });
  const rateLimits = new RateLimiter(options.rateLimitClock ?? wallClock, options.rateLimit);
  const recorder = new Recorder(options.onViolation ?? ((v) => console.error(`[sandbox] ${v.kind}: ${v.message}`)));
  const deps: DispatchDeps = {
    model,
    app,
    publicKey: parsePublicKey(options.publicKeyPem),
    tokens: new TokenStore(wallClock),
    userTokens: new UserTokenStore(wallClock),
    router: new RestRouter(implementedRoutes(rateLimits)),
    rateLimits,
    contentLimit: new ContentCreationLimiter(options.contentCreationLimit, wallClock),
    faults: new FaultInjector(),
    recorder,
    wallClock,
  };
  let control: ControlHandler | undefined;
  const server = createServer((req, res) => {
    const served = control && (req.url ?? "").startsWith(CONTROL_PREFIX) ? control(req, res) : delay(latency.ms).then(() => handle(deps, req, res));
    served.catch((error: unknown) => {
      console.error("[sandbox] request failed", error);
      if (!res.headersSent) sendOutcome(res, errorOutcome(500, "sandbox: internal error"));
      else res.destroy();
    });
  });
  let address: SandboxAddress | null = null;
  const latency = { ms: 0 };

  const sandbox: Sandbox = {
    model,
    app,
    requests: recorder.requests,
    violations: recorder.violations,
    async listen(port = 0, host = "127.0.0.1") {
      await deps.router.init();
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      const info = server.address() as AddressInfo;
      address = { url: `http://${host}:${info.port}`, port: info.port, host: `${host}:${info.port}` };
      return address;
    },
    async close() {
      if (!server.listening) return;
      // Octokit's fetch keeps connections alive; without this close() would wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      address = null;
    },
    address: () => address,
    failNext: (spec) => deps.faults.add(spec),
    pendingFaults: () => deps.faults.pending(),
    clearFaults: () => deps.faults.clear(),
    setLatency(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`sandbox: latency must be a non-negative number of ms, got ${ms}`);
      latency.ms = ms;
    },
    requestsMatching: (method, path) => recorder.matching(method, path),
    resetRequests: () => recorder.resetRequests(),
    resetViolations: () => recorder.resetViolations(),
    createInstallationToken(installationId, permissions) {
      const installation = model.getInstallation(installationId);
      if (!installation) throw new Error(`sandbox: no installation ${installationId}`);
      return deps.tokens.issue(installationId, permissions ?? { ...installation.permissions }, null).token;
    },
  };
  control = options.control?.(sandbox);
  return sandbox;
}

/** The client secret a sandbox has unless told otherwise: fixed, so a .env written once keeps working. */
export function defaultClientSecret(appId: number | string): string {
  return `sandbox-client-secret-${Number(appId)}`;
}

/** Reads, routes, answers and records one request. */
async function handle(deps: DispatchDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = new Date(deps.wallClock());
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const webFlow = webFlowRoute(method, url.pathname);
  if (webFlow) return handleWebFlow(deps, req, res, { route: webFlow, method, url, at });
  const isGraphQL = url.pathname === "/api/graphql";
  const isRest = url.pathname === "/api/v3" || url.pathname.startsWith("/api/v3/");
  const path = isGraphQL ? "/graphql" : isRest ? url.pathname.slice("/api/v3".length) || "/" : url.pathname;
  const host = req.headers.host ?? "127.0.0.1";
  const parsed = parseJsonBody(await readBody(req));
  const request: SandboxRequest = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    body: parsed.ok ? parsed.value : undefined,
    urls: { api: `http://${host}/api/v3`, web: `http://${host}` },
  };
  let outcome: Outcome;
  let route: string | undefined;
  try {
    if (!parsed.ok) {
      outcome = errorOutcome(400, "Problems parsing JSON");
    } else if (isGraphQL) {
      outcome = await dispatchGraphQL(deps, request);
    } else if (isRest) {
      ({ outcome, route } = dispatchRest(deps, request));
    } else {
      const message = `sandbox: ${method} ${url.pathname} is outside the GitHub API (REST lives under /api/v3, GraphQL at POST /api/graphql)`;
      deps.recorder.violation({ kind: "outside-api", method, path, message, at });
      outcome = errorOutcome(404, message);
    }
  } catch (error) {
    if (error instanceof SandboxHttpError) {
      outcome = { status: error.status, headers: error.headers, body: error.body() };
    } else {
      // A bug or a model precondition (e.g. reopening a merged PR): answer and record it, loudly.
      console.error(`[sandbox] ${method} ${path} failed`, error);
      outcome = errorOutcome(500, `sandbox: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  deps.recorder.record({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    headers: redactHeaders(req.headers),
    body: request.body,
    status: outcome.status,
    ...(route === undefined ? {} : { route }),
    at,
  });
  sendOutcome(res, outcome);
}

/**
 * Serves the sign-in pages and the code exchange, which live on the web host as on github.com.
 * Recorded like API requests (path "/login/oauth/...", route "POST /login/oauth/access_token"),
 * with the secret parameters redacted; faults armed for that path apply too.
 */
async function handleWebFlow(
  deps: DispatchDeps,
  req: IncomingMessage,
  res: ServerResponse,
  { route, method, url, at }: { route: string; method: string; url: URL; at: Date },
): Promise<void> {
  const request = { method, query: url.searchParams, headers: req.headers, body: await readBody(req) };
  const fault = deps.faults.take(method, url.pathname, route.slice(route.indexOf(" ") + 1));
  const answer = () => answerWebFlow(deps, route, request);
  const outcome = fault ? injectedFault(fault, answer) : answer();
  const logged = loggableParams(request);
  deps.recorder.record({
    method,
    path: url.pathname,
    query: logged.query,
    headers: redactHeaders(req.headers),
    body: logged.body,
    status: outcome.status,
    route,
    at,
  });
  sendOutcome(res, outcome);
}

/** As on the API: a fault "after the side effect" lets the code or token be issued, then loses the answer. */
function injectedFault(fault: FaultSpec, answer: () => Outcome): Outcome {
  if (fault.afterSideEffect) answer();
  return { status: fault.status, headers: { ...fault.headers }, body: faultBody(fault) };
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
