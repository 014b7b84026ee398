import type { IncomingHttpHeaders } from "node:http";
import type { TokenRecord, TokenStore } from "../auth.js";
import type { SandboxModel } from "../model/model.js";

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
  /** The installation token; null on app routes, which authenticate with the app JWT. */
  token: TokenRecord | null;
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
  /** "app" routes take the app JWT; everything else an installation token. */
  auth: "app" | "installation";
  handler: (ctx: RestContext) => RestResult;
}

/** Declares a route served with an installation token. */
export function route(routeTemplate: string, handler: RouteDef["handler"]): RouteDef {
  return { route: routeTemplate, auth: "installation", handler };
}

/** Declares a route served with the app's JWT. */
export function appRoute(routeTemplate: string, handler: RouteDef["handler"]): RouteDef {
  return { route: routeTemplate, auth: "app", handler };
}
