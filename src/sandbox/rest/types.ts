import type { IncomingHttpHeaders } from "node:http";
import type { TokenRecord, TokenStore } from "../auth.js";
import type { SandboxModel } from "../model/model.js";
import type { UserRecord } from "../model/types.js";

/** Base URLs of the running sandbox, taken from the request's Host header. */
export interface Urls {
  /** REST root, e.g. http://127.0.0.1:3100/api/v3 */
  api: string;
  /** Web root for html_url fields, e.g. http://127.0.0.1:3100 */
  web: string;
}

/** The GitHub App the sandbox pretends to host. */
export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  /** The app's bot account, author of everything written with an installation token. */
  botLogin: string;
  created_at: string;
  /** OAuth client id of the user authorization (web) flow: `Iv1.sandbox<app id>`. */
  clientId: string;
  /** OAuth client secret the code exchange must present. */
  clientSecret: string;
}

/** What shape builders need: the model and where the sandbox lives. */
export interface ShapeContext {
  model: SandboxModel;
  urls: Urls;
  /** The app whose installation tokens write: what it wrote carries `performed_via_github_app`. */
  app?: AppInfo;
}

/** One REST request, routed and authenticated, as a handler sees it. */
export interface RestContext extends ShapeContext {
  method: string;
  /** Path after /api/v3, still percent-encoded. */
  path: string;
  /** The matched "METHOD /template". */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  app: AppInfo;
  tokens: TokenStore;
  /** The installation token; null on app and user routes. */
  token: TokenRecord | null;
  /** The user a user access token (`ghu_`) acts for; set on user routes only. */
  user: UserRecord | null;
}

/** A handler's answer. JSON unless `text` is set. */
export interface RestResult {
  status?: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A REST route the sandbox implements; `route` must be one of GitHub's templates. */
export interface RouteDef {
  route: string;
  /**
   * "app" routes take the app JWT, "user" routes a user access token from the web flow,
   * everything else an installation token. A user token on an installation route, or an
   * installation token on a user route, is a 403 "Resource not accessible by integration".
   */
  auth: "app" | "installation" | "user";
  handler: (ctx: RestContext) => RestResult;
}

/** Declares a route served with an installation token. */
export function route(routeTemplate: string, handler: RouteDef["handler"]): RouteDef {
  return { route: routeTemplate, auth: "installation", handler };
}

/** Declares a route served with a user access token (`ghu_`), acting as the signed-in user. */
export function userRoute(routeTemplate: string, handler: RouteDef["handler"]): RouteDef {
  return { route: routeTemplate, auth: "user", handler };
}

/** Declares a route served with the app's JWT. */
export function appRoute(routeTemplate: string, handler: RouteDef["handler"]): RouteDef {
  return { route: routeTemplate, auth: "app", handler };
}
