import { pathToFileURL } from "node:url";

/** A REST route template compiled to a matcher, e.g. "GET /repos/{owner}/{repo}". */
export interface CompiledRoute {
  /** "METHOD /template", as in Octokit's endpoint map. */
  route: string;
  method: string;
  template: string;
  regex: RegExp;
  params: string[];
  /** Sort key: literal characters; more literal text means a more specific route. */
  literalLength: number;
}

export interface RouteMatch {
  route: CompiledRoute;
  params: Record<string, string>;
}

/**
 * Parameters that may span several path segments. `{path}` is a file path in the contents API
 * (Octokit encodes its slashes as %2F, but hand-built URLs keep them); the rest are single segments.
 */
const GREEDY_PARAMS = new Set(["path"]);

/** Compiles "GET /repos/{owner}/{repo}/contents/{path}" to an anchored regex with named groups. */
export function compileRoute(route: string): CompiledRoute {
  const space = route.indexOf(" ");
  const method = route.slice(0, space).toUpperCase();
  // Octokit's map has a few upload and query templates ("{origin}/...", "...{?name,label}") whose
  // extra parts are not path segments.
  const template = route
    .slice(space + 1)
    .replace(/^\{origin\}/, "")
    .replace(/\{\?[^}]*\}/g, "");
  const params: string[] = [];
  let literalLength = 0;
  const source = template.replace(/\{(\w+)\}|[^{]+/g, (part, name: string | undefined) => {
    if (name === undefined) {
      literalLength += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    params.push(name);
    return GREEDY_PARAMS.has(name) ? "(.*)" : "([^/]+)";
  });
  return { route, method, template, regex: new RegExp(`^${source}/?$`), params, literalLength };
}

/** Matches a request path (without query, still percent-encoded) against one compiled route. */
export function matchCompiled(route: CompiledRoute, path: string): Record<string, string> | null {
  const match = route.regex.exec(path);
  if (!match) return null;
  const params: Record<string, string> = {};
  route.params.forEach((name, index) => {
    params[name] = safeDecode(match[index + 1] ?? "");
  });
  return params;
}

/**
 * A set of routes bucketed by method and first path segment, tried most specific first, so
 * "/issues/comments" wins over "/issues/{issue_number}" and lookups stay cheap under load.
 */
export class RouteTable {
  readonly #buckets = new Map<string, CompiledRoute[]>();
  readonly size: number;

  constructor(routes: Iterable<string>) {
    let size = 0;
    for (const route of new Set(routes)) {
      const compiled = compileRoute(route);
      const key = bucketKey(compiled.method, compiled.template);
      const bucket = this.#buckets.get(key) ?? [];
      bucket.push(compiled);
      this.#buckets.set(key, bucket);
      size++;
    }
    for (const bucket of this.#buckets.values()) {
      bucket.sort((a, b) => a.params.length - b.params.length || b.literalLength - a.literalLength);
    }
    this.size = size;
  }

  /** The most specific route matching `method path`, with decoded parameters. */
  match(method: string, path: string): RouteMatch | undefined {
    const bucket = this.#buckets.get(bucketKey(method.toUpperCase(), path));
    for (const route of bucket ?? []) {
      const params = matchCompiled(route, path);
      if (params) return { route, params };
    }
    return undefined;
  }

  has(route: string): boolean {
    const compiled = compileRoute(route);
    return (this.#buckets.get(bucketKey(compiled.method, compiled.template)) ?? []).some((r) => r.template === compiled.template);
  }
}

function bucketKey(method: string, path: string): string {
  const first = path.split("/")[1] ?? "";
  return `${method} ${first}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

type EndpointMap = Record<string, Record<string, [string, ...unknown[]]>>;
let githubRoutes: Promise<RouteTable> | undefined;

/**
 * GitHub's REST routes, from the endpoint map that `@octokit/plugin-rest-endpoint-methods`
 * generates from GitHub's OpenAPI description. The package exports only its entry point, so
 * the generated file is located next to it and imported by file URL. Loaded once per process.
 */
export function loadGitHubRoutes(): Promise<RouteTable> {
  githubRoutes ??= (async () => {
    const entry = import.meta.resolve("@octokit/plugin-rest-endpoint-methods");
    const url = new URL("./generated/endpoints.js", entry.startsWith("file:") ? entry : pathToFileURL(entry).href);
    const module = (await import(url.href)) as { default: EndpointMap };
    const routes: string[] = [];
    for (const scope of Object.values(module.default)) {
      for (const [route] of Object.values(scope)) routes.push(route);
    }
    if (routes.length < 500) throw new Error(`sandbox: only ${routes.length} GitHub routes found in ${url.href}`);
    return new RouteTable(routes);
  })();
  return githubRoutes;
}
