import type { RateLimiter } from "../rate-limit.js";
import { loadGitHubRoutes, type RouteTable } from "../route-table.js";
import { appRoutes } from "./routes-app.js";
import { commentRoutes } from "./routes-comments.js";
import { contentRoutes } from "./routes-contents.js";
import { issueRoutes } from "./routes-issues.js";
import { labelRoutes } from "./routes-labels.js";
import { metaRoutes } from "./routes-meta.js";
import { pullRoutes } from "./routes-pulls.js";
import { reactionRoutes } from "./routes-reactions.js";
import { repoRoutes } from "./routes-repos.js";
import { userRoutes } from "./routes-user.js";
import type { RouteDef } from "./types.js";

/** How a REST request resolves against the sandbox and GitHub's route table. */
export type Resolution =
  | { kind: "implemented"; def: RouteDef; route: string; params: Record<string, string> }
  | { kind: "unimplemented"; route: string }
  | { kind: "unknown" };

/** Every REST route the sandbox implements. Add new route files here. */
export function implementedRoutes(rateLimits: RateLimiter): RouteDef[] {
  return [
    ...appRoutes,
    ...repoRoutes,
    ...contentRoutes,
    ...issueRoutes,
    ...commentRoutes,
    ...reactionRoutes,
    ...labelRoutes,
    ...pullRoutes,
    ...userRoutes,
    ...metaRoutes(rateLimits),
  ];
}

/**
 * Resolves a request against GitHub's full route table, then looks the matched template up among
 * the sandbox's routes: a route GitHub lacks is a 404, a GitHub route the sandbox lacks a 501.
 * Matching GitHub's table first keeps literal routes such as "/issues/events" from being taken
 * for "/issues/{issue_number}".
 */
export class RestRouter {
  readonly #defs = new Map<string, RouteDef>();
  #github: RouteTable | undefined;

  constructor(defs: RouteDef[]) {
    for (const def of defs) {
      if (this.#defs.has(def.route)) throw new Error(`sandbox: route ${def.route} is defined twice`);
      this.#defs.set(def.route, def);
    }
  }

  /** Loads GitHub's route table and refuses to start if the sandbox serves a route GitHub lacks. */
  async init(): Promise<void> {
    const github = await loadGitHubRoutes();
    const invented = [...this.#defs.keys()].filter((route) => !github.has(route));
    if (invented.length > 0) throw new Error(`sandbox: routes not in GitHub's REST API: ${invented.join(", ")}`);
    this.#github = github;
  }

  resolve(method: string, path: string): Resolution {
    if (!this.#github) throw new Error("sandbox: RestRouter.init() was not awaited");
    const match = this.#github.match(method, path);
    if (!match) return { kind: "unknown" };
    const def = this.#defs.get(match.route.route);
    return def ? { kind: "implemented", def, route: match.route.route, params: match.params } : { kind: "unimplemented", route: match.route.route };
  }
}
