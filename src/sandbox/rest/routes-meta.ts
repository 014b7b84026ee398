import type { RateLimiter } from "../rate-limit.js";
import { route, type RouteDef } from "./types.js";

/** `GET /rate_limit`, answered from the sandbox's own counters (it costs nothing, as on GitHub). */
export function metaRoutes(rateLimits: RateLimiter): RouteDef[] {
  return [
    route("GET /rate_limit", (ctx) => {
      const installationId = ctx.token?.installationId ?? 0;
      const core = rateLimits.snapshot("core", installationId);
      const graphql = rateLimits.snapshot("graphql", installationId);
      return { body: { resources: { core, graphql }, rate: core } };
    }),
  ];
}
