import type { IncomingHttpHeaders } from "node:http";
import type { Outcome } from "../http-io.js";
import type { SandboxModel } from "../model/model.js";
import type { AppInfo } from "../rest/types.js";
import { authorizePage, errorPage } from "./pages.js";
import { ACCESS_TOKEN_SECONDS, type GrantRefusal, type IssuedUserTokens, REFRESH_TOKEN_SECONDS, type UserTokenStore } from "./user-tokens.js";

/** The web flow's routes, served on the web host as on github.com (not under /api/v3). */
const WEB_FLOW_ROUTES = new Set(["GET /login/oauth/authorize", "POST /login/oauth/authorize", "POST /login/oauth/access_token"]);

/** Parameters whose values are credentials: the request log keeps their names only. */
const SECRET_PARAMS = new Set(["client_secret", "code", "refresh_token"]);

const TROUBLESHOOTING = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";

/** GitHub's error bodies for a refused exchange, answered with status 200. */
const REFUSALS: Record<GrantRefusal | "incorrect_client_credentials" | "unsupported_grant_type", { description: string; anchor: string }> = {
  incorrect_client_credentials: { description: "The client_id and/or client_secret passed are incorrect.", anchor: "incorrect-client-credentials" },
  redirect_uri_mismatch: {
    description: "The redirect_uri MUST match the registered callback URL for this application.",
    anchor: "redirect-uri-mismatch2",
  },
  bad_verification_code: { description: "The code passed is incorrect or expired.", anchor: "bad-verification-code" },
  // GitHub points refresh errors at the verification-code section too.
  bad_refresh_token: { description: "The refresh token passed is incorrect or expired.", anchor: "bad-verification-code" },
  unsupported_grant_type: { description: "The grant type passed is not supported.", anchor: "" },
};

export interface WebFlowDeps {
  model: SandboxModel;
  app: AppInfo;
  userTokens: UserTokenStore;
}

export interface WebFlowRequest {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body: form-urlencoded from the browser, JSON or form from the app's server. */
  body: string;
}

/** "METHOD /path" when the request is one of the web flow's, else null. */
export function webFlowRoute(method: string, path: string): string | null {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  return WEB_FLOW_ROUTES.has(route) ? route : null;
}

/** Serves one request of the web flow (see `webFlowRoute`). */
export function answerWebFlow(deps: WebFlowDeps, route: string, req: WebFlowRequest): Outcome {
  if (route === "GET /login/oauth/authorize") return showForm(deps, Object.fromEntries(req.query));
  // GitHub takes the exchange's parameters from the query string as well as from the body.
  const params = { ...Object.fromEntries(req.query), ...bodyParams(req) };
  if (route === "POST /login/oauth/authorize") return authorize(deps, params);
  return exchange(deps, params, req.headers.accept);
}

/** What the request log may keep of a web-flow request: its parameters, credentials redacted. */
export function loggableParams(req: WebFlowRequest): { query: Record<string, string>; body: Record<string, string> | undefined } {
  const body = bodyParams(req);
  return { query: redact(Object.fromEntries(req.query)), body: body && redact(body) };
}

function showForm(deps: WebFlowDeps, params: Record<string, string>): Outcome {
  const refused = checkClient(deps, params);
  if (refused) return refused;
  return authorizePage(formOf(deps, params));
}

/** The form's POST: a known user gets a one-time code, sent back to the app with its state. */
function authorize(deps: WebFlowDeps, params: Record<string, string>): Outcome {
  const refused = checkClient(deps, params);
  if (refused) return refused;
  const form = formOf(deps, params);
  const login = form.login.trim();
  const user = login === "" ? undefined : deps.model.getUser(login);
  if (user?.type !== "User") {
    const error = login === "" ? "Enter the username of a sandbox user" : `No sandbox user named ${login}`;
    return authorizePage({ ...form, error }, 422);
  }
  const code = deps.userTokens.issueCode(user.id, form.redirectUri);
  const target = new URL(form.redirectUri);
  const added = new URLSearchParams({ code, ...(form.state === null ? {} : { state: form.state }) }).toString();
  // Appended to the raw query, so the app's own parameters come back exactly as it wrote them.
  target.search = target.search ? `${target.search}&${added}` : `?${added}`;
  return {
    status: 302,
    headers: { location: target.href, "cache-control": "no-store" },
    text: `Redirecting to ${target.origin}`,
    contentType: "text/plain; charset=utf-8",
  };
}

/** `POST /login/oauth/access_token`: a code or a refresh token for a new token pair. */
function exchange(deps: WebFlowDeps, params: Record<string, string>, accept: string | undefined): Outcome {
  const answer = (fields: Record<string, string | number>): Outcome => tokenEndpointAnswer(fields, accept);
  const refusal = (error: keyof typeof REFUSALS) =>
    answer({ error, error_description: REFUSALS[error].description, error_uri: errorUri(REFUSALS[error].anchor) });
  if (params["client_id"] !== deps.app.clientId || params["client_secret"] !== deps.app.clientSecret) return refusal("incorrect_client_credentials");
  const grantType = params["grant_type"] ?? "authorization_code";
  let issued: IssuedUserTokens | GrantRefusal;
  if (grantType === "authorization_code") issued = deps.userTokens.redeemCode(params["code"] ?? "", params["redirect_uri"]);
  else if (grantType === "refresh_token") issued = deps.userTokens.refresh(params["refresh_token"] ?? "");
  else return refusal("unsupported_grant_type");
  if (typeof issued === "string") return refusal(issued);
  return answer({
    access_token: issued.accessToken,
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
    scope: "",
    token_type: "bearer",
  });
}

/** GitHub answers JSON only when asked (`Accept: application/json`), form-urlencoded otherwise, always 200. */
function tokenEndpointAnswer(fields: Record<string, string | number>, accept: string | undefined): Outcome {
  if (/application\/json/i.test(accept ?? "")) return { status: 200, headers: { "cache-control": "no-store" }, body: fields };
  const text = new URLSearchParams(Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)])).toString();
  return { status: 200, headers: { "cache-control": "no-store" }, text, contentType: "application/x-www-form-urlencoded; charset=utf-8" };
}

/** The authorize page's refusals: an unknown app is a 404, a redirect_uri that is not an absolute http(s) URL a 400. */
function checkClient(deps: WebFlowDeps, params: Record<string, string>): Outcome | null {
  if (params["client_id"] !== deps.app.clientId) {
    return errorPage(404, "Not Found", `No GitHub App in this sandbox has the client_id ${JSON.stringify(params["client_id"] ?? "")}.`);
  }
  const redirectUri = params["redirect_uri"] ?? "";
  const protocol = URL.canParse(redirectUri) ? new URL(redirectUri).protocol : null;
  if (protocol !== "http:" && protocol !== "https:") {
    return errorPage(400, "Bad Request", "The redirect_uri must be an absolute http or https URL: the sandbox sends the code there.");
  }
  return null;
}

function formOf(deps: WebFlowDeps, params: Record<string, string>) {
  return {
    appName: deps.app.name,
    clientId: deps.app.clientId,
    redirectUri: params["redirect_uri"] ?? "",
    state: params["state"] ?? null,
    login: params["login"] ?? "",
  };
}

/** A JSON object's string and number fields, or a form's fields; an unreadable body has none. */
function bodyParams(req: WebFlowRequest): Record<string, string> | undefined {
  if (req.method !== "POST") return undefined;
  if (!/application\/json/i.test(req.headers["content-type"] ?? "")) return Object.fromEntries(new URLSearchParams(req.body));
  try {
    const value: unknown = JSON.parse(req.body);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const fields = Object.entries(value).filter(
      (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
    );
    return Object.fromEntries(fields.map(([name, field]) => [name, String(field)]));
  } catch {
    return {};
  }
}

function errorUri(anchor: string): string {
  return anchor ? `${TROUBLESHOOTING}#${anchor}` : TROUBLESHOOTING;
}

function redact(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, SECRET_PARAMS.has(name) ? "[redacted]" : value]));
}
