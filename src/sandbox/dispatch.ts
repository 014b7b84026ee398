import type { KeyObject } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { looksLikeJwt, parseAuthorization, verifyAppJwt, type TokenRecord, type TokenStore } from "./auth.js";
import { CONTENT_CREATING_ROUTES, type ContentCreationLimiter } from "./content-limit.js";
import { notAccessible, SandboxHttpError } from "./errors.js";
import { faultBody, type FaultInjector, type FaultSpec } from "./faults.js";
import { answerGraphQL } from "./graphql/handler.js";
import { errorOutcome, type Outcome } from "./http-io.js";
import type { SandboxModel } from "./model/model.js";
import type { UserRecord } from "./model/types.js";
import type { UserTokenStore } from "./oauth/user-tokens.js";
import { rateLimitHeaders, type RateBucket, type RateLimiter } from "./rate-limit.js";
import type { Recorder } from "./recorder.js";
import { tokenReaches } from "./rest/access.js";
import type { RestRouter } from "./rest/router.js";
import type { AppInfo, RestContext, RouteDef, Urls } from "./rest/types.js";

/** Everything the request pipeline works with; assembled once by `createSandbox`. */
export interface DispatchDeps {
  model: SandboxModel;
  app: AppInfo;
  publicKey: KeyObject;
  tokens: TokenStore;
  /** Codes, user access tokens and refresh tokens of the web flow. */
  userTokens: UserTokenStore;
  router: RestRouter;
  rateLimits: RateLimiter;
  contentLimit: ContentCreationLimiter;
  faults: FaultInjector;
  recorder: Recorder;
  wallClock: () => number;
}

/** A request reduced to what the pipeline needs. */
export interface SandboxRequest {
  method: string;
  /** Path after /api/v3, or "/graphql". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  urls: Urls;
}

/**
 * Serves one REST request: route check (404 for routes GitHub lacks, 501 for ones the sandbox
 * lacks, both recorded as violations), authentication, injected faults, the content-creation
 * limit, then the handler.
 */
export function dispatchRest(deps: DispatchDeps, req: SandboxRequest): { outcome: Outcome; route?: string } {
  const resolution = deps.router.resolve(req.method, req.path);
  if (resolution.kind === "unknown") {
    const message = `sandbox: ${req.method} ${req.path} is not a GitHub REST route`;
    deps.recorder.violation({ kind: "unknown-route", method: req.method, path: req.path, message, at: new Date(deps.wallClock()) });
    return { outcome: errorOutcome(404, message) };
  }
  const route = resolution.route;
  if (resolution.kind === "unimplemented") {
    const message = `sandbox: ${route} is a GitHub REST route the sandbox does not implement yet (${req.method} ${req.path})`;
    deps.recorder.violation({ kind: "unimplemented-route", method: req.method, path: req.path, message, at: new Date(deps.wallClock()) });
    return { outcome: errorOutcome(501, message), route };
  }
  const { token, user, bucket } = authenticateRoute(deps, resolution.def.auth, req.headers);
  const headers = rateLimitHeaders(deps.rateLimits.consume("core", bucket));
  const ctx: RestContext = {
    method: req.method,
    path: req.path,
    route,
    params: resolution.params,
    query: req.query,
    headers: req.headers,
    body: req.body,
    model: deps.model,
    urls: req.urls,
    app: deps.app,
    tokens: deps.tokens,
    token,
    user,
  };
  try {
    return { outcome: runHandler(deps, ctx, resolution.def, headers), route };
  } catch (error) {
    // Keep the rate-limit headers on handler errors, as GitHub does.
    if (error instanceof SandboxHttpError)
      return { outcome: { status: error.status, headers: { ...headers, ...error.headers }, body: error.body() }, route };
    throw error;
  }
}

/** Injected faults, the content-creation limit, then the route handler. */
function runHandler(deps: DispatchDeps, ctx: RestContext, def: RouteDef, headers: Record<string, string>): Outcome {
  const fault = deps.faults.take(ctx.method, ctx.path, ctx.route.slice(ctx.route.indexOf(" ") + 1));
  if (fault && !fault.afterSideEffect) return faultOutcome(fault, headers);
  if (ctx.token && CONTENT_CREATING_ROUTES.has(ctx.route)) deps.contentLimit.admit(ctx.token.installationId);
  if (fault) {
    // The write happens; only its answer is lost.
    try {
      def.handler(ctx);
    } catch {
      // The injected failure is the answer either way.
    }
    return faultOutcome(fault, headers);
  }
  const result = def.handler(ctx);
  return {
    status: result.status ?? 200,
    headers: { ...headers, ...result.headers },
    ...(result.text === undefined ? { body: result.body } : { text: result.text }),
    ...(result.contentType === undefined ? {} : { contentType: result.contentType }),
  };
}

/** Serves `POST /api/graphql` with an installation token. */
export async function dispatchGraphQL(deps: DispatchDeps, req: SandboxRequest): Promise<Outcome> {
  if (req.method !== "POST") return errorOutcome(404, "Not Found");
  const token = authenticateInstallation(deps, req.headers);
  const fault = deps.faults.take(req.method, req.path, undefined);
  if (fault && !fault.afterSideEffect) return faultOutcome(fault, {});
  const outcome = await answerGraphQL(
    req.body,
    { model: deps.model, urls: req.urls, app: deps.app, canSee: (id) => tokenReaches(deps.model, token, id), permissions: token.permissions },
    deps.rateLimits,
    token.installationId,
  );
  const query = (req.body as { query?: unknown } | undefined)?.query;
  for (const v of outcome.violations) {
    deps.recorder.violation({
      kind: v.kind,
      method: req.method,
      path: req.path,
      message: v.message.startsWith("sandbox:") ? v.message : `sandbox: ${v.message}`,
      ...(typeof query === "string" ? { query } : {}),
      at: new Date(deps.wallClock()),
    });
  }
  const headers = rateLimitHeaders(outcome.snapshot ?? deps.rateLimits.snapshot("graphql", token.installationId));
  if (fault) return faultOutcome(fault, headers);
  return { status: 200, headers, body: outcome.body };
}

function faultOutcome(fault: FaultSpec, headers: Record<string, string>): Outcome {
  return { status: fault.status, headers: { ...headers, ...fault.headers }, body: faultBody(fault) };
}

/** Who called, by the kind of credential the route takes, and whose rate-limit budget the call spends. */
function authenticateRoute(
  deps: DispatchDeps,
  kind: RouteDef["auth"],
  headers: IncomingHttpHeaders,
): { token: TokenRecord | null; user: UserRecord | null; bucket: RateBucket } {
  if (kind === "app") return { token: authenticateApp(deps, headers), user: null, bucket: 0 };
  if (kind === "user") {
    const user = authenticateUser(deps, headers);
    return { token: null, user, bucket: `user:${user.id}` };
  }
  const token = authenticateInstallation(deps, headers);
  return { token, user: null, bucket: token.installationId };
}

/** App routes take `Authorization: Bearer <JWT>` signed with the app's private key. */
function authenticateApp(deps: DispatchDeps, headers: IncomingHttpHeaders): null {
  const auth = parseAuthorization(headers.authorization);
  if (!auth) throw new SandboxHttpError(401, "A JSON web token could not be decoded (this route needs `Authorization: Bearer <app JWT>`)");
  if (auth.scheme !== "bearer" || !looksLikeJwt(auth.credential)) {
    throw new SandboxHttpError(401, "A JSON web token could not be decoded (this route authenticates as the app, not an installation)");
  }
  verifyAppJwt(auth.credential, deps.publicKey, deps.app.id, deps.wallClock());
  return null;
}

/** Every other route takes `Authorization: token <installation token>` (or Bearer). */
function authenticateInstallation(deps: DispatchDeps, headers: IncomingHttpHeaders): TokenRecord {
  const auth = parseAuthorization(headers.authorization);
  if (!auth) throw new SandboxHttpError(401, "Requires authentication");
  if ((auth.scheme !== "token" && auth.scheme !== "bearer") || looksLikeJwt(auth.credential)) {
    throw new SandboxHttpError(401, "sandbox: this route needs an installation access token, not an app JWT");
  }
  // GitHub checks the token before the route: a dead user token is a 401, a live one a 403 here.
  if (isUserToken(auth.credential)) {
    userOfToken(deps, auth.credential);
    throw notAccessible();
  }
  const token = deps.tokens.resolve(auth.credential);
  if (!deps.model.getInstallation(token.installationId)) throw new SandboxHttpError(401, "Bad credentials");
  return token;
}

/**
 * User routes take `Authorization: token <user access token>` (or Bearer) from the web flow. A
 * live installation token there is a 403, as GitHub answers `GET /user` for one.
 */
function authenticateUser(deps: DispatchDeps, headers: IncomingHttpHeaders): UserRecord {
  const auth = parseAuthorization(headers.authorization);
  if (!auth) throw new SandboxHttpError(401, "Requires authentication");
  if ((auth.scheme !== "token" && auth.scheme !== "bearer") || looksLikeJwt(auth.credential)) {
    throw new SandboxHttpError(401, "sandbox: this route needs a user access token from the web flow, not an app JWT");
  }
  if (isUserToken(auth.credential)) return userOfToken(deps, auth.credential);
  const token = deps.tokens.resolve(auth.credential);
  if (!deps.model.getInstallation(token.installationId)) throw new SandboxHttpError(401, "Bad credentials");
  throw notAccessible();
}

function isUserToken(credential: string): boolean {
  return credential.startsWith("ghu_");
}

/** The user behind a live user access token; 401 "Bad credentials" when it is unknown, expired or refreshed away. */
function userOfToken(deps: DispatchDeps, credential: string): UserRecord {
  const record = deps.userTokens.resolve(credential);
  const user = record && deps.model.getUserById(record.userId);
  if (!user) throw new SandboxHttpError(401, "Bad credentials", { status: "401" });
  return user;
}
