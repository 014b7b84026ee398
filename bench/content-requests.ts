import type { RecordedRequest } from "../src/sandbox/index.js";
import { CONTENT_CREATING_ROUTES } from "../src/sandbox/content-limit.js";

/**
 * True for a request GitHub counts against its content-creation limit, judged by the sandbox's
 * own route table (not by Steward's pacer, which is what is being measured): new issues, comments
 * and reviews over REST, and GraphQL mutations.
 */
export function createsContent(request: RecordedRequest): boolean {
  if (request.route !== undefined && CONTENT_CREATING_ROUTES.has(request.route)) return true;
  const query = (request.body as { query?: unknown } | undefined)?.query;
  return request.method === "POST" && request.path === "/graphql" && typeof query === "string" && /^\s*mutation\b/u.test(query);
}
